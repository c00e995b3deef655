"""Resolutions over real HTTP on the seeded graph: filters, the date rule, acts, the vote, the Council."""

from __future__ import annotations

import csv
import io

import httpx


def test_all_2722_resolutions_are_listed(api: httpx.Client) -> None:
    page = api.get("/resolutions", params={"limit": 1}).json()
    assert page["total"] == 2722
    assert api.get("/resolutions", params={"year": 1999}).json()["total"] == 65
    assert api.get("/resolutions", params={"from": 1946, "to": 1949}).json()["total"] == 78


def test_1279_establishes_monuc_dated_by_the_rule(api: httpx.Client) -> None:
    r1279 = api.get("/resolution/1279").json()
    assert r1279["date"] == "1999-11"  # the curated node keeps the thesis's month
    assert r1279["preferred_date"] == "1999-11-30"  # the rule agrees, to the day
    assert {w["source"] for w in r1279["date_witnesses"]} >= {"thesis", "un-psdata-dgc-scres"}
    assert any(a["act"] == "establishes" and a["mission"] == "monuc" for a in r1279["acts_on"])
    # The Data Hub's act quotes its topic line (TAMM's and PEMA's acts on the same node cite their rows).
    topic_act = next(a for a in r1279["acts_on"] if a["source"] == "un-psdata-dgc-scres")
    assert topic_act["quote"].startswith("on establishment")
    assert r1279["vote"] == {"unanimous": True, "yes": None, "no": None, "abstain": None}
    listed = api.get("/resolutions", params={"mission": "monuc", "act": "establishes"}).json()
    # The sources disagree and both are kept: the topic line says 1279, TAMM (MONUC's first mandate) 1258.
    assert sorted(r["number"] for r in listed["items"]) == [1258, 1279]


def test_a_placeholder_date_gives_way_to_the_text(api: httpx.Client) -> None:
    r77 = api.get("/resolution/77").json()  # the Data Hub dates 76-184 1949-10-11, its placeholder
    by_source = {w["source"]: w for w in r77["date_witnesses"]}
    assert by_source["un-psdata-dgc-scres"]["value"] == "1949-10-11"
    assert by_source["un-psdata-dgc-scres"]["preferred"] is False
    assert by_source["cr-unsc"]["preferred"] is True
    assert r77["date"] == r77["preferred_date"] == by_source["cr-unsc"]["value"]
    r100 = api.get("/resolution/100").json()
    assert r100["date"] != "1949-10-11"
    assert r100["date"] == next(w["value"] for w in r100["date_witnesses"] if w["source"] == "cr-unsc")


def test_the_council_of_1999(api: httpx.Client) -> None:
    council = api.get("/resolution/1279").json()["council"]
    assert len(council) == 15
    permanent = {m["id"] for m in council if m["permanent"]}
    assert permanent == {"china", "france", "russia", "uk", "usa"}


def test_topic_search_subject_and_csv(api: httpx.Client) -> None:
    found = api.get("/resolutions", params={"q": "MONUC", "limit": 500}).json()
    assert 1279 in [r["number"] for r in found["items"]]
    assert found["total"] == len(found["items"]) > 10
    assert api.get("/resolutions", params={"subject": "peacekeeping", "limit": 1}).json()["total"] > 100
    response = api.get("/resolutions", params={"year": 1999, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 50
    assert rows[0]["number"] == "1220"
    assert api.get("/resolutions", params={"act": "dissolves"}).status_code == 422
    assert api.get("/resolutions", params={"q": "AND ("}).status_code == 422
