"""Liveness (`/health`) and readiness (`/ready`) for operators and orchestrators."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request

from schema.graph_schema import expected_schema_names
from service.deps import ReaderDep
from service.errors import NotReady
from service.models import DatasetInfo, ErrorBody, GraphCounts, Health, Neo4jInfo, Ready, SchemaState

router = APIRouter(tags=["operations"])


@router.get("/health", response_model=Health, summary="The process is up (does not touch Neo4j)")
async def health() -> Health:
    return Health(status="ok")


def _dataset(row: dict[str, Any] | None) -> DatasetInfo | None:
    if not row:
        return None
    counts = row.get("counts")
    return DatasetInfo(
        version=str(row.get("version", "")),
        loaded_at=str(row.get("loaded_at", "")),
        # Neo4j has no map properties: the ingest stores counts as a JSON string.
        counts=json.loads(counts) if isinstance(counts, str) else {},
        pending=row.get("pending"),
    )


@router.get(
    "/ready",
    response_model=Ready,
    summary="Neo4j answers, the schema is applied; the dataset version and graph counts",
    responses={503: {"model": ErrorBody, "description": "Neo4j unreachable or schema not applied"}},
)
async def ready(graph: ReaderDep, request: Request) -> Ready:
    settings = request.app.state.settings
    server = (await graph.read("system/server_info"))[0]
    online = {row["name"] for row in await graph.read("system/schema_state") if row["state"] == "ONLINE"}
    expected = expected_schema_names()
    missing = sorted(expected - online)
    counts = (await graph.read("system/counts"))[0]
    dataset = (await graph.read("system/dataset"))[0]["dataset"]
    body = Ready(
        status="ready" if not missing else "schema-missing",
        neo4j=Neo4jInfo(
            name=server["name"],
            version=server["version"],
            edition=server["edition"],
            uri=settings.neo4j_uri,
            database=settings.neo4j_database,
        ),
        schema_=SchemaState(
            applied=not missing, expected=len(expected), online=len(expected & online), missing=missing
        ),
        dataset=_dataset(dataset),
        counts=GraphCounts(**counts),
    )
    if missing:
        raise NotReady(f"schema not applied: missing {', '.join(missing)}; run `pkgraph schema apply`")
    return body
