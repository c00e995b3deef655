"""The RDF export (`GET /rdf`, `pkgraph export`) of the real seeded graph, over real HTTP.

It validates against schema/shapes.ttl, parses with two independent parsers (rdflib, and
pyoxigraph's Rust parser) to the same triples in every format, and gives back what Neo4j holds:
one resource per node of each label, one qualified relation per evidenced relationship with every
property, every statement with its preferred flag.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import httpx
import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from neo4j import Driver
from rdflib import RDF, Literal, URIRef

from queries.driver import create_driver
from schema.settings import Settings
from service.rdf.export import collect, node_pages, quad_pages
from service.rdf.iris import TYPES, RelationKey
from service.rdf.mapping import CLASSES, COMMON, PROPERTIES, PROVENANCE_KEYS, SKIPPED_KEYS, Mapper
from service.rdf.terms import nq_line
from service.rdf.vocab import namespace, ontology_turtle, shapes_turtle

# Over the curated data (tests/conftest.py `curated_only`): the public sources make these whole-graph
# parses and validations take many minutes here; a sampled check of the public kinds is still to do.
pytestmark = pytest.mark.usefixtures("curated_only")

RDFLIB = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdf": "xml", "trig": "trig"}
OXIGRAPH = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
}
MEDIA = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "trig": "application/trig",
}


@pytest.fixture(scope="module")
def dumps(api: httpx.Client) -> dict[str, bytes]:
    bodies = {}
    for key in RDFLIB:
        response = api.get("/rdf", params={"format": key})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(MEDIA[key])
        bodies[key] = response.content
    return bodies


def rdflib_triples(data: bytes, key: str) -> set[tuple[object, object, object]]:
    if key == "trig":
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format="trig")
        return {(s, p, o) for s, p, o, _ in dataset.quads()}
    return set(rdflib.Graph().parse(data=data, format=RDFLIB[key]))


@pytest.fixture(scope="module")
def export(dumps: dict[str, bytes]) -> rdflib.Graph:
    return rdflib.Graph().parse(data=dumps["nt"], format="nt")


def test_the_export_conforms_to_the_shapes(export: rdflib.Graph, settings: Settings) -> None:
    shapes = rdflib.Graph().parse(data=shapes_turtle(settings.base_iri), format="turtle")
    conforms, _, report = pyshacl.validate(export, shacl_graph=shapes, inference="none")
    assert conforms, report[:5000]


@pytest.mark.parametrize("key", list(RDFLIB))
def test_two_independent_parsers_read_the_same_triples(dumps: dict[str, bytes], key: str) -> None:
    by_rdflib = rdflib_triples(dumps[key], key)
    quads = list(ox.parse(dumps[key], format=OXIGRAPH[key]))
    by_oxigraph = {(q.subject.value, q.predicate.value, str(q.object)) for q in quads}
    assert len(by_rdflib) == len(by_oxigraph) > 10_000
    if key == "nt":
        assert len(quads) == len(by_oxigraph), "the N-Triples stream repeats no triple"


def test_every_format_holds_the_same_graph(dumps: dict[str, bytes]) -> None:
    reference = rdflib_triples(dumps["nt"], "nt")
    for key in ("ttl", "rdf", "trig", "jsonld"):
        assert rdflib_triples(dumps[key], key) == reference, key


def test_resources_by_class_equal_nodes_by_label(export: rdflib.Graph, seeded: Driver, settings: Settings) -> None:
    records, _, _ = seeded.execute_query(
        "MATCH (n) WHERE NOT n:Dataset UNWIND labels(n) AS label RETURN label, count(*) AS nodes",
        database_=settings.neo4j_database,
    )
    in_neo4j = {r["label"]: r["nodes"] for r in records}
    pk = namespace(settings.base_iri)
    for label, (cls, _) in CLASSES.items():
        resources = set(export.subjects(RDF.type, URIRef(pk + cls)))
        prefix = f"{settings.base_iri}{TYPES[label]}/"
        assert all(str(r).startswith(prefix) for r in resources), label
        assert len(resources) == in_neo4j.get(label, 0), label
    relations, _, _ = seeded.execute_query(
        "MATCH ()-[r:DEPENDS_ON|COORDINATES_WITH|TENSION_WITH|REPORTS_TO|FUNDS]->() RETURN count(r) AS n",
        database_=settings.neo4j_database,
    )
    assert len(set(export.subjects(RDF.type, URIRef(pk + "ActorRelation")))) == relations[0]["n"] > 0


def test_evidenced_relations_keep_every_property(export: rdflib.Graph, seeded: Driver, settings: Settings) -> None:
    records, _, _ = seeded.execute_query(
        "MATCH (a)-[r:DEPENDS_ON|COORDINATES_WITH|TENSION_WITH|REPORTS_TO|FUNDS]->(b) "
        "RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props",
        database_=settings.neo4j_database,
    )
    pk = namespace(settings.base_iri)
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    for record in records:
        props = record["props"]
        key = RelationKey(record["a"], record["type"], props.get("kind", ""), props.get("on", ""), record["b"])
        relation = URIRef(f"{settings.base_iri}relation/{key.slug}")
        claims = {str(o).rsplit("/", 1)[1] for o in export.objects(relation, prov.wasDerivedFrom)}
        interviews = {str(o).rsplit("/", 1)[1] for o in export.objects(relation, URIRef(pk + "interview"))}
        assert claims == set(props["evidence"]), relation
        assert interviews == set(props["interviews"]), relation
        assert export.value(relation, URIRef(pk + "weight")) == Literal(props["weight"])
        assert export.value(relation, URIRef(pk + "claimCount")) == Literal(props["claims"])
        if props.get("kind"):
            assert str(export.value(relation, URIRef(pk + "dependencyKind"))) == props["kind"]
            assert str(export.value(relation, URIRef(pk + "dependencyOn"))) == props["on"]
        assert str(export.value(relation, URIRef(pk + "relationFrom"))).endswith("/" + record["a"])
        assert str(export.value(relation, URIRef(pk + "relationTo"))).endswith("/" + record["b"])


def test_statements_keep_their_source_and_preferred_flag(
    export: rdflib.Graph, seeded: Driver, settings: Settings
) -> None:
    records, _, _ = seeded.execute_query(
        "MATCH (s:Statement) RETURN s.id AS id, s.preferred AS preferred, s.source AS source",
        database_=settings.neo4j_database,
    )
    pk = namespace(settings.base_iri)
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    for record in records:
        statement = URIRef(f"{settings.base_iri}statement/{record['id']}")
        assert export.value(statement, URIRef(pk + "preferred")) == Literal(bool(record["preferred"]))
        assert export.value(statement, prov.hadPrimarySource) == URIRef(f"{settings.base_iri}source/{record['source']}")
    assert any(r["preferred"] for r in records)


def test_resolutions_link_to_the_un_digital_library(export: rdflib.Graph, settings: Settings) -> None:
    see_also = export.value(URIRef(f"{settings.base_iri}resolution/1244"), rdflib.RDFS.seeAlso)
    assert see_also == URIRef("https://digitallibrary.un.org/record/274488")


def test_every_node_property_is_mapped(seeded: Driver, settings: Settings) -> None:
    """No property of the graph is silently left out of the export."""
    records, _, _ = seeded.execute_query(
        "MATCH (n) WHERE NOT n:Dataset UNWIND keys(n) AS key RETURN DISTINCT labels(n) AS labels, key",
        database_=settings.neo4j_database,
    )
    unmapped = set()
    for record in records:
        label = next(label for label in TYPES if label in record["labels"])
        key = record["key"]
        known = PROPERTIES[label].keys() | COMMON.keys() | set(PROVENANCE_KEYS) | SKIPPED_KEYS
        if key not in known and not (label == "Source" and key.startswith("cited_in_")):
            unmapped.add((label, key))
    assert not unmapped


def test_every_project_term_used_is_declared_in_the_ontology(export: rdflib.Graph, settings: Settings) -> None:
    pk = namespace(settings.base_iri)
    ontology = rdflib.Graph().parse(data=ontology_turtle(settings.base_iri), format="turtle")
    declared = {str(s) for s in ontology.subjects() if str(s).startswith(pk)}
    used = {str(p) for p in export.predicates() if str(p).startswith(pk)}
    used |= {str(o) for o in export.objects(None, RDF.type) if str(o).startswith(pk)}
    assert used - declared == set()


def test_trig_puts_each_sources_statements_in_its_named_graph(dumps: dict[str, bytes], settings: Settings) -> None:
    dataset = rdflib.Dataset()
    dataset.parse(data=dumps["trig"], format="trig")
    graphs = Counter(str(g) for _, _, _, g in dataset.quads() if g is not None)
    assert graphs[f"{settings.base_iri}graph/thesis"] > 5_000
    assert graphs[f"{settings.base_iri}graph/un-psdata-pko"] > 100
    cr_unsc = dataset.graph(URIRef(f"{settings.base_iri}graph/cr-unsc"))
    statement = URIRef(f"{settings.base_iri}statement/s-res-1244-1999-statement-3")
    assert (statement, RDF.type, URIRef(namespace(settings.base_iri) + "Statement")) in cr_unsc


def test_ntriples_streams_in_chunks(api: httpx.Client) -> None:
    with api.stream("GET", "/rdf", headers={"Accept": "application/n-triples"}) as response:
        assert response.status_code == 200
        assert response.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in response.headers
        chunks = sum(1 for _ in response.iter_raw())
    assert chunks > 1


def test_the_export_command_writes_the_same_graph(
    seeded: Driver, settings: Settings, dumps: dict[str, bytes], tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    env |= {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "PKGRAPH_BASE_IRI": settings.base_iri,
    }
    reference = rdflib_triples(dumps["nt"], "nt")
    for key in ("ttl", "nt"):
        out = tmp_path / f"export.{key}"
        done = subprocess.run(
            [sys.executable, "-m", "db.cli", "export", "--format", key, "--out", str(out)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert rdflib_triples(out.read_bytes(), key) == reference


def test_paging_neither_loses_nor_repeats_a_node(seeded: Driver, settings: Settings) -> None:
    """Pages of 3 nodes cross every kind of page boundary (several pages per label, a label that
    ends exactly on a page, a label with no node) on the seeded graph, which fits in one page of
    the default size: the same quads, named graphs included, and every node exactly once."""
    records, _, _ = seeded.execute_query(
        "MATCH (n) WHERE NOT n:Dataset RETURN n.id AS id, labels(n) AS labels", database_=settings.neo4j_database
    )
    expected = Counter(next(label for label in TYPES if label in r["labels"]) + "/" + r["id"] for r in records)
    mapper = Mapper(settings.base_iri)

    async def read() -> tuple[Counter[str], set[str], set[str]]:
        async with create_driver(settings) as driver:
            database = settings.neo4j_database
            rows = [row async for page in node_pages(driver, database, page_size=3) for row in page]
            seen = Counter(
                next(label for label in TYPES if label in row["labels"]) + "/" + row["props"]["id"] for row in rows
            )
            small = {nq_line(q) for q in await collect(quad_pages(driver, database, mapper, page_size=3))}
            whole = {nq_line(q) for q in await collect(quad_pages(driver, database, mapper))}
        return seen, small, whole

    seen, small, whole = asyncio.run(read())
    assert seen == expected
    assert small == whole
