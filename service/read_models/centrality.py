"""Centrality of actors in the evidenced-relation graph, computed with igraph.

Input: the rows of `actor_graph` (one per relation, with its supporting claims and their number).

The graph is directed: an edge a -> b for each relation a asserts of b (a depends on, reports to,
funds, coordinates with or is in tension with b). Parallel relations between the same ordered pair
are merged and their evidence added up; an edge's weight is its number of supporting claims.

- degree: number of edges at the actor, in and out (unweighted, as networkx's DiGraph.degree).
- betweenness: shortest paths over distance 1/weight (well-evidenced ties are short), not normalised.
- pagerank: damping 0.85, weighted by evidence.
- eigenvector: on the undirected graph (summed weights), scaled so the largest is 1; a directed graph
  that is not strongly connected has no meaningful eigenvector centrality.

The same relations give the same scores to the last digit, in whatever order the rows come: edges
are sorted before igraph sees them, and the eigenvector solver starts from a seeded vector.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import igraph

from schema import registry
from service import models
from service.read_models.evidence_rows import EVIDENCE_COLUMNS, expanded
from service.tabular import Table, tabulates

Metric = Literal["degree", "betweenness", "pagerank", "eigenvector"]
DAMPING = 0.85
RELATIONS = [relation.type for relation in registry.EVIDENCED_RELATIONS]
COLUMNS = ["rank", "id", "name", "score"]
WEIGHTING = "edge weight = supporting claims; parallel relations merged"
# igraph's random number generator is the process's; it is seeded only while this holds it.
_SEEDED = threading.Lock()


@dataclass(frozen=True)
class WeightedGraph:
    """Actors and merged, weighted directed edges: what every metric runs on."""

    nodes: list[str]
    edges: dict[tuple[str, str], float]

    @classmethod
    def from_relations(cls, relations: Iterable[tuple[str, str, float]]) -> WeightedGraph:
        edges: dict[tuple[str, str], float] = {}
        for source, target, weight in relations:
            edges[(source, target)] = edges.get((source, target), 0.0) + weight
        nodes = sorted({n for pair in edges for n in pair})
        return cls(nodes, dict(sorted(edges.items())))

    def undirected(self) -> dict[tuple[str, str], float]:
        merged: dict[tuple[str, str], float] = {}
        for (a, b), weight in self.edges.items():
            key = (a, b) if a <= b else (b, a)
            merged[key] = merged.get(key, 0.0) + weight
        return merged


def _igraph(nodes: list[str], edges: dict[tuple[str, str], float], directed: bool) -> igraph.Graph:
    index = {n: i for i, n in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges], directed=directed)
    graph.es["weight"] = list(edges.values())
    return graph


def _eigenvector(graph: igraph.Graph) -> list[float]:
    # ARPACK starts from a random vector drawn from igraph's generator: unseeded, the scores differ in
    # their last digits from call to call, and an answer would not be a function of its rows.
    with _SEEDED:
        igraph.set_random_number_generator(random.Random(0))  # noqa: S311 (a start vector, not a secret)
        try:
            scores: list[float] = graph.eigenvector_centrality(weights="weight", scale=False)
        finally:
            igraph.set_random_number_generator(random)
    return scores


def compute(graph: WeightedGraph, metric: Metric) -> dict[str, float]:
    if not graph.nodes:
        return {}
    if metric == "eigenvector":
        scores = _eigenvector(_igraph(graph.nodes, graph.undirected(), directed=False))
        top = max(scores) or 1.0
        return dict(zip(graph.nodes, (s / top for s in scores), strict=True))
    directed = _igraph(graph.nodes, graph.edges, directed=True)
    if metric == "degree":
        values = [float(d) for d in directed.degree(mode="all")]
    elif metric == "betweenness":
        values = directed.betweenness(directed=True, weights=[1.0 / w for w in directed.es["weight"]])
    else:
        values = directed.pagerank(directed=True, damping=DAMPING, weights="weight")
    return dict(zip(graph.nodes, values, strict=True))


def chosen_relations(relations: str | None) -> list[str]:
    """The relation types of a comma-separated list (any case), all of `RELATIONS` when absent."""
    return RELATIONS if relations is None else [r.strip().upper() for r in relations.split(",") if r.strip()]


def unknown_relations(chosen: list[str]) -> list[str]:
    return sorted(set(chosen) - set(RELATIONS))


def evidence_by_actor(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The claims behind each actor's relations (as either end), in claim id order."""
    behind: dict[str, set[str]] = {}
    for row in rows:
        for actor in (row["from"], row["to"]):
            behind.setdefault(actor, set()).update(row["evidence"])
    return {actor: sorted(ids) for actor, ids in behind.items()}


def centrality(
    rows: list[dict[str, Any]],
    metric: Metric,
    relations: list[str],
    kind: str | None,
    mission: str | None,
    limit: int,
) -> models.Centrality:
    """The `limit` highest scores, ties by id; `relations`, `kind` and `mission` only describe the graph."""
    names = {r["from"]: r["from_name"] for r in rows} | {r["to"]: r["to_name"] for r in rows}
    weighted = WeightedGraph.from_relations((r["from"], r["to"], float(r["claims"])) for r in rows)
    scores = compute(weighted, metric)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    ranking = [models.CentralityScore(rank=n, id=i, name=names.get(i), score=s) for n, (i, s) in enumerate(ranked, 1)]
    return models.Centrality(
        metric=metric,
        graph=models.CentralityGraph(
            nodes=len(weighted.nodes),
            edges=len(weighted.edges),
            relations=relations,
            kind=kind,
            mission=mission,
            weighting=WEIGHTING,
        ),
        ranking=ranking,
    )


def table(answer: models.Centrality) -> list[dict[str, Any]]:
    """The ranking, one row per actor, for CSV (columns `COLUMNS`)."""
    return [score.model_dump() for score in answer.ranking]


@tabulates(models.Centrality)
def csv_table(answer: models.Centrality) -> Table:
    """One row per actor; with `expand=evidence`, one row per actor x claim (evidence_rows)."""
    name = f"centrality-{answer.metric}"
    if not any(score.claims is not None for score in answer.ranking):
        return Table(COLUMNS, table(answer), name)
    plain = [score.model_dump(exclude={"claims"}) for score in answer.ranking]
    rows = expanded(zip(plain, (score.claims for score in answer.ranking), strict=True))
    return Table([*COLUMNS, *EVIDENCE_COLUMNS], rows, name)
