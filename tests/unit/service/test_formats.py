"""Unit tests of content negotiation and the format registry (no Neo4j)."""

from __future__ import annotations

import pytest

from service.errors import BadInput
from service.formats import REGISTRY, RESOURCE, SPARQL_RESULTS, TABULAR, Offer
from service.html import render_page
from service.negotiation import NotAcceptable, choose
from service.rdf.describe import Description
from service.rdf.export import FORMATS
from service.rdf.mapping import LABEL
from service.rdf.state import DumpCache
from service.rdf.terms import Iri, Lit

pytestmark = pytest.mark.unit

OFFER = RESOURCE.formats
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def pick(accept: str | None, format_param: str | None = None, offer: Offer = RESOURCE) -> str:
    return choose(offer.formats, accept, format_param).name


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("*/*", "json"),
        (BROWSER, "html"),
        ("text/turtle", "ttl"),
        ("application/ld+json, application/json;q=0.5", "jsonld"),
        ("application/n-triples;q=0.2, application/rdf+xml;q=0.9", "rdf"),
        ("application/trig", "trig"),
        ("text/*", "html"),
        ("image/png, */*;q=0.1", "json"),
    ],
)
def test_negotiation(accept: str | None, expected: str) -> None:
    assert pick(accept) == expected


def test_format_parameter_wins_and_is_checked() -> None:
    assert pick(BROWSER, "ttl") == "ttl"
    assert pick(None, "turtle") == "ttl"
    with pytest.raises(BadInput):
        pick(None, "yaml")


def test_nothing_acceptable_lists_the_offer() -> None:
    with pytest.raises(NotAcceptable) as caught:
        pick("image/png")
    assert caught.value.extra["offered"] == [fmt.media_type for fmt in OFFER]
    with pytest.raises(NotAcceptable):
        pick("text/turtle;q=0", offer=Offer(REGISTRY["ttl"]))


def test_tabular_answers_csv_only_when_preferred() -> None:
    assert pick("text/csv", offer=TABULAR) == "csv"
    assert pick("text/csv, application/json", offer=TABULAR) == "json"  # a tie: the route's order
    assert pick("text/csv;q=0.5, application/json", offer=TABULAR) == "json"
    assert pick(BROWSER, offer=TABULAR) == "json"
    assert pick(None, "csv", offer=TABULAR) == "csv"


def test_sparql_result_names_are_the_protocols() -> None:
    offer = Offer(*SPARQL_RESULTS)
    assert pick(None, "json", offer) == "sparql-json"
    assert pick(None, "tsv", offer) == "sparql-tsv"
    assert pick("text/csv", offer=offer) == "sparql-csv"
    assert pick("*/*", offer=offer) == "sparql-json"


def test_every_rdf_serialisation_is_registered_under_its_media_type() -> None:
    for key, fmt in FORMATS.items():
        assert REGISTRY[key].media_type == fmt.media_type


def test_the_dump_cache_keeps_one_body_per_format_and_drops_an_old_version() -> None:
    cache = DumpCache()
    cache.put("v1", "ttl", b"turtle")
    cache.put("v1", "jsonld", b"json-ld")  # a miss for another format keeps the first
    assert cache.get("v1", "ttl") == b"turtle"
    assert cache.get("v1", "jsonld") == b"json-ld"
    for key in FORMATS:
        cache.put("v1", key, key.encode())
    assert sorted(cache.formats()) == sorted(FORMATS)  # bounded: one per format
    assert cache.get("v2", "ttl") is None
    cache.put("v2", "nt", b"n-triples")
    assert cache.formats() == ["nt"]
    assert cache.get("v1", "ttl") is None
    with pytest.raises(ValueError, match="not an RDF format"):
        cache.put("v2", "yaml", b"")


def test_html_escapes_what_the_data_says() -> None:
    base = "http://x.test/"
    subject = Iri(base + "claim/c-1")
    hostile = '<script>alert("x")</script> & co'
    other = Iri("https://example.org/?a=1&b=<2>")
    described = Description(subject, "claim", "c-1", hostile, [(subject, LABEL, Lit(hostile), None)])
    page = render_page(described.html_view(base))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in page
    assert '<nav aria-label="pkgraph">' in page  # the base layout
    linked = Description(subject, "claim", "c-1", "c", [(subject, Iri(base + "see"), other, None)])
    assert 'href="https://example.org/?a=1&amp;b=&lt;2&gt;"' in render_page(linked.html_view(base))
