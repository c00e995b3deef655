"""Browse endpoints over real HTTP on the seeded graph: real answers from the thesis."""

from __future__ import annotations

import csv
import io

import httpx


def test_missions_list_is_paginated_with_a_total(api: httpx.Client) -> None:
    first = api.get("/missions", params={"limit": 10}).json()
    second = api.get("/missions", params={"limit": 10, "offset": 10}).json()
    assert first["total"] >= 91
    assert len(first["items"]) == 10
    assert {m["id"] for m in first["items"]}.isdisjoint({m["id"] for m in second["items"]})


def test_missions_filter_by_kind_and_territory(api: httpx.Client) -> None:
    integrated = {
        m["id"] for m in api.get("/missions", params={"kind": "integrated-mission", "limit": 500}).json()["items"]
    }
    assert {"unmik", "monuc", "monusco"} <= integrated
    in_drc = {m["id"] for m in api.get("/missions", params={"territory": "cod", "limit": 500}).json()["items"]}
    assert {"monuc", "monusco"} <= in_drc
    assert "unmik" not in in_drc


def test_missions_as_csv_by_accept_and_by_format(api: httpx.Client) -> None:
    by_accept = api.get("/missions", params={"limit": 500}, headers={"Accept": "text/csv"})
    by_format = api.get("/missions", params={"limit": 500, "format": "csv"})
    assert by_accept.headers["content-type"].startswith("text/csv")
    assert by_accept.text == by_format.text
    rows = list(csv.DictReader(io.StringIO(by_accept.text)))
    assert {"id", "name", "kind", "start"} <= set(rows[0])
    assert any(r["id"] == "unmik" for r in rows)


def test_monuc_keeps_both_start_statements_and_its_figures(api: httpx.Client) -> None:
    monuc = api.get("/mission/monuc").json()
    starts = {str(s["value"])[:4] for s in monuc["statements"] if s["field"] == "start"}
    assert {"1999", "2000"} <= starts
    assert sum(s["preferred"] for s in monuc["statements"] if s["field"] == "start") == 1
    assert [s["id"] for s in monuc["successors"]] == ["monusco"]
    troop_ceilings = {f["value"] for f in monuc["figures"] if f["measure"] == "troop-ceiling"}
    assert {5537, 5900, 17030, 19815} <= troop_ceilings
    assert all(f["source"] and f["line"] for f in monuc["figures"] if f["source"] == "thesis")
    assert monuc["claims"] > 0


def test_unknown_mission_is_404_with_the_id(api: httpx.Client) -> None:
    response = api.get("/mission/no-such-mission")
    assert response.status_code == 404
    assert "no-such-mission" in response.json()["detail"]


def test_malformed_id_is_422_naming_the_parameter(api: httpx.Client) -> None:
    response = api.get("/missions/NOT_A_SLUG")
    assert response.status_code == 422
    assert response.json()["detail"][0]["parameter"] == "path.id"


def test_bad_limit_is_422(api: httpx.Client) -> None:
    response = api.get("/missions", params={"limit": 0})
    assert response.status_code == 422
    assert response.json()["detail"][0]["parameter"] == "query.limit"


def test_organisation_with_parent_and_led_units(api: httpx.Client) -> None:
    osce = api.get("/organisation/osce").json()
    assert osce["kind"] in {"regional-organisation", "international-organisation"}
    assert "unmik-pillar-3" in {x["id"] for x in osce["leads"]}
    dpko = api.get("/organisation/dpko").json()
    assert "un-secretariat" in {p["id"] for p in dpko["parents"]}


def test_resolution_1244_links_to_the_un_digital_library(api: httpx.Client) -> None:
    r1244 = api.get("/resolution/1244").json()
    assert r1244["year"] == 1999
    assert r1244["un_digital_library"].startswith("https://digitallibrary.un.org/record/")
    assert "unmik" in r1244["missions"]
    assert api.get("/resolution/99999").status_code == 404


def test_interviews_by_case(api: httpx.Client) -> None:
    assert api.get("/interviews", params={"case": "kosovo"}).json()["total"] == 12
    assert api.get("/interviews", params={"case": "drc"}).json()["total"] == 20
    assert api.get("/interviews", params={"case": "haiti"}).status_code == 422


def test_interview_lists_the_claims_citing_it(api: httpx.Client) -> None:
    drc14 = api.get("/interview/drc-14").json()
    assert drc14["role"].startswith("Head of Political Affairs")
    assert drc14["claims"] == len(drc14["claims_citing"]) > 0
    assert "c-7-1" in {c["id"] for c in drc14["claims_citing"]}


def test_claims_filter_by_code_mission_and_text(api: httpx.Client) -> None:
    power_unmik = api.get("/claims", params={"code": "power-dependency", "mission": "unmik", "limit": 500}).json()
    assert power_unmik["total"] > 10
    assert all("power-dependency" in c["codes"] for c in power_unmik["items"])
    by_text = api.get("/claims", params={"q": "helicopters"}).json()
    assert by_text["total"] >= 1
    assert all("helicopter" in (c["text"] + (c["quote"] or "")).lower() for c in by_text["items"])
    chapter6 = api.get("/claims", params={"chapter": 6, "interview": "drc-13", "limit": 500}).json()
    assert chapter6["items"]
    assert all(c["chapter"] == 6 and "drc-13" in c["interviews"] for c in chapter6["items"])


def test_claim_detail_shows_the_relations_it_evidences(api: httpx.Client) -> None:
    claim = api.get("/claim/c-5-2-3").json()
    assert claim["interviews"] == ["kosovo-6"]
    assert claim["section"] == "5.2"
    assert {"from": "unmik", "type": "DEPENDS_ON", "kind": "power", "on": "mandate", "to": "unsc"}.items() <= next(
        r for r in claim["relations"] if r["to"] == "unsc"
    ).items()


def test_bad_full_text_query_is_422(api: httpx.Client) -> None:
    response = api.get("/search", params={"q": "AND OR ("})
    assert response.status_code == 422
    assert "q" in response.json()["detail"]


def test_codes_and_search(api: httpx.Client) -> None:
    codes = {c["id"]: c for c in api.get("/codes").json()}
    assert codes["power-dependency"]["claims"] > 50
    assert codes["single-loop-learning"]["broader"] == "organisational-learning"
    hits = api.get("/search", params={"q": "Security Council"}).json()["items"]
    assert "unsc" in {h["id"] for h in hits}
