"""Dereferenceable IRIs over real HTTP: HTML for browsers, JSON for apps, RDF by Accept or
`?format=`; a fixed description compared by graph isomorphism; 404 and 406; VoID; the ontology."""

from __future__ import annotations

from html.parser import HTMLParser

import httpx
import pytest
import rdflib
from rdflib import RDF, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from ingest.dataset import Dataset, load_dataset
from ingest.sources.curated import CuratedYaml
from schema.settings import Settings
from service.rdf.vocab import namespace
from tests.conftest import DATA, TESTS

# Over the curated data (tests/conftest.py `curated_only`): the public sources make these whole-graph
# parses and validations take many minutes here; a sampled check of the public kinds is still to do.
pytestmark = pytest.mark.usefixtures("curated_only")

FIXTURES = TESTS / "fixtures" / "rdf"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
RDF_ACCEPT = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
}
FORMAT_PARAM = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdf": "xml", "trig": "trig"}

# data/missions.yaml and the missions of data/crosswalk/missions_new.yaml, both curated records.
MISSIONS = len(CuratedYaml(DATA).read().records.kinds["missions"])


class _Headings(HTMLParser):
    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag, self.open, self.found = tag, False, list[str]()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.tag:
            self.open = True
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        self.open = self.open and tag != self.tag

    def handle_data(self, data: str) -> None:
        if self.open:
            self.found[-1] += data


def headings(page: str, tag: str) -> list[str]:
    """The text of every `tag` element of an HTML page, whitespace collapsed."""
    parser = _Headings(tag)
    parser.feed(page)
    return [" ".join(text.split()) for text in parser.found]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The oracle for what pages and relations must say: the files the graph was loaded from."""
    return load_dataset(DATA)


def parse(response: httpx.Response, rdflib_format: str) -> rdflib.Graph:
    if rdflib_format == "trig":
        dataset = rdflib.Dataset()
        dataset.parse(data=response.content, format="trig")
        graph = rdflib.Graph()
        for s, p, o, _ in dataset.quads():
            graph.add((s, p, o))
        return graph
    return rdflib.Graph().parse(data=response.content, format=rdflib_format)


def readable_diff(expected: rdflib.Graph, got: rdflib.Graph) -> str:
    _, only_expected, only_got = graph_diff(to_isomorphic(expected), to_isomorphic(got))

    def show(graph: rdflib.Graph) -> list[str]:
        return sorted("  " + " ".join(term.n3() for term in triple) for triple in graph)

    lines = ["only in the expected graph:", *show(only_expected), "only in the service's graph:", *show(only_got)]
    return "\n".join(lines)


def test_a_resolution_description_is_isomorphic_to_the_hand_written_one(api: httpx.Client) -> None:
    expected = rdflib.Graph().parse(FIXTURES / "resolution-1244.ttl", format="turtle")
    response = api.get("/resolution/1244", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    got = parse(response, "turtle")
    assert to_isomorphic(expected) == to_isomorphic(got), readable_diff(expected, got)


@pytest.mark.parametrize(("accept", "rdflib_format"), list(RDF_ACCEPT.items()))
def test_rdf_by_accept_header(api: httpx.Client, settings: Settings, accept: str, rdflib_format: str) -> None:
    response = api.get("/mission/monuc", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    assert "accept" in response.headers["vary"].lower()
    graph = parse(response, rdflib_format)
    monuc = URIRef(f"{settings.base_iri}mission/monuc")
    assert (monuc, RDF.type, URIRef(namespace(settings.base_iri) + "Mission")) in graph


@pytest.mark.parametrize(("key", "rdflib_format"), list(FORMAT_PARAM.items()))
def test_rdf_by_format_parameter(api: httpx.Client, settings: Settings, key: str, rdflib_format: str) -> None:
    response = api.get("/organisation/unsc", params={"format": key}, headers={"Accept": BROWSER})
    assert response.status_code == 200
    graph = parse(response, rdflib_format)
    assert (URIRef(f"{settings.base_iri}organisation/unsc"), None, None) in graph


def test_a_browser_gets_a_readable_page_with_links(api: httpx.Client, dataset: Dataset) -> None:
    response = api.get("/mission/monuc", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    # The heading is the mission's name as data/missions.yaml states it, not merely a page naming MONUC.
    assert headings(page, "h1") == [dataset.kinds["missions"]["monuc"].name]
    assert 'href="/mission/monusco"' in page
    assert 'href="/relation/monuc--depends-on--' in page  # evidence: the qualified relations
    assert "#provenance" in page


def test_an_app_gets_the_api_model_with_its_iri(api: httpx.Client, settings: Settings) -> None:
    for headers in ({}, {"Accept": "*/*"}, {"Accept": "application/json"}):
        response = api.get("/resolution/1244", headers=headers)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        assert body["@id"] == f"{settings.base_iri}resolution/1244"
        assert body["number"] == 1244
        assert body["un_digital_library"] == "https://digitallibrary.un.org/record/274488"


def test_the_linked_data_of_an_api_resource_is_its_json_ld(api: httpx.Client, settings: Settings) -> None:
    response = api.get("/resolution/1244", headers={"Accept": "application/ld+json"})
    graph = parse(response, "json-ld")
    r1244 = URIRef(f"{settings.base_iri}resolution/1244")
    assert (r1244, rdflib.RDFS.label, rdflib.Literal("S/RES/1244 (1999)")) in graph
    assert (r1244, rdflib.RDFS.seeAlso, URIRef("https://digitallibrary.un.org/record/274488")) in graph
    assert (URIRef(f"{settings.base_iri}resolution/1244#provenance"), None, None) in graph


def test_a_type_without_an_api_model_answers_its_linked_data_json(api: httpx.Client, settings: Settings) -> None:
    response = api.get("/mandate/monuc-1291", headers={"Accept": "application/json"})
    assert response.status_code == 200
    body = response.json()
    assert body["iri"] == f"{settings.base_iri}mandate/monuc-1291"
    assert body["type"] == "mandate"
    assert body["properties"]["rdfs:label"]
    assert f"{settings.base_iri}mandate/monuc-1291#provenance" in body["resources"]


def test_unacceptable_accept_is_406_and_bad_format_is_422(api: httpx.Client) -> None:
    response = api.get("/mission/monuc", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.json()["error"] == "not_acceptable"
    assert response.json()["offered"] == [
        "application/json",
        "text/html",
        *RDF_ACCEPT,
    ]
    listing = api.get("/missions", headers={"Accept": "application/rdf+xml"})
    assert listing.status_code == 406
    assert listing.json()["offered"] == ["application/json", "text/csv"]
    assert api.get("/mission/monuc", params={"format": "yaml"}).status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/mission/no-such-mission",
        "/resolution/99999",
        "/resolution/s-res-1244-1999",
        "/relation/a--funds--b",
        "/relation/not-a-relation",
        "/scheme/nothing",
        "/no-such-type/unmik",
        "/claim/unmik",
    ],
)
def test_unknown_iris_are_404(api: httpx.Client, path: str) -> None:
    response = api.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 404


def test_every_type_dereferences(api: httpx.Client, settings: Settings) -> None:
    examples = [
        "mission/unmik",
        "organisation/unsc",
        "unit/unmik-pillar-1",
        "post/unmik-srsg",
        "territory/cod",
        "resolution/1291",
        "mandate/monuc-1291",
        "task/ddr",
        "interview/drc-14",
        "claim/c-2-2-1-1",
        "code/power-dependency",
        "source/thesis",
        "figure/monuc-figure-1",
        "statement/s-res-1244-1999-statement-1",
        "scheme/task",
        "scheme/code",
    ]
    for path in examples:
        response = api.get(f"/{path}", params={"format": "nt"})
        assert response.status_code == 200, path
        graph = rdflib.Graph().parse(data=response.content, format="nt")
        assert (URIRef(settings.base_iri + path), rdflib.RDFS.label, None) in graph, path


def asserting_claims(dataset: Dataset, source: str, kind: str, on: str, target: str) -> dict[str, set[str]]:
    """Claim id -> interviews it cites, for the claims of data/ asserting this DEPENDS_ON relation."""
    return {
        claim.id: set(claim.interviews)
        for claim in dataset.kinds["claims"].values()
        for assertion in claim.asserts
        if (assertion.source_actor, assertion.type, assertion.kind, assertion.on, assertion.to)
        == (source, "DEPENDS_ON", kind, on, target)
    }


def test_a_qualified_relation_dereferences_with_its_evidence(
    api: httpx.Client, settings: Settings, dataset: Dataset
) -> None:
    graph = rdflib.Graph().parse(data=api.get("/mission/monuc", params={"format": "nt"}).content, format="nt")
    relations = sorted({str(s) for s in graph.subjects() if "/relation/monuc--depends-on--" in str(s)})
    # MONUC depends on the Council for its mandate and for funding (data/claims.yaml), at least.
    assert {"power--mandate--unsc", "resource--funding--unsc"} <= {iri.split("--", 2)[2] for iri in relations}
    for iri in relations:
        source, _, kind, on, target = iri.rsplit("/", 1)[1].split("--")
        claims = asserting_claims(dataset, source, kind, on, target)
        response = api.get(iri[len(settings.base_iri) - 1 :], params={"format": "json"})
        assert response.status_code == 200, iri
        properties = response.json()["properties"]
        # Evidence: exactly the claims that assert it; weight: the distinct interviews they cite.
        assert {value["iri"] for value in properties["prov:wasDerivedFrom"]} == {
            f"{settings.base_iri}claim/{claim}" for claim in claims
        }, iri
        assert properties["pk:weight"] == [len(set().union(*claims.values()))], iri
        assert properties["pk:relationFrom"][0]["iri"] == f"{settings.base_iri}mission/monuc"
        assert properties["pk:relationTo"][0]["iri"] == f"{settings.base_iri}organisation/{target}", iri


def test_a_concept_scheme_lists_its_top_concepts(api: httpx.Client, settings: Settings) -> None:
    graph = rdflib.Graph().parse(data=api.get("/scheme/task", params={"format": "ttl"}).content, format="turtle")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    tops = set(graph.objects(URIRef(f"{settings.base_iri}scheme/task"), skos.hasTopConcept))
    assert URIRef(f"{settings.base_iri}task/security") in tops
    assert len(tops) == 9


def test_void_describes_the_dataset(api: httpx.Client, settings: Settings) -> None:
    response = api.get("/.well-known/void")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = URIRef(f"{settings.base_iri}.well-known/void#dataset")
    assert (dataset, RDF.type, void.Dataset) in graph
    assert int(str(graph.value(dataset, void.triples))) > 10_000
    assert (dataset, void.sparqlEndpoint, URIRef(f"{settings.base_iri}sparql")) in graph
    assert (dataset, void.dataDump, URIRef(f"{settings.base_iri}rdf?format=nt")) in graph
    assert (dataset, void.vocabulary, URIRef("http://www.w3.org/ns/org#")) in graph
    assert set(graph.objects(dataset, void.exampleResource))
    missions = graph.value(URIRef(f"{settings.base_iri}.well-known/void#class-mission"), void.entities)
    assert str(missions) == str(MISSIONS)
    jsonld = api.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert len(rdflib.Graph().parse(data=jsonld.content, format="json-ld")) == len(graph)


def test_the_ontology_is_served_in_the_deployments_namespace(api: httpx.Client, settings: Settings) -> None:
    response = api.get("/ontology")
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    owl = rdflib.OWL
    assert (
        URIRef(namespace(settings.base_iri) + "Mission"),
        rdflib.RDFS.subClassOf,
        URIRef("http://www.w3.org/ns/org#Organization"),
    ) in graph
    assert (None, RDF.type, owl.Ontology) in graph
    assert api.get("/shapes").status_code == 200
    assert api.get("/context.jsonld").json()["@context"]["pk"] == namespace(settings.base_iri)
