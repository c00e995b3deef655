"""Centrality of missions and organisations in the graph of evidenced relations."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from schema import registry
from service import models
from service.centrality import Metric, WeightedGraph, compute
from service.deps import ReaderDep
from service.errors import BadInput
from service.tabular import CSV_RESPONSE, FormatParam, csv_response, wants_csv

router = APIRouter(tags=["centrality"])
RELATIONS = [relation.type for relation in registry.EVIDENCED_RELATIONS]


@router.get(
    "/centrality",
    response_model=models.Centrality,
    responses=CSV_RESPONSE,
    summary="Rank actors by degree, betweenness, PageRank or eigenvector centrality",
)
async def centrality(
    graph: ReaderDep,
    request: Request,
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
    relations: Annotated[str | None, Query(description="comma-separated relation types; all five when absent")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="how many of the ranking to return")] = 50,
    fmt: FormatParam = None,
) -> Any:
    chosen = RELATIONS if relations is None else [r.strip().upper() for r in relations.split(",") if r.strip()]
    unknown = sorted(set(chosen) - set(RELATIONS))
    if unknown or not chosen:
        raise BadInput(f"relations: unknown {unknown}; choose from {RELATIONS}")
    rows = await graph.read("actor_graph", relations=chosen, kind=kind, mission=mission)
    names = {r["from"]: r["from_name"] for r in rows} | {r["to"]: r["to_name"] for r in rows}
    weighted = WeightedGraph.from_relations((r["from"], r["to"], float(r["claims"])) for r in rows)
    scores = compute(weighted, metric)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    ranking = [models.CentralityScore(rank=n, id=i, name=names.get(i), score=s) for n, (i, s) in enumerate(ranked, 1)]
    if wants_csv(request, fmt):
        return csv_response([r.model_dump() for r in ranking], ["rank", "id", "name", "score"], f"centrality-{metric}")
    return models.Centrality(
        metric=metric,
        graph=models.CentralityGraph(
            nodes=len(weighted.nodes),
            edges=len(weighted.edges),
            relations=chosen,
            kind=kind,
            mission=mission,
            weighting="edge weight = supporting claims; parallel relations merged",
        ),
        ranking=ranking,
    )
