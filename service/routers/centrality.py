"""Centrality of missions and organisations in the graph of evidenced relations."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from schema import registry
from service import evidence, models
from service.deps import ReaderDep
from service.errors import BadInput
from service.evidence import Expand
from service.filters import require_known
from service.formats import TABULAR
from service.read_models import centrality as read_model
from service.read_models import contributions as data_model
from service.read_models.centrality import Metric

router = APIRouter(tags=["centrality"])


def _any_case(name: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in name)


# The relation names in any case, comma-separated: the document says which values are accepted.
_RELATION = "(" + "|".join(_any_case(name) for name in read_model.RELATIONS) + ")"
RELATIONS_PATTERN = rf"^\s*{_RELATION}\s*(,\s*{_RELATION}\s*)*$"


@router.get(
    "/centrality",
    response_model=models.Centrality | models.DataCentrality | models.BothCentrality,
    responses=TABULAR.responses("JSON, or CSV on request"),
    summary="Rank actors by degree, betweenness, PageRank or eigenvector centrality",
)
@TABULAR
async def centrality(
    graph: ReaderDep,
    metric: Annotated[Metric, Query(description="degree, betweenness, pagerank or eigenvector")] = "pagerank",
    kind: Annotated[
        Literal["power", "resource"] | None, Query(description="only DEPENDS_ON relations of this kind")
    ] = None,
    mission: Annotated[
        str | None,
        Query(
            pattern=registry.ID_PATTERN,
            description="only evidence from claims that mention this mission or cite its interviews",
        ),
    ] = None,
    relations: Annotated[
        str | None,
        Query(
            pattern=RELATIONS_PATTERN,
            description=f"comma-separated, of {', '.join(read_model.RELATIONS)}; all five when absent",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="how many of the ranking to return")] = 50,
    expand: Expand = None,
    basis: Annotated[
        Literal["evidence", "data", "both"],
        Query(
            description="evidence: the claims' relations (default); data: missions -> the states supplying "
            "their personnel, weighted by share (IPI); both: two rankings side by side"
        ),
    ] = "evidence",
    month: Annotated[str | None, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="data basis: YYYY-MM")] = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$", description="data basis: the latest month of YYYY")] = None,
) -> models.Centrality | models.DataCentrality | models.BothCentrality:
    on_evidence = None
    if basis != "data":
        chosen = read_model.chosen_relations(relations)
        unknown = read_model.unknown_relations(chosen)
        if unknown or not chosen:
            raise BadInput(f"relations: unknown {unknown}; choose from {read_model.RELATIONS}")
        await require_known(graph, mission=("Mission", mission))
        rows = await graph.read("actor_graph", relations=chosen, kind=kind, mission=mission)
        on_evidence = read_model.centrality(rows, metric, chosen, kind, mission, limit)
        if expand:
            behind = read_model.evidence_by_actor(rows)
            found = await evidence.claims_by_id(graph, (i for score in on_evidence.ranking for i in behind[score.id]))
            for score in on_evidence.ranking:
                score.claims = evidence.pick(found, behind[score.id])
        if basis == "evidence":
            return on_evidence
    if month is not None and year is not None:
        raise BadInput("give month= or year=, not both")
    data = data_model.data_centrality(await graph.read("actor_graph_data", month=month, year=year), metric, limit)
    if on_evidence is None:
        return data
    return models.BothCentrality(evidence=on_evidence, data=data)
