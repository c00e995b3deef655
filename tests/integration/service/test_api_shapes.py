"""Answer shapes that used to mislead an analyst (issue 13, point 5), over real HTTP on the seeded graph."""

from __future__ import annotations

import httpx

from schema import registry


def test_a_counterpart_stated_from_both_sides_is_listed_once_with_both_statements(api: httpx.Client) -> None:
    for mission, other in (("unmik", "kfor"), ("kfor", "unmik")):
        counterparts = api.get(f"/mission/{mission}").json()["military_counterparts"]
        assert [c["id"] for c in counterparts] == [other]
        evidence = counterparts[0]["evidence"]
        # Each record's own statement, with its locator: UNMiK's at line 271, KFOR's at line 277.
        assert {(e["stated_by"], e["line"]) for e in evidence} == {("unmik", 271), ("kfor", 277)}
        assert all(e["source"] == "thesis" and e["quote"] for e in evidence)


def test_posts_on_a_mission_page_are_named_by_their_title(api: httpx.Client) -> None:
    posts = {p["id"]: p["name"] for p in api.get("/mission/unmik").json()["posts"]}
    assert posts["unmik-srsg"] == "Special Representative of the Secretary-General (SRSG)"
    assert all(posts.values()), [i for i, name in posts.items() if not name]


def test_a_missions_claim_count_is_the_total_of_claims_filtered_by_it(api: httpx.Client) -> None:
    for mission in ("unmik", "monuc", "monusco", "kfor", "eulex"):
        count = api.get(f"/mission/{mission}").json()["claims"]
        listed = api.get("/claims", params={"mission": mission, "limit": 1}).json()["total"]
        assert count == listed, mission
    assert api.get("/mission/unmik").json()["claims"] > 0


def test_mandate_evolution_names_the_missions_of_each_resolution(api: httpx.Client) -> None:
    steps = {s["mandate"]: s for s in api.get("/missions/monuc/mandate-evolution").json()["mandates"]}
    assert steps["monuc-1279"]["resolution"]["missions"] == ["monuc"]
    assert "monusco" in steps["monusco-1925"]["resolution"]["missions"]
    assert all(s["resolution"]["missions"] for s in steps.values() if s["resolution"])


def test_the_thesis_never_reports_a_task_removed_that_no_mandate_says_ended(api: httpx.Client) -> None:
    # SCR 1291 expands MONUC's mandate: the tasks of SCR 1279 it does not restate stay in force.
    steps = {s["mandate"]: s for s in api.get("/missions/monuc/mandate-evolution").json()["mandates"]}
    assert all(s["tasks_removed"] in ([], None) for s in steps.values())
    assert {"human-rights", "child-protection"} <= set(steps["monuc-1291"]["tasks_not_restated"])


def test_figures_are_typed_and_named_with_unit_and_currency(api: httpx.Client) -> None:
    figures = [
        f for m in ("unmik", "kfor", "monuc", "monusco", "unitaf") for f in api.get(f"/mission/{m}").json()["figures"]
    ]
    assert figures
    assert not [f["id"] for f in figures if f["measure"] == "other"]
    for figure in figures:
        measure = registry.FIGURE_MEASURES[figure["measure"]]
        assert (figure["unit"], figure["currency"]) == (measure.unit, measure.currency), figure["id"]
        if measure.unit in {"persons", "states", "offices", "bases"}:
            assert isinstance(figure["value"], int), figure["id"]
    staff = {f["value"] for f in figures if f["measure"] == "staff"}
    assert {5000, 500} <= staff  # Kosovo interview 5, lines 6060-6061: counts, not 5000.0
    budgets = [f for f in figures if f["measure"] == "annual-budget-usd"]
    assert budgets
    assert all((f["unit"], f["currency"]) == ("money", "USD") for f in budgets)
    raw = api.get("/mission/unmik").text
    assert '"value":5000,' in raw
    assert "5000.0" not in raw


def test_a_relation_resting_on_literature_only_says_so(api: httpx.Client) -> None:
    relations = api.get("/claim/l-4-2-4").json()["relations"]
    assert relations
    for relation in relations:
        assert relation["weight"] == 0
        assert relation["literature"]
        assert relation["basis"] == "literature"
    steps = api.get("/dependencies", params={"actor": "unmik"}).json()["direct"]
    assert {s["basis"] for s in steps} <= {"interviews", "literature", "interviews and literature"}
    assert all(s["weight"] > 0 or s["basis"] == "literature" for s in steps)
