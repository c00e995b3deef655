"""The qualified resources of the public sources dereference over real HTTP: a Council seat
(HELD_SEAT), an official monthly contribution (CONTRIBUTES) and a mapped deployment (DEPLOYED_WITH)
at `{base}relation/<from>--<slug>--<to>--<key>`, as HTML, JSON and RDF, with their row locator,
links to both ends, the validators of every IRI; the ends' descriptions link to them."""

from __future__ import annotations

from typing import Any

import httpx
import pyshacl
import pytest
import rdflib
from neo4j import Driver
from rdflib import RDF, URIRef
from rdflib.namespace import PROV

from queries import statement
from schema.settings import Settings
from service.rdf.iris import Iris
from service.rdf.mapping import QUALIFIED
from service.rdf.vocab import namespace, shapes_turtle
from tests import source_rows

PAK = source_rows.ipi_contribution("PAK", "MONUSCO", "2012-06")
CONTRIBUTION = "/relation/pak--contributes--monusco--2012-06-troops"
SC_FILE = "un-psdata-scmembership/DPPA-SCMembership.csv"
# The USSR (its own record, `sun`): a Council member with few other relationships, so its description is small.
SEAT = next(r for r in source_rows.rows(SC_FILE) if r.cells["security_council_member"].startswith("USSR"))
SEAT_PATH = f"/relation/sun--held-seat--unsc--{SEAT.cells['year']}"


def _turtle(api: httpx.Client, path: str) -> rdflib.Graph:
    answer = api.get(path, headers={"Accept": "text/turtle"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/turtle")
    return rdflib.Graph().parse(data=answer.text, format="turtle")


def _literal(graph: rdflib.Graph, subject: URIRef, predicate: URIRef) -> object:
    value = graph.value(subject, predicate)
    assert isinstance(value, rdflib.Literal), (subject, predicate)
    return value.toPython()


def test_a_contribution_resolves_with_its_count_and_row(api: httpx.Client, settings: Settings) -> None:
    pk = namespace(settings.base_iri)
    iri = URIRef(settings.base_iri + CONTRIBUTION[1:])
    graph = _turtle(api, CONTRIBUTION)
    assert (iri, RDF.type, URIRef(pk + "Contribution")) in graph
    troops, men, women = source_rows.ipi_types(PAK)["troops"]
    assert _literal(graph, iri, URIRef(pk + "count")) == troops
    assert _literal(graph, iri, URIRef(pk + "men")) == men
    assert _literal(graph, iri, URIRef(pk + "women")) == women
    assert str(graph.value(iri, URIRef(pk + "month"))) == "2012-06"
    state, mission = URIRef(settings.base_iri + "organisation/pak"), URIRef(settings.base_iri + "mission/monusco")
    assert graph.value(iri, URIRef(pk + "relationSubject")) == state
    assert graph.value(iri, URIRef(pk + "relationObject")) == mission
    assert (state, URIRef(pk + "contributesPersonnelTo"), mission) in graph
    locator = URIRef(f"{iri}#provenance")
    assert str(graph.value(locator, URIRef(pk + "file"))) == PAK.file
    assert _literal(graph, locator, URIRef(pk + "row")) == PAK.line
    assert graph.value(state, rdflib.RDFS.label) is not None  # both ends come typed and named
    assert graph.value(mission, rdflib.RDFS.label) is not None


def test_a_contribution_in_html_json_and_other_formats(api: httpx.Client) -> None:
    page = api.get(CONTRIBUTION, headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'href="/organisation/pak"' in page.text
    assert 'href="/mission/monusco"' in page.text
    assert PAK.file in page.text
    body = api.get(CONTRIBUTION, headers={"Accept": "application/json"}).json()
    assert body["id"] == CONTRIBUTION.removeprefix("/relation/")
    assert body["properties"]["pk:personnelType"] == ["troops"]
    for fmt, parser in (("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml"), ("trig", "trig")):
        answer = api.get(CONTRIBUTION, params={"format": fmt})
        assert answer.status_code == 200, fmt
        parsed = rdflib.Dataset().parse(data=answer.text, format=parser)
        assert len(list(parsed.quads())) > 10, fmt


def test_a_qualified_resource_is_cached_like_every_iri(api: httpx.Client) -> None:
    first = api.get(CONTRIBUTION, headers={"Accept": "text/turtle"})
    tag = first.headers["etag"]
    again = api.get(CONTRIBUTION, headers={"Accept": "text/turtle", "If-None-Match": tag})
    assert again.status_code == 304
    assert not again.content
    assert first.headers["cache-control"] == api.get("/mission/monusco").headers["cache-control"]


def test_a_council_seat_resolves_and_both_ends_link_to_it(api: httpx.Client, settings: Settings) -> None:
    pk = namespace(settings.base_iri)
    iri = URIRef(settings.base_iri + SEAT_PATH[1:])
    graph = _turtle(api, SEAT_PATH)
    assert (iri, RDF.type, URIRef(pk + "CouncilSeat")) in graph
    assert str(graph.value(iri, URIRef(pk + "year"))) == SEAT.cells["year"]
    assert _literal(graph, URIRef(f"{iri}#provenance"), URIRef(pk + "row")) == SEAT.line
    for end in ("/organisation/sun", "/organisation/unsc"):
        linked = _turtle(api, end)
        assert (iri, RDF.type, URIRef(pk + "CouncilSeat")) in linked, end
        assert linked.value(iri, URIRef(pk + "relationSubject")) == URIRef(settings.base_iri + "organisation/sun")
        # the seat's facts and locator are at its own IRI, not repeated in each end's description
        assert linked.value(iri, URIRef(pk + "year")) is None
    assert f'href="{SEAT_PATH}"' in api.get("/organisation/sun", headers={"Accept": "text/html"}).text


def test_a_mapped_deployment_resolves(api: httpx.Client, settings: Settings) -> None:
    pk = namespace(settings.base_iri)
    # a deployment IRI as the mission's own description gives it
    mission = _turtle(api, "/mission/monusco")
    deployments = sorted(str(s) for s in mission.subjects(RDF.type, URIRef(pk + "Deployment")))
    assert deployments, "Geo-PKO maps MONUSCO"
    deployment = URIRef(deployments[0])
    graph = _turtle(api, "/" + deployments[0][len(settings.base_iri) :])
    assert graph.value(deployment, URIRef(pk + "basis")) is not None
    # the mission links to it (type, name, ends); the deployment's own IRI has all of that and its facts
    assert set(mission.triples((deployment, None, None))) < set(graph.triples((deployment, None, None)))


@pytest.mark.parametrize(
    "path",
    [
        "/relation/pak--contributes--monusco--1900-01-troops",  # no such month
        "/relation/pak--contributes--no-such-mission--2012-06-troops",
        "/relation/pak--held-seat--unsc",  # a seat's key is its year
        "/relation/pak--no-such-slug--unsc--2012",
    ],
)
def test_an_unknown_qualified_resource_is_404(api: httpx.Client, path: str) -> None:
    answer = api.get(path, headers={"Accept": "application/json"})
    assert answer.status_code == 404, answer.text


def _operators(plan: dict[str, Any]) -> list[tuple[str, int]]:
    own = [(str(plan["operatorType"]), int(plan.get("dbHits", 0)))]
    return own + [op for child in plan.get("children", []) for op in _operators(child)]


def test_the_lookup_seeks_both_ends_and_scans_no_relationship(seeded: Driver, settings: Settings) -> None:
    """PROFILE over the public graph (~100k CONTRIBUTES): id seeks for both ends, an expand between them."""
    params = {"from": "pak", "to": "monusco", "type": "CONTRIBUTES"}
    text = "PROFILE " + statement("rdf/qualified").text
    found = seeded.execute_query(text, params, database_=settings.neo4j_database)
    profile = found.summary.profile
    assert profile is not None
    operators = _operators(profile)
    names = [name for name, _ in operators]
    assert not [name for name in names if "Scan" in name], names
    assert sum("NodeUniqueIndexSeek" in name for name in names) >= 2, names  # one per id label and end
    # db hits grow with the pair's relationships (a few hundred), not with the graph's 100k
    assert sum(hits for _, hits in operators) < 20_000, operators


@pytest.mark.parametrize("rel", sorted(QUALIFIED))
def test_every_qualified_type_dereferences_and_conforms(
    api: httpx.Client, seeded: Driver, settings: Settings, rel: str
) -> None:
    """One real relationship of each qualified type (the first in id order) at its IRI: its facts as
    the relationship holds them, its locator, and the shapes generated from the registry."""
    records, _, _ = seeded.execute_query(
        "MATCH (a)-[r]->(b) WHERE type(r) = $rel RETURN a.id AS a, b.id AS b, properties(r) AS props "
        "ORDER BY a, b, r.key LIMIT 1",
        {"rel": rel},
        database_=settings.neo4j_database,
    )
    assert records, f"the graph has no {rel}"
    found = records[0]
    qualified = QUALIFIED[rel]
    slug = Iris.qualified_slug(found["a"], qualified.slug, found["b"], str(found["props"].get("key") or ""))
    iri = URIRef(f"{settings.base_iri}relation/{slug}")
    graph = _turtle(api, f"/relation/{slug}")
    pk = namespace(settings.base_iri)
    assert (iri, RDF.type, URIRef(pk + qualified.rdf_class)) in graph
    for name, prop in qualified.properties.items():
        if found["props"].get(name) is not None:
            assert graph.value(iri, URIRef(prop.predicate.replace("pk:", pk))) is not None, name
    locator = graph.value(iri, PROV.qualifiedPrimarySource)
    assert locator is not None
    assert str(graph.value(locator, URIRef(pk + "file")) or "") == str(found["props"].get("file") or "")
    source = graph.value(iri, PROV.hadPrimarySource)
    assert source == URIRef(f"{settings.base_iri}source/{found['props']['source']}")
    graph.add((URIRef(str(source)), RDF.type, URIRef(pk + "Source")))  # as the source's own IRI says
    shapes = rdflib.Graph().parse(data=shapes_turtle(settings.base_iri), format="turtle")
    conforms, _, report = pyshacl.validate(graph, shacl_graph=shapes, inference="none", focus_nodes=[iri])
    assert conforms, report[:3000]
