"""Unit tests of the linked-data helpers: IRIs, N-Triples terms (negotiation: tests/test_formats.py)."""

from __future__ import annotations

import pyoxigraph as ox

from service.rdf import terms as t
from service.rdf.iris import Iris, RelationKey, parse_relation


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
