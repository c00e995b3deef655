"""Who depends on whom, for what, on which evidence: the dependency and matrix queries."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from schema import registry
from service import models
from service.deps import ReaderDep
from service.errors import BadInput, NotFound
from service.read_models import dependencies as read_model
from service.tabular import CSV_RESPONSE, FormatParam, csv_response, wants_csv

router = APIRouter(tags=["dependencies"])

ActorId = Annotated[str, Query(pattern=registry.ID_PATTERN, description="mission or organisation id")]
Kind = Annotated[Literal["power", "resource"] | None, Query(description="power or resource; both when absent")]


async def _actors(graph: ReaderDep, ids: list[str]) -> dict[str, models.Ref]:
    found = read_model.actor_refs(await graph.read("actors", ids=ids))
    if unknown := read_model.missing(ids, found):
        raise NotFound(f"no mission or organisation {', '.join(map(repr, unknown))}")
    return found


@router.get(
    "/dependencies",
    response_model=models.Dependencies,
    responses={**CSV_RESPONSE, 404: {}},
    summary="Who an actor depends on (out), who depends on it (in), or both, with evidence",
)
async def dependencies(
    graph: ReaderDep,
    request: Request,
    actor: ActorId,
    direction: Annotated[
        Literal["out", "in", "both"], Query(description="out: what it depends on; in: who depends on it")
    ] = "out",
    kind: Kind = None,
    depth: Annotated[int, Query(ge=1, le=3, description="longest chain, in steps")] = 1,
    fmt: FormatParam = None,
) -> Any:
    subject = (await _actors(graph, [actor]))[actor]
    params = {"actor": actor, "kind": kind, "depth": depth}
    rows = [row for name in read_model.STATEMENTS[direction] for row in await graph.read(name, **params)]
    answer = read_model.dependencies(subject, direction, kind, depth, rows)
    if wants_csv(request, fmt):
        return csv_response(read_model.steps_table(answer), read_model.STEP_COLUMNS, f"dependencies-{actor}")
    return answer


@router.get(
    "/dependencies/matrix",
    response_model=models.DependencyMatrix,
    responses={**CSV_RESPONSE, 404: {}},
    summary="Actor x actor table of dependency weights (row depends on column)",
)
async def dependency_matrix(
    graph: ReaderDep,
    request: Request,
    actors: Annotated[str, Query(description="comma-separated actor ids, 2 to 50", examples=["unmik,unsc,osce,eu"])],
    kind: Kind = None,
    fmt: FormatParam = None,
) -> Any:
    ids = read_model.matrix_ids(actors)
    if not 2 <= len(ids) <= 50:
        raise BadInput("actors: give 2 to 50 comma-separated ids")
    found = await _actors(graph, ids)
    rows = await graph.read("dependency_matrix", actors=ids, kind=kind)
    matrix = read_model.dependency_matrix(ids, found, kind, rows)
    if wants_csv(request, fmt):
        table, columns = read_model.matrix_table(matrix)
        return csv_response(table, columns, "dependency-matrix")
    return matrix
