"""Qualified relationships (registry.Qualified): each relationship its own resource, with its facts and locator."""

from __future__ import annotations

from service.rdf import terms as t
from service.rdf.mapping import Mapper

BASE = "http://pkgraph.test/"


def _seat(year: int, row: int) -> dict[str, object]:
    return {
        "type": "HELD_SEAT",
        "props": {
            "year": year,
            "permanent": False,
            "name": "Brazil",
            "key": str(year),
            "source": "un-psdata-scmembership",
            "file": "un-psdata-scmembership/DPPA-SCMembership.csv",
            "row": row,
            "column": "security_council_member",
        },
        "other": {"id": "unsc"},
        "other_labels": ["Organisation"],
    }


def test_each_seat_is_a_resource_with_its_year_and_row() -> None:
    mapper = Mapper(BASE)
    row = {
        "labels": ["Organisation"],
        "props": {"id": "bra", "name": "Brazil"},
        "out": [_seat(1946, 3), _seat(1947, 14)],
    }
    quads = list(mapper.node_quads(row))
    seat_class = mapper.pk("CouncilSeat")
    seats = sorted(s for s, p, o, _ in quads if p == mapper.a and o == seat_class)
    assert seats == [f"{BASE}relation/bra--held-seat--unsc--1946", f"{BASE}relation/bra--held-seat--unsc--1947"]
    first = {(p, o) for s, p, o, _ in quads if s == seats[0]}
    assert (mapper.pk("year"), t.year(1946)) in first
    assert (mapper.pk("permanentMember"), t.boolean(False)) in first
    assert (mapper.pk("relationSubject"), mapper.iris.node("Organisation", "bra")) in first
    locator = {(p, o) for s, p, o, _ in quads if s == f"{seats[0]}#provenance"}
    assert (mapper.pk("row"), t.integer(3)) in locator
    # the direct triple stays, once
    direct = [q for q in quads if q[1] == mapper.pk("heldSeatOn")]
    assert len(direct) == 1


def _edge(rel: str, other: dict[str, object], label: str, **props: object) -> dict[str, object]:
    return {"type": rel, "props": props, "other": other, "other_labels": [label]}


def _resource(quads: list[t.Quad], mapper: Mapper, rdf_class: str) -> tuple[str, set[tuple[str, object]]]:
    (resource,) = {s for s, p, o, _ in quads if p == mapper.a and o == mapper.pk(rdf_class)}
    return resource, {(p, o) for s, p, o, _ in quads if s == resource}


def test_the_relationship_facts_the_rdf_lacked_are_qualified_resources() -> None:
    """An act's source name and topic-line quote, a PEMA task's modality and paragraph, a ceiling's
    lag and rule, a corroborating value, a task mapping's reason: each on its relationship's resource."""
    mapper = Mapper(BASE)
    resolution = {"labels": ["Resolution"], "props": {"id": "s-res-1279-1999", "number": 1279, "year": 1999}}
    topic = "on establishment of the UN Organization Mission in the Democratic Republic of the Congo (MONUC)"
    act = _edge(
        "ESTABLISHES",
        {"id": "monuc"},
        "Mission",
        source="un-psdata-dgc-scres",
        file="un-psdata-dgc-scres/DGC-SCRES.json",
        key="",
        column="description",
        quote=topic,
        act="establishes",
        name="MONUC",
    )
    quads = list(mapper.node_quads({**resolution, "out": [act]}))
    iri, facts = _resource(quads, mapper, "EstablishesAct")
    assert iri == f"{BASE}relation/s-res-1279-1999--establishes-act--monuc"
    assert (mapper.pk("nameInSource"), t.plain("MONUC")) in facts
    assert (mapper.pk("relationSubject"), mapper.iris.node("Resolution", "s-res-1279-1999", 1279)) in facts
    locator = {(p, o) for s, p, o, _ in quads if s == f"{iri}#provenance"}
    assert (mapper.pk("quote"), t.plain(topic)) in locator
    assert (mapper.pk("column"), t.plain("description")) in locator

    mandate = {"labels": ["Mandate"], "props": {"id": "pema-monuc-1291", "coding": "pema"}}
    task = _edge(
        "INCLUDES",
        {"id": "pema-ceasefire"},
        "Task",
        source="pema",
        file="pema/PEMA_Feb22_v1.2.csv",
        row=12,
        column="Ceasefire_Monitor",
        modality="monitor",
        paragraph="1, 7",
        key="",
    )
    quads = list(mapper.node_quads({**mandate, "out": [task]}))
    iri, facts = _resource(quads, mapper, "MandateTask")
    assert (mapper.pk("modality"), t.plain("monitor")) in facts
    assert (mapper.pk("operativeParagraphs"), t.plain("1, 7")) in facts  # PEMA's text, not one locator paragraph
    assert (mapper.pk("column"), t.plain("Ceasefire_Monitor")) in {
        (p, o) for s, p, o, _ in quads if s == f"{iri}#provenance"
    }

    strength = {"labels": ["Strength"], "props": {"id": "monuc-authorised-troops-2000-02"}}
    set_by = _edge("SET_BY", {"id": "s-res-1291-2000", "number": 1291}, "Resolution", lag_months=0, rule="lag 0")
    corroborated = _edge("CORROBORATED_BY", {"id": "passmore-shortfall"}, "Source", value=5537, source="passmore")
    quads = list(mapper.node_quads({**strength, "out": [set_by, corroborated]}))
    assert (mapper.pk("lagMonths"), t.integer(0)) in _resource(quads, mapper, "CeilingLink")[1]
    assert (mapper.pk("corroboratingValue"), t.decimal(5537.0)) in _resource(quads, mapper, "Corroboration")[1]

    mapped = _edge("EXACT_MATCH", {"id": "ceasefire"}, "Task", reason="the same task", source="pema", key="")
    quads = list(mapper.node_quads({"labels": ["Task"], "props": {"id": "pema-ceasefire"}, "out": [mapped]}))
    assert (mapper.pk("reason"), t.plain("the same task")) in _resource(quads, mapper, "TaskMapping")[1]


def test_the_shapes_give_each_qualified_resource_its_ends() -> None:
    import rdflib

    from service.rdf.vocab import shapes_turtle

    shapes = rdflib.Graph().parse(data=shapes_turtle(BASE), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    pk = rdflib.Namespace(f"{BASE}ontology#")
    ends = {
        str(shapes.value(prop, sh["class"]))
        for prop in shapes.objects(pk.EstablishesActShape, sh.property)
        if shapes.value(prop, sh.path) in (pk.relationSubject, pk.relationObject)
    }
    assert ends == {str(pk.Resolution), str(pk.Mission)}
