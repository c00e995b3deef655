"""Who depends on whom, for what, on which evidence: the dependency and matrix queries.

Claim ids by default; `expand=evidence` puts each claim inline (service.evidence)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from schema import registry
from service import evidence, models
from service.deps import ReaderDep
from service.errors import BadInput, NotFound
from service.evidence import Expand
from service.formats import TABULAR
from service.read_models import contributions as data_model
from service.read_models import dependencies as read_model

router = APIRouter(tags=["dependencies"])

ActorId = Annotated[
    str, Query(pattern=registry.ID_PATTERN, description="mission or organisation id", examples=["unmik"])
]
Kind = Annotated[Literal["power", "resource"] | None, Query(description="power or resource; both when absent")]
Basis = Annotated[
    Literal["evidence", "data", "both"],
    Query(
        description="evidence: the claims' DEPENDS_ON (default); data: a mission's resource dependency on the "
        "states supplying its personnel, weighted by their share (IPI); both: side by side, never summed",
        examples=["both"],
    ),
]
Month = Annotated[
    str | None,
    Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="data basis: YYYY-MM", examples=["2012-06"]),
]
Year = Annotated[
    str | None, Query(pattern=r"^\d{4}$", description="data basis: the latest month of YYYY", examples=["2012"])
]
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
    response_model=models.Dependencies | models.DataDependencies | models.BothDependencies,
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
    basis: Basis = "evidence",
    month: Month = None,
    year: Year = None,
) -> models.Dependencies | models.DataDependencies | models.BothDependencies:
    subject = (await _actors(graph, [actor]))[actor]
    if basis != "evidence" and month is not None and year is not None:
        raise BadInput("give month= or year=, not both")
    on_evidence = None
    if basis != "data":
        params = {"actor": actor, "kind": kind, "depth": depth}
        rows = [row for name in read_model.STATEMENTS[direction] for row in await graph.read(name, **params)]
        on_evidence = read_model.dependencies(subject, direction, kind, depth, rows)
        if expand:
            steps = [step for chain in on_evidence.chains for step in chain.steps]
            found = await evidence.claims_by_id(graph, (i for step in steps for i in step.evidence))
            for step in steps:
                step.claims = evidence.pick(found, step.evidence)
        if basis == "evidence":
            return on_evidence
    # The data basis knows only resource dependency (on staff): kind=power has no data edge.
    data_rows = [] if kind == "power" else await graph.read("dependencies_data", actor=actor, month=month, year=year)
    data = data_model.data_dependencies(subject, direction, data_rows)
    if on_evidence is None:
        return data
    return models.BothDependencies(evidence=on_evidence, data=data)


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
