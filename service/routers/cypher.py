"""For Cypher users: the named statements the API runs, and read-only Cypher of their own.

Read-only is enforced by the database: statements run in a READ access-mode transaction (which
Neo4j refuses to write in) that is rolled back, with a server-side time limit and a row cap.
No keyword filtering.
"""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from neo4j.exceptions import ClientError, DatabaseError

from queries import public_statements, statement
from service import models
from service.deps import ReaderDep
from service.errors import BadInput, NotFound, QueryRefused, why_ended

router = APIRouter(tags=["cypher"])
REFUSED: dict[int | str, dict[str, Any]] = {400: {"model": models.ErrorBody, "description": "Neo4j refused it"}}


def _named(name: str) -> models.NamedQuery:
    found = statement(name)
    return models.NamedQuery(
        name=found.name,
        description=found.description,
        parameters=found.parameters,
        browser_params=found.browser_params,
        cypher=found.text,
    )


@router.get("/queries", response_model=list[models.NamedQuery], summary="Every named statement the API runs")
async def list_queries() -> list[models.NamedQuery]:
    return [_named(s.name) for s in public_statements()]


async def _run(graph: ReaderDep, text: str, params: dict[str, Any], limit: int) -> models.CypherResult:
    started = time.monotonic()
    try:
        columns, rows, truncated = await graph.read_statement(text, params, limit)
    except (ClientError, DatabaseError) as err:
        code = err.code or ""
        if isinstance(err, DatabaseError) and ".Statement." not in code:
            raise  # a fault of the database, not of the statement: the 500 of service.errors
        ended = why_ended(code, graph.timeout_s, time.monotonic() - started)
        if ended is not None:
            raise ended from err
        if "AccessMode" in code or "ForbiddenOnReadOnlyDatabase" in code:
            raise QueryRefused("write_refused", f"read-only: Neo4j says: {err.message}") from err
        raise QueryRefused("cypher_error", f"Neo4j says ({code}): {err.message}") from err
    return models.CypherResult(columns=columns, rows=rows, truncated=truncated)


@router.post(
    "/queries/{name:path}",
    response_model=models.CypherResult,
    responses={**REFUSED, 404: {}},
    summary="Run one named statement with JSON parameters (read-only)",
)
async def run_query(
    graph: ReaderDep,
    name: Annotated[str, Path(description="as listed by GET /queries, e.g. mission or system/counts")],
    parameters: Annotated[dict[str, Any], Body(examples=[{"id": "monuc"}])] | None = None,
) -> models.CypherResult:
    known = {s.name: s for s in public_statements()}
    if name not in known:
        raise NotFound(f"no query {name!r}; GET /queries lists them")
    given = parameters or {}
    missing = [p for p in known[name].parameters if p not in given]
    extra = sorted(set(given) - set(known[name].parameters))
    if missing or extra:
        raise BadInput(f"parameters: missing {missing}, unknown {extra}; {name} takes {known[name].parameters}")
    return await _run(graph, known[name].text, given, 10_000)


@router.post(
    "/cypher",
    response_model=models.CypherResult,
    responses=REFUSED,
    summary="Run your own read-only Cypher (READ transaction, time limit, row cap)",
)
async def run_cypher(graph: ReaderDep, request: models.CypherRequest) -> models.CypherResult:
    return await _run(graph, request.query, request.parameters, request.limit)
