"""`GET /coverage` over real HTTP on the seeded graph (issue 13, point 7)."""

from __future__ import annotations

import httpx
import yaml

from schema.paths import DATA


def test_coverage_says_per_chapter_what_is_modelled_and_what_is_left_out(api: httpx.Client) -> None:
    body = api.get("/coverage").json()
    chapters = {c["chapter"]: c for c in body["chapters"]}
    assert sorted(chapters) == [1, 2, 3, 4, 5, 6, 7]
    claims_total = api.get("/claims", params={"limit": 1}).json()["total"]
    assert sum(c["claims"] for c in chapters.values()) == claims_total
    for chapter in chapters.values():
        assert chapter["records"] == sum(chapter["by_kind"].values())
    # Chapter 1 has records but no claims: the answer says so instead of leaving it to be found out.
    assert chapters[1]["claims"] == 0
    assert chapters[1]["records"] > 0
    assert body["outside_chapters"]["Interview"] == 32
    assert body["not_modelled"]


def test_coverage_lists_every_name_left_out_with_its_reason(api: httpx.Client) -> None:
    listed = yaml.safe_load((DATA / "coverage" / "names.yaml").read_text(encoding="utf-8"))
    chapters = api.get("/coverage").json()["chapters"]
    shown = {(c["chapter"], x["name"]) for c in chapters for x in c["left_out"] + c["missing"]}
    expected = {(e["chapter"], e["name"]) for e in listed if "reason" in e or "missing" in e}
    assert shown == expected
    scr = next(x for c in chapters for x in c["left_out"] if x["name"] == "SCR")
    assert scr["line"] == 5544
    assert "resolution" in scr["reason"]
