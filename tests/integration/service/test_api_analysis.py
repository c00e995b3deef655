"""Dependency, centrality and mandate evolution over real HTTP, checked against the thesis and networkx."""

from __future__ import annotations

import csv
import io

import httpx
import networkx as nx
import pytest
from neo4j import Driver

from schema.settings import Settings


def test_unmik_depends_on_the_security_council_for_its_mandate(api: httpx.Client) -> None:
    answer = api.get("/dependencies", params={"actor": "unmik", "kind": "power"}).json()
    mandate = next(d for d in answer["direct"] if d["to"] == "unsc" and d["on"] == "mandate")
    assert mandate["from"] == "unmik"
    assert mandate["kind"] == "power"
    assert "c-5-2-3" in mandate["evidence"]
    assert "kosovo-6" in mandate["interviews"]
    assert mandate["weight"] == len(mandate["interviews"]) >= 3
    assert all(d["kind"] == "power" for d in answer["direct"])


def test_dependency_chains_reach_further_with_depth(api: httpx.Client) -> None:
    one = api.get("/dependencies", params={"actor": "unmik", "depth": 1}).json()
    two = api.get("/dependencies", params={"actor": "unmik", "depth": 2}).json()
    assert all(len(c["steps"]) == 1 for c in one["chains"])
    longer = [c for c in two["chains"] if len(c["steps"]) == 2]
    assert longer, "UNMIK -> X -> Y chains"
    for chain in longer:
        ids = [a["id"] for a in chain["actors"]]
        assert ids[0] == "unmik"
        assert len(set(ids)) == len(ids)
        assert chain["steps"][0]["to"] == chain["steps"][1]["from"]


def test_who_depends_on_the_security_council(api: httpx.Client) -> None:
    answer = api.get("/dependencies", params={"actor": "unsc", "direction": "in"}).json()
    dependants = {d["from"] for d in answer["direct"]}
    assert {"unmik", "monuc", "monusco"} <= dependants
    assert all(d["to"] == "unsc" for d in answer["direct"])


def test_dependencies_errors(api: httpx.Client) -> None:
    assert api.get("/dependencies", params={"actor": "nobody"}).status_code == 404
    bad_depth = api.get("/dependencies", params={"actor": "unmik", "depth": 4})
    assert bad_depth.status_code == 422
    assert bad_depth.json()["detail"][0]["parameter"] == "query.depth"
    assert api.get("/dependencies", params={"actor": "unmik", "kind": "moral"}).status_code == 422


def test_dependencies_as_csv(api: httpx.Client) -> None:
    text = api.get("/dependencies", params={"actor": "unmik", "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any(r["to"] == "unsc" and r["on"] == "mandate" for r in rows)


def test_dependency_matrix(api: httpx.Client) -> None:
    matrix = api.get("/dependencies/matrix", params={"actors": "unmik,unsc,osce,monusco"}).json()
    assert matrix["rows"]["unmik"]["unsc"]["weight"] >= 3
    assert "unmik" not in matrix["rows"]["unsc"]
    assert api.get("/dependencies/matrix", params={"actors": "unmik,ghost"}).status_code == 404
    assert api.get("/dependencies/matrix", params={"actors": "unmik"}).status_code == 422


def _networkx_graph(driver: Driver, settings: Settings) -> nx.DiGraph:
    """The same actor graph, built directly from Neo4j for networkx."""
    records, _, _ = driver.execute_query(
        "MATCH (a:Actor)-[r:DEPENDS_ON|COORDINATES_WITH|TENSION_WITH|REPORTS_TO|FUNDS]->(b:Actor) "
        "RETURN a.id AS a, b.id AS b, size(r.evidence) AS w",
        database_=settings.neo4j_database,
    )
    graph = nx.DiGraph()
    for r in records:
        previous = graph.get_edge_data(r["a"], r["b"], {"weight": 0.0})["weight"]
        graph.add_edge(r["a"], r["b"], weight=previous + r["w"])
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return graph


def _networkx_scores(graph: nx.DiGraph, metric: str) -> dict[str, float]:
    if metric == "degree":
        return {n: float(d) for n, d in graph.degree()}
    if metric == "betweenness":
        return dict(nx.betweenness_centrality(graph, weight="distance", normalized=False))
    if metric == "pagerank":
        return dict(nx.pagerank(graph, alpha=0.85, weight="weight", tol=1e-12, max_iter=10_000))
    undirected = nx.Graph()
    for a, b, data in graph.edges(data=True):
        previous = undirected.get_edge_data(a, b, {"weight": 0.0})["weight"]
        undirected.add_edge(a, b, weight=previous + data["weight"])
    scores = nx.eigenvector_centrality_numpy(undirected, weight="weight")
    top = max(abs(v) for v in scores.values())
    return {n: abs(v) / top for n, v in scores.items()}


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank", "eigenvector"])
def test_centrality_matches_networkx(api: httpx.Client, seeded: Driver, settings: Settings, metric: str) -> None:
    answer = api.get("/centrality", params={"metric": metric, "limit": 1000}).json()
    expected = _networkx_scores(_networkx_graph(seeded, settings), metric)
    got = {r["id"]: r["score"] for r in answer["ranking"]}
    assert answer["graph"]["nodes"] == len(expected)
    assert set(got) == set(expected)
    for actor, score in expected.items():
        assert got[actor] == pytest.approx(score, rel=1e-4, abs=1e-6), actor
    assert [r["rank"] for r in answer["ranking"]] == list(range(1, len(got) + 1))


def test_the_security_council_is_central(api: httpx.Client) -> None:
    top = [r["id"] for r in api.get("/centrality", params={"metric": "pagerank", "limit": 5}).json()["ranking"]]
    assert "unsc" in top


def test_centrality_filters_are_described(api: httpx.Client) -> None:
    everything = api.get("/centrality", params={"metric": "degree"}).json()["graph"]
    resource = api.get("/centrality", params={"metric": "degree", "kind": "resource"}).json()["graph"]
    drc = api.get("/centrality", params={"metric": "degree", "mission": "monusco"}).json()["graph"]
    assert resource["kind"] == "resource"
    assert resource["relations"] == everything["relations"]
    assert resource["edges"] < everything["edges"]
    assert drc["mission"] == "monusco"
    assert drc["edges"] < everything["edges"]
    assert api.get("/centrality", params={"relations": "LIKES"}).status_code == 422
    assert api.get("/centrality", params={"metric": "closeness"}).status_code == 422


def test_monuc_mandates_rise_into_monusco(api: httpx.Client) -> None:
    evolution = api.get("/missions/monuc/mandate-evolution").json()
    numbers = [m["resolution"]["number"] for m in evolution["mandates"]]
    assert numbers == [1258, 1279, 1291, 1565, 1794, 1856, 1925]
    assert [m["mission"]["id"] for m in evolution["mandates"]][-1] == "monusco"
    troops = [c for m in evolution["mandates"] for c in m["ceilings"] if c["measure"] == "troop-ceiling"]
    assert [c["value"] for c in troops] == [5537, 5900, 17030, 19815, 19815]
    assert [c["change"] for c in troops] == [None, 363, 11130, 2785, 0]
    assert all(c["source"] == "thesis" and c["line"] for c in troops)
    monusco = evolution["mandates"][-1]
    assert "stabilisation" in monusco["tasks_added"]
    assert monusco["previous"] == "monuc-1856"
    assert api.get("/missions/monusco/mandate-evolution").json()["mandates"] == evolution["mandates"]


def test_mandates_without_stated_tasks_say_so(api: httpx.Client) -> None:
    steps = {m["mandate"]: m for m in api.get("/missions/monuc/mandate-evolution").json()["mandates"]}
    assert steps["monuc-1565"]["tasks"] is None
    assert steps["monuc-1565"]["tasks_added"] is None


def test_mandate_evolution_csv_and_404(api: httpx.Client) -> None:
    rows = list(csv.DictReader(io.StringIO(api.get("/missions/unmik/mandate-evolution?format=csv").text)))
    assert [r["resolution"] for r in rows] == ["1244"]
    assert api.get("/missions/atlantis/mandate-evolution").status_code == 404
