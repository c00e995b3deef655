"""User Cypher is compiled first and runs only when its plan is all reads (issue 16).

The refused statements are those the audit ran through /cypher and /queries: administration,
transaction control, server settings, state-changing procedures, LOAD CSV, batched writes.
"""

from __future__ import annotations

import httpx
import pytest
from neo4j import Driver

from schema.settings import Settings

REFUSED = {
    "LOAD CSV FROM 'http://127.0.0.1:9/' AS row RETURN row": "operator LoadCSV",
    "LOAD CSV FROM 'ftp://127.0.0.1:9/' AS row RETURN row": "operator LoadCSV",
    "SHOW TRANSACTIONS": "operator ShowTransactions",
    "SHOW TRANSACTIONS YIELD * RETURN *": "operator ShowTransactions",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'": "operator TerminateTransactions",
    "SHOW SETTINGS": "operator ShowSettings",
    "SHOW USERS": "operator AdministrationCommand",
    "SHOW DATABASES": "operator AdministrationCommand",
    "CALL dbms.listConfig()": "procedure dbms.listConfig",
    "CALL dbms.killConnections(['bolt-1'])": "procedure dbms.killConnections",
    "CALL dbms.listConnections()": "procedure dbms.listConnections",
    "CALL db.clearQueryCaches()": "procedure db.clearQueryCaches",
    "CALL db.stats.retrieve('GRAPH COUNTS')": "procedure db.stats.retrieve",
    "CALL db.stats.clear('QUERIES')": "procedure db.stats.clear",
    "CALL db.resampleIndex('search_text')": "procedure db.resampleIndex",
    "CALL db.awaitIndexes(1)": "procedure db.awaitIndexes",
    "CALL dbms.info()": "procedure dbms.info",
    "CALL db.info()": "procedure db.info",
}
WRITES = {
    "CREATE (:Intruder {id: 'x'})": "operator Create",
    "MATCH (n:Mission) FOREACH (x IN [1] | SET n.name = 'changed')": "operator Foreach",
    "MATCH (n) DETACH DELETE n": "operator DetachDelete",
    "UNWIND [1] AS x CALL (x) { RETURN x * 2 AS y } IN TRANSACTIONS RETURN y": "operator TransactionApply",
}
ALLOWED = [
    "CALL db.labels()",
    "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
    "CALL db.schema.visualization()",
    "CALL db.index.fulltext.queryNodes('search_text', 'kosovo') YIELD node RETURN node.id LIMIT 3",
    "MATCH p = (:Mission {id: 'unmik'})-[*1..2]-() RETURN p LIMIT 5",
    "MATCH p = shortestPath((a:Mission {id: 'monuc'})-[*..4]-(b:Mission {id: 'monusco'})) RETURN p",
    "MATCH (n) RETURN count(n) AS n",
    "MATCH (m:Mission) OPTIONAL MATCH (m)-[:SUCCEEDED_BY]->(s) RETURN m.id, s.id ORDER BY m.id SKIP 2 LIMIT 3",
    "CALL dbms.components()",
    "SHOW INDEXES",
    "SHOW CONSTRAINTS YIELD name RETURN name",
]










@pytest.mark.parametrize(("query", "named"), REFUSED.items())
def test_non_read_statements_are_refused_before_they_run(api: httpx.Client, query: str, named: str) -> None:
    response = api.post("/cypher", json={"query": query})
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["error"] == "statement_refused"
    assert named in body["detail"]


@pytest.mark.parametrize(("query", "named"), WRITES.items())
def test_writes_are_refused_from_their_plan(
    api: httpx.Client, seeded: Driver, settings: Settings, query: str, named: str
) -> None:
    response = api.post("/cypher", json={"query": query})
    assert response.status_code == 400
    assert response.json()["error"] == "write_refused"
    assert named in response.json()["detail"]
    records, _, _ = seeded.execute_query(
        "MATCH (n) WHERE n:Intruder OR n.name = 'changed' RETURN count(n) AS n", database_=settings.neo4j_database
    )
    assert records[0]["n"] == 0
    assert seeded.execute_query("MATCH (n:Mission) RETURN count(n) AS n").records[0]["n"] > 0


@pytest.mark.parametrize("query", ALLOWED)
def test_reads_and_read_only_procedures_still_run(api: httpx.Client, query: str) -> None:
    response = api.post("/cypher", json={"query": query})
    assert response.status_code == 200, response.text
    assert response.json()["rows"], query


def test_the_check_also_guards_named_queries(api: httpx.Client) -> None:
    """Every named statement the API offers passes the check (they are all reads)."""
    for query in api.get("/queries").json():
        params = {name: None for name in query["parameters"]}
        response = api.post(f"/queries/{query['name']}", json=params)
        assert response.status_code in (200, 400), query["name"]
        assert response.json().get("error") not in ("statement_refused", "write_refused"), query["name"]
