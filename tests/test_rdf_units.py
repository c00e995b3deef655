"""Unit tests of the linked-data helpers: content negotiation, IRIs, N-Triples terms."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from service.errors import BadInput
from service.rdf import terms as t
from service.rdf.iris import Iris, RelationKey, parse_relation
from service.rdf.negotiation import NotAcceptable, choose

RESOURCE = ["json", "html", "ttl", "nt", "jsonld", "rdf", "trig"]
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


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
    assert choose(RESOURCE, accept, None) == expected


def test_format_parameter_wins_and_is_checked() -> None:
    assert choose(RESOURCE, BROWSER, "ttl") == "ttl"
    assert choose(RESOURCE, None, "turtle") == "ttl"
    with pytest.raises(BadInput):
        choose(RESOURCE, None, "yaml")


def test_nothing_acceptable() -> None:
    with pytest.raises(NotAcceptable):
        choose(RESOURCE, "image/png", None)
    with pytest.raises(NotAcceptable):
        choose(["ttl"], "text/turtle;q=0", None)


def test_relation_ids_round_trip() -> None:
    key = RelationKey("monuc", "DEPENDS_ON", "resource", "political-support", "un-secretariat")
    assert key.slug == "monuc--depends-on--resource--political-support--un-secretariat"
    assert parse_relation(key.slug) == key
    plain = RelationKey("unmik", "TENSION_WITH", "", "", "osce")
    assert parse_relation(plain.slug) == plain
    assert parse_relation("monuc--likes--unsc") is None
    assert parse_relation("monuc") is None


def test_resolution_iris_carry_the_number() -> None:
    iris = Iris("http://x.test/")
    assert iris.node("Resolution", "s-res-1244-1999", 1244) == "http://x.test/resolution/1244"
    assert iris.of(["Mission", "Actor"], "unmik") == "http://x.test/mission/unmik"


def test_ntriples_terms_parse_with_oxigraph() -> None:
    quads: list[t.Quad] = [
        (t.Iri("http://x.test/a"), t.Iri("http://x.test/p"), t.plain('quote "and" back\\slash\nnewline'), None),
        (t.Iri("http://x.test/a"), t.Iri("http://x.test/p"), t.decimal(1.5e9), None),
        (t.Iri("http://x.test/a"), t.Iri("http://x.test/p"), t.partial_date("1999-11"), None),
        (t.Iri("http://x.test/a"), t.Iri("http://x.test/p"), t.english("Security"), None),
        (t.Iri("http://x.test/a"), t.Iri("http://x.test/p"), t.safe_iri("https://x.test/a b?c=<d>"), None),
    ]
    text = "".join(t.nt_line(q) for q in quads)
    parsed = list(ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES))
    assert [q.object.value for q in parsed] == [
        'quote "and" back\\slash\nnewline',
        "1500000000.0",
        "1999-11",
        "Security",
        "https://x.test/a%20b?c=%3Cd%3E",
    ]
