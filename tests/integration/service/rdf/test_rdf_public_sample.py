"""The public sources' RDF, sampled: a few hundred nodes of every label the public sources write,
exported through the real export path (the export page statement, the mapper, N-Triples lines),
parsed by rdflib and validated by pyshacl against schema/shapes.ttl.

The whole public graph (~150,000 elements) takes many minutes to parse and validate on this machine,
so the whole-graph checks run over the curated data (test_rdf_export.py) and this one samples:
`PAGES` export pages of `PAGE` nodes each, starting at evenly spaced public ids of the label. The
sampled nodes are the SHACL focus nodes; the nodes they link to come in typed as a description
does (service.rdf.describe), and every Source whole, so `sh:class` constraints can be checked.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

import httpx
import pyshacl
import pytest
import rdflib
from neo4j import READ_ACCESS, Driver
from rdflib.namespace import DC, DCTERMS, PROV, RDF, SKOS

from queries import statement
from queries.driver import create_driver
from schema.settings import Settings
from service.rdf.export import page_query
from service.rdf.iris import TYPES, primary_label
from service.rdf.mapping import QUALIFIED, Mapper
from service.rdf.terms import Iri, Quad, nt_line
from service.rdf.vocab import namespace, shapes_turtle
from service.rdf.void import void_quads
from tests import source_rows

PAGES = 3
PAGE = 100


def _public_ids(driver: Driver, settings: Settings) -> dict[str, list[str]]:
    """Exported label -> the sorted ids of its nodes a public source wrote."""
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE n.load IS NOT NULL AND n.load <> 'curated' RETURN labels(n) AS labels, n.id AS id",
        database_=settings.neo4j_database,
    )
    found: dict[str, list[str]] = defaultdict(list)
    for record in records:
        label = primary_label(record["labels"])
        if label in TYPES and record["id"] is not None:
            found[label].append(str(record["id"]))
    return {label: sorted(ids) for label, ids in found.items()}


def _owners(driver: Driver, settings: Settings, statements: list[str]) -> list[tuple[str, str, int]]:
    """Export pages of one node each: the records holding these statements, so each sampled
    statement comes with the one `pk:statement` the shapes require of it."""
    records, _, _ = driver.execute_query(
        "MATCH (o)-[:HAS_STATEMENT]->(s:Statement) WHERE s.id IN $ids RETURN DISTINCT labels(o) AS labels, o.id AS id",
        {"ids": statements},
        database_=settings.neo4j_database,
    )
    return _single_pages(records)


def _qualified_starts(driver: Driver, settings: Settings) -> list[tuple[str, str, int]]:
    """Export pages of one node each: for every qualified type, the node its first public
    relationship starts at, so a type with a handful (5 TERMINATES) is sampled whatever the pages hit."""
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r]->() WHERE type(r) IN $types AND r.source IS NOT NULL AND a.load <> 'curated' "
        "WITH type(r) AS type, min(a.id) AS first MATCH (o) WHERE o.id = first "
        "RETURN DISTINCT labels(o) AS labels, o.id AS id",
        {"types": sorted(QUALIFIED)},
        database_=settings.neo4j_database,
    )
    return _single_pages(records)


def _single_pages(records: list[Any]) -> list[tuple[str, str, int]]:
    pages = []
    for record in records:
        label, owner = primary_label(record["labels"]), str(record["id"])
        if label is not None:
            # the greatest string below the id that no slug lies between: the page starts at the owner
            pages.append((label, owner[:-1] + chr(ord(owner[-1]) - 1) + "\U0010ffff", 1))
    return pages


def _starts(ids: list[str]) -> list[str]:
    """`after` values of the sampled pages: just before evenly spaced ids (the first page from '')."""
    step = max(len(ids) // PAGES, 1)
    return ["", *(ids[i * step - 1] for i in range(1, PAGES) if i * step - 1 < len(ids))]


async def _pages(settings: Settings, requests: list[tuple[str, str, int]]) -> list[tuple[str, list[dict[str, Any]]]]:
    pages = []
    async with (
        create_driver(settings) as driver,
        driver.session(database=settings.neo4j_database, default_access_mode=READ_ACCESS) as session,
    ):
        for label, after, size in requests:
            result = await session.run(page_query(label), {"after": after, "page": size})
            record = await result.single(strict=True)
            pages.append((label, [row for row in record["rows"] if primary_label(row["labels"]) == label]))
    return pages


@pytest.fixture(scope="module")
def sample(seeded: Driver, settings: Settings) -> tuple[dict[str, int], rdflib.Graph, set[Iri]]:
    public = _public_ids(seeded, settings)
    requests = [(label, after, PAGE) for label, ids in public.items() for after in _starts(ids)]
    requests.append(("Source", "", 10_000))  # every Source: the primary sources the sample names
    pages = asyncio.run(_pages(settings, requests))
    statements = [str(row["props"]["id"]) for label, rows in pages if label == "Statement" for row in rows]
    singles = [*_owners(seeded, settings, statements), *_qualified_starts(seeded, settings)]
    owners = asyncio.run(_pages(settings, singles))
    mapper = Mapper(settings.base_iri)
    quads: list[Quad] = list(mapper.scheme_quads())
    focus: set[Iri] = set()
    sampled: dict[str, int] = defaultdict(int)
    for label, rows in pages + [("", rows) for _, rows in owners]:
        for row in rows:
            quads += mapper.node_quads(row)
            if label and row["props"].get("load") != "curated":
                focus.add(mapper.node_iri(row["labels"], row["props"]))
                sampled[label] += 1
            for edge in row["out"]:
                other = primary_label(edge["other_labels"])
                if other is not None:
                    iri = mapper.iris.node(other, str(edge["other"]["id"]), edge["other"].get("number"))
                    quads += mapper.type_quads(iri, other, edge["other"], None)
    graph = rdflib.Graph().parse(data="".join(map(nt_line, quads)), format="nt")
    # The qualified relationships of the sampled nodes (a seat, a month's contribution) are focus nodes
    # too, sampled in turn: a sampled state brings thousands of monthly contributions, and pyshacl
    # checks each value node against its focus list, so its time grows with the square of that list.
    for rel, qualified in QUALIFIED.items():
        resources = sorted(str(r) for r in graph.subjects(RDF.type, rdflib.URIRef(mapper.pk(qualified.rdf_class))))
        step = max(len(resources) // (PAGES * PAGE), 1)
        for resource in resources[::step][: PAGES * PAGE]:
            focus.add(Iri(resource))
            sampled[rel] += 1
    return dict(sampled), graph, focus


def test_every_public_label_is_sampled(sample: tuple[dict[str, int], rdflib.Graph, set[Iri]]) -> None:
    sampled, _, focus = sample
    for label in ("Resolution", "Mandate", "Strength", "Organisation", "Statement", *QUALIFIED):
        assert sampled.get(label, 0) >= 1, (label, sampled)
    assert sampled["Strength"] >= PAGES * PAGE
    assert len(focus) >= 1000


def test_the_sampled_public_kinds_conform_to_the_shapes(
    sample: tuple[dict[str, int], rdflib.Graph, set[Iri]], settings: Settings
) -> None:
    _, graph, focus = sample
    shapes = rdflib.Graph().parse(data=shapes_turtle(settings.base_iri), format="turtle")
    conforms, _, report = pyshacl.validate(
        graph, shacl_graph=shapes, inference="none", focus_nodes=[rdflib.URIRef(str(iri)) for iri in focus]
    )
    assert conforms, report[:5000]


def test_a_council_seat_keeps_its_year_and_kind_at_its_row(
    sample: tuple[dict[str, int], rdflib.Graph, set[Iri]], settings: Settings
) -> None:
    _, graph, _ = sample
    pk = rdflib.Namespace(namespace(settings.base_iri))
    seats = list(graph.subjects(RDF.type, pk.CouncilSeat))
    assert seats
    for seat in seats[:50]:
        locator = graph.value(seat, PROV.qualifiedPrimarySource)
        line, permanent = graph.value(locator, pk.row), graph.value(seat, pk.permanentMember)
        assert isinstance(line, rdflib.Literal)
        assert isinstance(permanent, rdflib.Literal)
        (row,) = [r for r in source_rows.rows(str(graph.value(locator, pk.file))) if r.line == line.toPython()]
        assert str(graph.value(seat, pk.year)) == row.cells["year"]
        assert str(graph.value(seat, pk.nameInSource)) == row.cells["security_council_member"]
        assert isinstance(permanent.toPython(), bool)
        assert graph.value(seat, pk.relationObject) == rdflib.URIRef(f"{settings.base_iri}organisation/unsc")


def test_void_lists_each_loaded_source_with_its_licence_status(seeded: Driver, settings: Settings) -> None:
    # GET /.well-known/void counts the whole export's triples: over the public graph that is the slow
    # path test_rdf_resources.py takes over the curated data; here its sources part, from the real rows.
    rows, _, _ = seeded.execute_query(statement("rdf/void_sources").text, database_=settings.neo4j_database)
    quads = void_quads(Mapper(settings.base_iri), {}, 0, 0, None, [], [r.data() for r in rows])
    graph = rdflib.Graph().parse(data="".join(map(nt_line, quads)), format="nt")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = rdflib.URIRef(f"{settings.base_iri}.well-known/void#dataset")
    records, _, _ = seeded.execute_query(
        "MATCH (d:Dataset) OPTIONAL MATCH (s:Source {id: d.id}) RETURN d.id AS id, s.licence AS licence",
        database_=settings.neo4j_database,
    )
    loaded = {r["id"]: r["licence"] for r in records}
    assert {"ipi-peacekeeping", "geo-pko", "passmore-shortfall", "pema", "tamm"} <= set(loaded)
    subsets = {str(graph.value(s, DCTERMS.identifier)): s for s in graph.objects(dataset, void.subset)}
    assert set(subsets) == set(loaded)
    for source, licence in loaded.items():
        if source != "curated":
            assert licence, f"{source} has no licence status in data/sources.yaml"
            assert str(graph.value(subsets[source], DC.rights)) == licence
            assert graph.value(subsets[source], DCTERMS.source) == rdflib.URIRef(f"{settings.base_iri}source/{source}")


@pytest.mark.parametrize("name", ["pema", "tamm"])
def test_a_sources_own_task_scheme_resolves(api: httpx.Client, seeded: Driver, settings: Settings, name: str) -> None:
    response = api.get(f"/scheme/{name}", params={"format": "ttl"})
    assert response.status_code == 200, response.text
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    scheme = rdflib.URIRef(f"{settings.base_iri}scheme/{name}")
    records, _, _ = seeded.execute_query(
        "MATCH (c:Task {scheme: $scheme}) WHERE NOT (c)-[:BROADER]->() RETURN collect(c.id) AS ids",
        {"scheme": name},
        database_=settings.neo4j_database,
    )
    expected = {rdflib.URIRef(f"{settings.base_iri}task/{task}") for task in records[0]["ids"]}
    assert expected
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == expected
    assert api.get(f"/scheme/{name}", headers={"Accept": "application/json"}).status_code == 200
