"""Entity details from hand-built rows of their statements, without Neo4j."""

from __future__ import annotations

import pytest

from service import models
from service.read_models import details

pytestmark = pytest.mark.unit

BOOKKEEPING = {"digest": "9f0c", "load": "load-3"}


def test_clean_drops_only_the_ingests_bookkeeping() -> None:
    assert details.clean({"id": "x", "name": "X", **BOOKKEEPING}) == {"id": "x", "name": "X"}
    assert details.clean(None) == {}


def test_mission_lifts_the_node_beside_its_links() -> None:
    row = {
        "mission": {"id": "alpha", "name": "Alpha", "kind": "integrated-mission", "source": "thesis", **BOOKKEEPING},
        "territories": [{"id": "kos", "name": "Kosovo", "iso3": None}],
        "leads": [{"id": "un", "name": "UN", "acronym": None, "field": "lead"}],
        "predecessors": [],
        "successors": [{"id": "beta", "name": "Beta", "acronym": "BM"}],
        "military_counterparts": [],
        "part_of": [],
        "units": [],
        "posts": [{"id": "srsg-alpha", "title": "SRSG"}],
        "figures": [],
        "statements": [],
        "claims": 4,
    }
    found = details.mission(row)
    assert (found.id, found.name, found.kind, found.source, found.claims) == (
        "alpha",
        "Alpha",
        "integrated-mission",
        "thesis",
        4,
    )
    assert [t.id for t in found.territories] == ["kos"]
    assert [(s.id, s.acronym) for s in found.successors] == [("beta", "BM")]
    assert [(p.id, p.name) for p in found.posts] == [("srsg-alpha", "SRSG")]


def test_organisation_names_what_it_leads_and_its_interviews() -> None:
    row = {
        "organisation": {"id": "un", "name": "United Nations", "kind": "igo", **BOOKKEEPING},
        "parents": [],
        "children": [{"id": "unsc", "name": "Security Council", "acronym": "UNSC"}],
        "leads": [{"id": "alpha", "label": "Alpha", "type": "Mission"}, {"id": "p-1", "label": None, "type": "Post"}],
        "territories": [],
        "interviews": [{"id": "drc-3", "role": "official"}],
        "statements": [],
        "claims": 0,
    }
    found = details.organisation(row)
    assert [(x.id, x.name) for x in found.leads] == [("alpha", "Alpha"), ("p-1", None)]
    assert [(x.id, x.name) for x in found.interviews] == [("drc-3", "official")]
    assert [x.id for x in found.children] == ["unsc"]


def test_resolution_lists_mission_ids_and_its_mandates_by_mission() -> None:
    row = {
        "resolution": {"id": "s-res-1244", "number": 1244, "year": 1999, "action": ["establishes"]},
        "missions": [{"id": "unmik", "name": "UNMIK", "acronym": "UNMIK"}],
        "mandates": [{"id": "unmik-1244", "mission": "unmik"}],
        "statements": [],
    }
    found = details.resolution(row)
    assert found.missions == ["unmik"]
    assert [(m.id, m.name) for m in found.mandates] == [("unmik-1244", "unmik")]
    assert (found.number, found.year) == (1244, 1999)


def test_resolution_dates_vote_acts_and_council() -> None:
    """A curated resolution: the rule's date and the Data Hub's vote come from its statements."""
    dgc = {"source": "un-psdata-dgc-scres", "file": "un-psdata-dgc-scres/DGC-SCRES.json", "key": "10441"}
    row = {
        "resolution": {"id": "s-res-1279-1999", "number": 1279, "year": 1999, "date": "1999-11"},
        "missions": [],
        "mandates": [],
        "statements": [
            {"id": "a", "field": "date", "value": "1999-11", "source": "thesis", "section": "4.2.1", "line": 5466},
            {"id": "b", "field": "date", "value": "1999-11-30", "preferred": True, "reason": "rule", **dgc},
            {"id": "c", "field": "unanimous", "value": True, **dgc},
        ],
        "acts": [{"act": "establishes", "mission": "monuc", "name": "MONUC", "quote": "on establishment", **dgc}],
        "council": [
            {"id": "gabon", "name": "Gabon", "permanent": False},
            {"id": "usa", "name": "United States", "permanent": True},
        ],
    }
    found = details.resolution(row)
    assert found.date == "1999-11"
    assert found.preferred_date == "1999-11-30"
    assert [w.id for w in found.date_witnesses] == ["a", "b"]
    assert found.vote == models.Vote(unanimous=True)
    assert found.acts == ["establishes monuc"]
    assert found.acts_on[0].quote == "on establishment"
    assert [m.id for m in found.council] == ["usa", "gabon"]  # permanent members first


def test_interview_with_the_claims_citing_it_by_line_then_id() -> None:
    def claim(cid: str, section: str, line: int | None) -> dict[str, object]:
        return {"id": cid, "section": section, "subsection": None, "line": line, "text": f"text of {cid}"}

    row = {
        "interview": {"id": "drc-3", "case": "drc", "number": 3, "role": "official", "un_staff": True},
        "organisations": [{"id": "monusco", "name": "MONUSCO", "acronym": None}, {"id": "un", "name": "UN"}],
        "missions": [],
        "claims": [claim("c-b", "6.1", 30), claim("c-a", "5.2.3", 30), claim("c-z", "2.1", None)],
    }
    found = details.interview(row)
    assert (found.organisation, found.mission, found.claims) == ("monusco", None, 3)
    assert [(c.id, c.chapter) for c in found.claims_citing] == [("c-z", 2), ("c-a", 5), ("c-b", 6)]


def test_claim_lists_ids_and_names_its_literature() -> None:
    row = {
        "claim": {"id": "c-1", "chapter": 5, "section": "5.1", "text": "UNMIK relied on the council.", **BOOKKEEPING},
        "interviews": [{"id": "kosovo-6", "role": "official"}],
        "literature": [
            {"id": "smith-2001", "citation": "Smith 2001", "title": "On Kosovo"},
            {"id": "doe-1999", "citation": "Doe 1999", "title": None},
        ],
        "codes": [{"id": "power-dependency", "pref_label": "Power dependency", "kind": "concept"}],
        "mentions": [{"id": "unmik", "name": "UNMIK", "acronym": "UNMIK"}],
        "relations": [{"from": "unmik", "type": "DEPENDS_ON", "kind": "power", "on": "mandate", "to": "unsc"}],
    }
    found = details.claim(row)
    assert (found.interviews, found.codes, found.mentions) == (["kosovo-6"], ["power-dependency"], ["unmik"])
    assert [(s.id, s.name) for s in found.cites] == [("smith-2001", "On Kosovo"), ("doe-1999", "Doe 1999")]
    assert [(r.source_actor, r.to, r.weight) for r in found.relations] == [("unmik", "unsc", None)]
