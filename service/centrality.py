"""Centrality of actors in the evidenced-relation graph, computed with igraph.

The graph is directed: an edge a -> b for each relation a asserts of b (a depends on, reports to,
funds, coordinates with or is in tension with b). Parallel relations between the same ordered pair
are merged and their evidence added up; an edge's weight is its number of supporting claims.

- degree: number of edges at the actor, in and out (unweighted, as networkx's DiGraph.degree).
- betweenness: shortest paths over distance 1/weight (well-evidenced ties are short), not normalised.
- pagerank: damping 0.85, weighted by evidence.
- eigenvector: on the undirected graph (summed weights), scaled so the largest is 1; a directed graph
  that is not strongly connected has no meaningful eigenvector centrality.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import igraph

Metric = Literal["degree", "betweenness", "pagerank", "eigenvector"]
DAMPING = 0.85


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
        return cls(nodes, edges)

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


def compute(graph: WeightedGraph, metric: Metric) -> dict[str, float]:
    if not graph.nodes:
        return {}
    if metric == "eigenvector":
        undirected = _igraph(graph.nodes, graph.undirected(), directed=False)
        scores = undirected.eigenvector_centrality(weights="weight", scale=False)
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
