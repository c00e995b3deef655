"""Who depends on whom, for what, on which evidence: the dependency and matrix queries.

Claim ids by default; `expand=evidence` puts each claim inline (service.evidence)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from schema import registry
from service import evidence, models
from service.deps import ReaderDep
from service.errors import NotFound
from service.evidence import Expand
from service.formats import TABULAR
from service.read_models import dependencies as read_model

router = APIRouter(tags=["dependencies"])

ActorId = Annotated[
    str, Query(pattern=registry.ID_PATTERN, description="mission or organisation id", examples=["unmik"])
]
Kind = Annotated[Literal["power", "resource"] | None, Query(description="power or resource; both when absent")]
# 2 to 50 comma-separated ids, said in the document so that a client (and schemathesis) knows before asking.
_ID = registry.SLUG
ACTORS_PATTERN = rf"^\s*{_ID}\s*(,\s*{_ID}\s*){{1,49}}$"


async def _actors(graph: ReaderDep, ids: list[str]) -> dict[str, models.Ref]:
    found = read_model.actor_refs(await graph.read("actors", ids=ids))
    if unknown := read_model.missing(ids, found):
        raise NotFound(f"no mission or organisation {', '.join(map(repr, unknown))}")
    return found


@router.get(
    "/dependencies",
    response_model=models.Dependencies,
    responses={**TABULAR.responses("JSON, or CSV on request"), 404: {}},
    summary="Who an actor depends on (out), who depends on it (in), or both, with evidence",
)
@TABULAR
async def dependencies(
    graph: ReaderDep,
    actor: ActorId,
    direction: Annotated[
        Literal["out", "in", "both"], Query(description="out: what it depends on; in: who depends on it")
    ] = "out",
    kind: Kind = None,
    depth: Annotated[int, Query(ge=1, le=3, description="longest chain, in steps")] = 1,
    expand: Expand = None,
) -> models.Dependencies:
    subject = (await _actors(graph, [actor]))[actor]
    params = {"actor": actor, "kind": kind, "depth": depth}
    rows = [row for name in read_model.STATEMENTS[direction] for row in await graph.read(name, **params)]
    answer = read_model.dependencies(subject, direction, kind, depth, rows)
    if expand:
        steps = [step for chain in answer.chains for step in chain.steps]
        found = await evidence.claims_by_id(graph, (i for step in steps for i in step.evidence))
        for step in steps:
            step.claims = evidence.pick(found, step.evidence)
    return answer


@router.get(
    "/dependencies/matrix",
    response_model=models.DependencyMatrix,
    responses={**TABULAR.responses("JSON, or CSV on request"), 404: {}},
    summary="Actor x actor table of dependency weights (row depends on column)",
)
@TABULAR
async def dependency_matrix(
    graph: ReaderDep,
    actors: Annotated[
        str,
        Query(
            pattern=ACTORS_PATTERN, description="comma-separated actor ids, 2 to 50", examples=["unmik,unsc,osce,eu"]
        ),
    ],
    kind: Kind = None,
    expand: Expand = None,
) -> models.DependencyMatrix:
    ids = read_model.matrix_ids(actors)
    found = await _actors(graph, ids)
    rows = await graph.read("dependency_matrix", actors=ids, kind=kind)
    answer = read_model.dependency_matrix(ids, found, kind, rows)
    if expand:
        cells = [cell for row in answer.rows.values() for cell in row.values()]
        claims = await evidence.claims_by_id(graph, (i for cell in cells for i in cell.evidence))
        for cell in cells:
            cell.claims = evidence.pick(claims, cell.evidence)
    return answer
