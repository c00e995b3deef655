"""For Cypher users: named statements, and read-only Cypher enforced by the database."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver

from schema.settings import Settings
from tests.conftest import LiveServer


def test_every_named_query_is_listed_with_its_parameters(api: httpx.Client) -> None:
    queries = {q["name"]: q for q in api.get("/queries").json()}
    assert {"mission", "dependencies_out", "mandate_evolution", "actor_graph", "system/counts"} <= set(queries)
    assert not any(name.startswith("ingest/") for name in queries)
    mission = queries["mission"]
    assert mission["parameters"] == ["id"]
    assert mission["browser_params"] == ":param {id: 'monuc'}"
    assert "MATCH (m:Mission {id: $id})" in mission["cypher"]
    assert all(q["description"] for q in queries.values())


def test_every_statement_with_parameters_carries_a_browser_param_line(api: httpx.Client) -> None:
    for query in api.get("/queries").json():
        if query["parameters"]:
            assert query["browser_params"], query["name"]


def test_run_a_named_query(api: httpx.Client) -> None:
    result = api.post("/queries/mission", json={"id": "monuc"}).json()
    assert result["rows"][0]["mission"]["acronym"] == "MONUC"
    counts = api.post("/queries/system/counts").json()
    assert counts["rows"][0]["nodes"] > 0


def test_named_query_errors(api: httpx.Client) -> None:
    assert api.post("/queries/no_such_query", json={}).status_code == 404
    assert api.post("/queries/ingest/delete_nodes", json={"ids": ["x"]}).status_code == 404
    missing = api.post("/queries/mission", json={})
    assert missing.status_code == 422
    assert "missing ['id']" in missing.json()["detail"]


def test_read_only_cypher_returns_rows(api: httpx.Client) -> None:
    result = api.post(
        "/cypher",
        json={"query": "MATCH (m:Mission {id: $id}) RETURN m.acronym AS acronym, m", "parameters": {"id": "unmik"}},
    ).json()
    assert result["columns"] == ["acronym", "m"]
    assert result["rows"][0]["acronym"] == "UNMIK"
    assert "Mission" in result["rows"][0]["m"]["labels"]
    assert result["truncated"] is False


def test_row_cap(api: httpx.Client) -> None:
    result = api.post("/cypher", json={"query": "UNWIND range(1, 50) AS x RETURN x", "limit": 10}).json()
    assert len(result["rows"]) == 10
    assert result["truncated"] is True


@pytest.mark.parametrize(
    "write",
    [
        "CREATE (:Intruder {id: 'x'})",
        "MATCH (m:Mission {id: 'unmik'}) SET m.name = 'changed'",
        "MATCH (n) DETACH DELETE n",
        "MERGE (:Intruder {id: 'y'})",
        "create (:Intruder)",
        "CALL { CREATE (:Intruder) } RETURN 1",
    ],
)
def test_writes_are_refused_by_the_database(api: httpx.Client, seeded: Driver, settings: Settings, write: str) -> None:
    response = api.post("/cypher", json={"query": write})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "write_refused"
    assert "Neo4j says" in body["detail"]
    records, _, _ = seeded.execute_query(
        "MATCH (n) WHERE n:Intruder OR n.name = 'changed' RETURN count(n) AS n", database_=settings.neo4j_database
    )
    assert records[0]["n"] == 0


def test_syntax_error_is_400_with_neo4j_reason(api: httpx.Client) -> None:
    response = api.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 400
    assert response.json()["error"] == "cypher_error"
    assert "SyntaxError" in response.json()["detail"]


@pytest.fixture
def impatient_api(seeded: Driver, settings: Settings) -> Iterator[httpx.Client]:
    """The service with a one-second query time limit."""
    with (
        LiveServer(settings.model_copy(update={"query_timeout_s": 1.0})) as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        yield client


def test_time_limit_ends_a_long_query(impatient_api: httpx.Client) -> None:
    slow = "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)"
    response = impatient_api.post("/cypher", json={"query": slow})
    assert response.status_code == 400
    assert response.json()["error"] == "query_timeout"
