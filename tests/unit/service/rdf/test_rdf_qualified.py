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
