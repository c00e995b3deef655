"""Who depends on whom, for what, on which evidence: the dependency and matrix queries."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from schema import registry
from service import models
from service.deps import ReaderDep
from service.errors import BadInput, NotFound
from service.tabular import CSV_RESPONSE, FormatParam, csv_response, wants_csv

router = APIRouter(tags=["dependencies"])

ActorId = Annotated[str, Query(pattern=registry.ID_PATTERN, description="mission or organisation id")]
Kind = Annotated[Literal["power", "resource"] | None, Query(description="power or resource; both when absent")]
STEP_COLUMNS = ["chain", "step", "from", "to", "kind", "on", "weight", "evidence", "interviews", "literature"]


async def _actors(graph: ReaderDep, ids: list[str]) -> dict[str, models.Ref]:
    rows = await graph.read("actors", ids=ids)
    found = {row["id"]: models.Ref(id=row["id"], name=row["name"], acronym=row["acronym"]) for row in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound(f"no mission or organisation {', '.join(map(repr, missing))}")
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
    queries = {"out": ["dependencies_out"], "in": ["dependencies_in"], "both": ["dependencies_out", "dependencies_in"]}
    chains: list[models.DependencyChain] = []
    for query in queries[direction]:
        for row in await graph.read(query, actor=actor, kind=kind, depth=depth):
            chains.append(
                models.DependencyChain(
                    actors=[models.Ref(**a) for a in row["actors"]],
                    steps=[models.DependencyStep(**s) for s in row["steps"]],
                )
            )
    answer = models.Dependencies(
        actor=subject,
        direction=direction,
        kind=kind,
        depth=depth,
        direct=[c.steps[0] for c in chains if len(c.steps) == 1],
        chains=chains,
    )
    if wants_csv(request, fmt):
        rows = [
            {"chain": n, "step": i, **step.model_dump(by_alias=True)}
            for n, chain in enumerate(chains, start=1)
            for i, step in enumerate(chain.steps, start=1)
        ]
        return csv_response(rows, STEP_COLUMNS, f"dependencies-{actor}")
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
    ids = list(dict.fromkeys(a.strip() for a in actors.split(",") if a.strip()))
    if not 2 <= len(ids) <= 50:
        raise BadInput("actors: give 2 to 50 comma-separated ids")
    found = await _actors(graph, ids)
    rows: dict[str, dict[str, models.MatrixCell]] = {i: {} for i in ids}
    for row in await graph.read("dependency_matrix", actors=ids, kind=kind):
        rows[row["from"]][row["to"]] = models.MatrixCell(
            weight=row["weight"], on=sorted(row["on"]), evidence=sorted(set(row["evidence"]))
        )
    if wants_csv(request, fmt):
        table = [{"depends on →": a, **{b: (rows[a][b].weight if b in rows[a] else 0) for b in ids}} for a in ids]
        return csv_response(table, ["depends on →", *ids], "dependency-matrix")
    return models.DependencyMatrix(actors=[found[i] for i in ids], kind=kind, rows=rows)
