"""Liveness (`/health`) and readiness (`/ready`) for operators and orchestrators."""

from __future__ import annotations

from fastapi import APIRouter, Request

from schema.graph_schema import expected_schema_names
from service.deps import ReaderDep
from service.errors import NotReady
from service.models import ErrorBody, Health, Ready
from service.read_models.readiness import readiness

router = APIRouter(tags=["operations"])


@router.get("/health", response_model=Health, summary="The process is up (does not touch Neo4j)")
async def health() -> Health:
    return Health(status="ok")


@router.get(
    "/ready",
    response_model=Ready,
    summary="Neo4j answers, the schema is applied; the dataset version and graph counts",
    responses={503: {"model": ErrorBody, "description": "Neo4j unreachable or schema not applied"}},
)
async def ready(graph: ReaderDep, request: Request) -> Ready:
    settings = request.app.state.settings
    body = readiness(
        server=(await graph.read("system/server_info"))[0],
        index_rows=await graph.read("system/schema_state"),
        counts=(await graph.read("system/counts"))[0],
        dataset_rows=[row["dataset"] for row in await graph.read("system/datasets")],
        expected=expected_schema_names(),
        uri=settings.neo4j_uri,
        database=settings.neo4j_database,
    )
    if missing := body.schema_.missing:
        raise NotReady(f"schema not applied: missing {', '.join(missing)}; run `pkgraph schema apply`")
    return body
