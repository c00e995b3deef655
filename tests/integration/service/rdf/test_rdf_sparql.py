"""The read-only SPARQL endpoint over real HTTP: SELECT, ASK, CONSTRUCT, DESCRIBE in the protocol's
three forms (GET, form POST, sparql-query POST), result formats, updates refused, the time limit,
and a rebuild when the dataset version changes."""

from __future__ import annotations

import csv
import io
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import rdflib
from neo4j import Driver

from ingest.dataset import load_dataset
from ingest.sources.curated import CuratedYaml
from schema.settings import Settings
from service.rdf.sparql import MAX_RUNNING
from tests.conftest import DATA, LiveServer

# Over the curated data (tests/conftest.py `curated_only`): the public sources make these whole-graph
# parses and validations take many minutes here; a sampled check of the public kinds is still to do.
pytestmark = pytest.mark.usefixtures("curated_only")

COUNT_MISSIONS = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a pk:Mission }"

# data/missions.yaml and the missions of data/crosswalk/missions_new.yaml, both curated records.
MISSIONS = len(CuratedYaml(DATA).read().records.kinds["missions"])


def test_select_by_get_gives_sparql_json(api: httpx.Client) -> None:
    response = api.get("/sparql", params={"query": COUNT_MISSIONS})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert response.json()["results"]["bindings"][0]["n"]["value"] == str(MISSIONS)


def test_select_by_form_post_as_csv_and_tsv(api: httpx.Client, settings: Settings) -> None:
    query = """
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?unit ?label WHERE { ?unit org:unitOf ?mission ; rdfs:label ?label .
                                    ?mission dct:identifier "unmik" } ORDER BY ?label"""
    response = api.post("/sparql", data={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    # Every unit data/units.yaml puts in UNMIK, with its name, in label order.
    units = [unit for unit in load_dataset(DATA).kinds["units"].values() if unit.mission == "unmik"]
    expected = sorted((unit.name, f"{settings.base_iri}unit/{unit.id}") for unit in units)
    assert len(expected) > 1
    assert [(row["label"], row["unit"]) for row in rows] == expected
    tsv = api.post("/sparql", data={"query": query}, params={"format": "tsv"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert len(tsv.text.strip().splitlines()) == len(rows) + 1


def test_ask_by_sparql_query_body(api: httpx.Client) -> None:
    query = 'ASK { ?r a pk:Dependency ; pk:dependencyKind "power" ; prov:wasDerivedFrom ?claim . ?claim a pk:Claim }'
    response = api.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 200
    assert response.json()["boolean"] is True


def test_construct_and_describe_answer_rdf(api: httpx.Client, settings: Settings) -> None:
    query = "CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a pk:Mission ; rdfs:label ?l }"
    response = api.get("/sparql", params={"query": query}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=response.content, format="turtle")) == MISSIONS
    describe = api.get("/sparql", params={"query": f"DESCRIBE <{settings.base_iri}mission/unmik>", "format": "nt"})
    assert describe.status_code == 200
    assert len(rdflib.Graph().parse(data=describe.content, format="nt")) > 10


def test_named_graphs_per_source(api: httpx.Client, settings: Settings) -> None:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{settings.base_iri}graph/cr-unsc> {{ ?s ?p ?o }} }}"
    count = int(api.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["n"]["value"])
    assert count > 0


@pytest.mark.parametrize(
    ("kwargs"),
    [
        {"params": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"params": {"query": "PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }"}},
        {"params": {"update": "DELETE WHERE { ?s ?p ?o }"}},
        {"data": {"update": "CLEAR ALL"}},
        {"content": "DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
    ],
)
def test_updates_are_refused(api: httpx.Client, kwargs: dict[str, object]) -> None:
    method = "GET" if "params" in kwargs else "POST"
    response = api.request(method, "/sparql", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 400
    assert response.json()["error"] == "bad_query"
    assert api.get("/sparql", params={"query": COUNT_MISSIONS}).json()["results"]["bindings"][0]["n"]["value"] == str(
        MISSIONS
    )


def test_a_syntax_error_is_400(api: httpx.Client) -> None:
    response = api.get("/sparql", params={"query": "SELECT WHERE {"})
    assert response.status_code == 400
    assert "syntax" in response.json()["detail"].lower()


@pytest.fixture
def impatient(seeded: Driver, settings: Settings) -> Iterator[httpx.Client]:
    """A second server with a 50 ms query time limit."""
    quick = settings.model_copy(update={"query_timeout_s": 0.05})
    with LiveServer(quick) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def test_a_query_over_the_time_limit_is_abandoned_with_400(impatient: httpx.Client) -> None:
    assert impatient.get("/sparql", params={"query": COUNT_MISSIONS}).status_code == 200  # builds the store
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a a pk:Claim . ?b a pk:Claim . ?c a pk:Interview }"
    response = impatient.get("/sparql", params={"query": slow})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "query_timeout"
    assert "0.05 s" in body["detail"]


def test_the_store_follows_the_dataset_version(api: httpx.Client, seeded: Driver, settings: Settings) -> None:
    query = 'SELECT ?name WHERE { ?t dct:identifier "xkx" ; a pk:Territory ; rdfs:label ?name }'
    before = api.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["name"]["value"]
    seeded.execute_query(
        "MATCH (d:Dataset {id: 'curated'}) MATCH (t:Territory {id: 'xkx'}) "
        "SET d.version = d.version + '-test', t.name = 'Renamed for the test'",
        database_=settings.neo4j_database,
    )
    try:
        after = api.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["name"]["value"]
        assert after == "Renamed for the test"
    finally:
        seeded.execute_query(
            "MATCH (d:Dataset {id: 'curated'}) MATCH (t:Territory {id: 'xkx'}) "
            "SET d.version = left(d.version, size(d.version) - 5), t.name = $name",
            name=before,
            database_=settings.neo4j_database,
        )
    assert api.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["name"]["value"] == before


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_runaway_queries_are_stopped_and_the_endpoint_keeps_answering(impatient: httpx.Client) -> None:
    """Issue 16's reproducer: four cross products at once used to disable /sparql and burn the cores;
    now each is stopped at the time limit (its worker process killed) and none keeps running."""
    assert impatient.get("/sparql", params={"query": COUNT_MISSIONS}).status_code == 200
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: impatient.get("/sparql", params={"query": RUNAWAY}), range(4)))
    assert [a.json()["error"] for a in answers] == ["query_timeout"] * 4
    # The killed workers are gone (the live server runs in this process, so they are its children).
    running = [child for child in multiprocessing.active_children() if child.name == "pkgraph-sparql"]
    assert len(running) <= MAX_RUNNING
    quick = impatient.get("/sparql", params={"query": "ASK { ?s a pk:Mission }"})
    assert quick.status_code == 200
    assert quick.json()["boolean"] is True


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?m a pk:Mission . SERVICE SILENT <http://127.0.0.1:9/> { ?m ?p ?o } } LIMIT 1",
    ],
)
def test_service_is_refused(api: httpx.Client, query: str) -> None:
    response = api.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert response.json()["error"] == "bad_query"
    assert "SERVICE" in response.json()["detail"]
