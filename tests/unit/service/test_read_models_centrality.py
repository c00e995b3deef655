"""Centrality from hand-built `actor_graph` rows, checked against networkx, without Neo4j."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest

from service.read_models.centrality import (
    COLUMNS,
    RELATIONS,
    WEIGHTING,
    Metric,
    centrality,
    chosen_relations,
    table,
    unknown_relations,
)

pytestmark = pytest.mark.unit


def _row(source: str, target: str, claims: int, kind: str = "DEPENDS_ON") -> dict[str, Any]:
    return {
        "from": source,
        "from_name": source.upper(),
        "to": target,
        "to_name": target.upper(),
        "type": kind,
        "kind": None,
        "claims": claims,
    }


# b depends on a twice over (two relation types, parallel): one edge b -> a of weight 3 + 2.
ROWS = [
    _row("b", "a", 3),
    _row("b", "a", 2, "FUNDS"),
    _row("c", "a", 1),
    _row("a", "c", 4, "REPORTS_TO"),
    _row("d", "b", 2, "COORDINATES_WITH"),
    _row("d", "c", 1, "TENSION_WITH"),
    _row("e", "d", 6),
]


def _networkx(metric: str) -> dict[str, float]:
    """The same graph typed out by hand, scored by networkx."""
    directed = nx.DiGraph()
    directed.add_weighted_edges_from([("b", "a", 5), ("c", "a", 1), ("a", "c", 4), ("d", "b", 2), ("d", "c", 1)])
    directed.add_weighted_edges_from([("e", "d", 6)])
    if metric == "degree":
        return {n: float(d) for n, d in directed.degree()}
    if metric == "betweenness":
        for _, _, data in directed.edges(data=True):
            data["distance"] = 1.0 / data["weight"]
        return dict(nx.betweenness_centrality(directed, weight="distance", normalized=False))
    if metric == "pagerank":
        return dict(nx.pagerank(directed, alpha=0.85, weight="weight", tol=1e-12, max_iter=10_000))
    undirected = nx.Graph()
    # a - c carries both directions: 1 + 4.
    undirected.add_weighted_edges_from([("a", "b", 5), ("a", "c", 5), ("b", "d", 2), ("c", "d", 1), ("d", "e", 6)])
    scores = nx.eigenvector_centrality_numpy(undirected, weight="weight")
    top = max(abs(v) for v in scores.values())
    return {n: abs(v) / top for n, v in scores.items()}


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank", "eigenvector"])
def test_scores_match_networkx(metric: Metric) -> None:
    answer = centrality(ROWS, metric, RELATIONS, None, None, 1000)
    expected = _networkx(metric)
    got = {r.id: r.score for r in answer.ranking}
    assert set(got) == set(expected)
    for actor, score in expected.items():
        assert got[actor] == pytest.approx(score, rel=1e-6, abs=1e-9), actor


def test_degree_counts_merged_edges_in_and_out() -> None:
    ranking = centrality(ROWS, "degree", RELATIONS, None, None, 10).ranking
    assert [(r.rank, r.id, r.score) for r in ranking] == [
        (1, "a", 3.0),
        (2, "c", 3.0),
        (3, "d", 3.0),
        (4, "b", 2.0),
        (5, "e", 1.0),
    ]


def test_ranking_is_cut_at_limit_and_named_from_the_rows() -> None:
    answer = centrality(ROWS, "degree", ["DEPENDS_ON", "FUNDS"], "power", "m", 2)
    assert [(r.id, r.name) for r in answer.ranking] == [("a", "A"), ("c", "C")]
    assert answer.metric == "degree"
    assert answer.graph.model_dump() == {
        "nodes": 5,
        "edges": 6,
        "relations": ["DEPENDS_ON", "FUNDS"],
        "kind": "power",
        "mission": "m",
        "weighting": WEIGHTING,
    }


def test_an_empty_graph_ranks_nobody() -> None:
    answer = centrality([], "pagerank", RELATIONS, None, "nowhere", 50)
    assert answer.ranking == []
    assert (answer.graph.nodes, answer.graph.edges) == (0, 0)


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank", "eigenvector"])
def test_table_is_the_ranking(metric: Metric) -> None:
    answer = centrality(ROWS, metric, RELATIONS, None, None, 3)
    rows = table(answer)
    assert [list(r) for r in rows] == [COLUMNS] * 3
    assert [(r["rank"], r["id"], r["score"]) for r in rows] == [(r.rank, r.id, r.score) for r in answer.ranking]


def test_relations_chosen_by_name_in_any_case() -> None:
    assert chosen_relations(None) == ["DEPENDS_ON", "COORDINATES_WITH", "TENSION_WITH", "REPORTS_TO", "FUNDS"]
    assert chosen_relations(" depends_on, Funds,,") == ["DEPENDS_ON", "FUNDS"]
    assert chosen_relations(",") == []
    assert unknown_relations(["LIKES", "FUNDS", "HATES"]) == ["HATES", "LIKES"]
    assert unknown_relations(RELATIONS) == []


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank", "eigenvector"])
def test_the_same_rows_in_any_order_give_the_same_answer_to_the_last_digit(metric: Metric) -> None:
    first = centrality(ROWS, metric, RELATIONS, None, None, 50)
    shuffled = ROWS[:]
    for seed in range(10):
        random.Random(seed).shuffle(shuffled)
        assert centrality(shuffled, metric, RELATIONS, None, None, 50) == first
