"""The explorer's pure read models: facet links, the timeline's dates and markers, edge basis, hit links."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from service import models
from service.read_models import facets, mission_timeline, network, search_page


def _query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_a_facet_value_adds_itself_and_a_chosen_one_removes_itself() -> None:
    chosen = {"code": "rq1", "q": "budget and staff", "offset": 50}
    group = facets.facet(
        "/explore/claims", chosen, "chapter", "Chapter", [{"value": "5", "label": "Chapter 5", "count": 3}]
    )
    (value,) = group["values"]
    assert not value["chosen"]
    assert _query(value["href"]) == {"code": ["rq1"], "q": ["budget and staff"], "offset": ["50"], "chapter": ["5"]}
    code = facets.facet("/explore/claims", chosen, "code", "Code", [{"value": "rq1", "label": "RQ1", "count": 9}])
    assert code["values"][0]["chosen"]
    assert "code" not in _query(code["values"][0]["href"])
    assert facets.facet_href("/explore/claims", {"code": "rq1"}, "code", None) == "/explore/claims"


def test_dates_become_fractional_years_and_non_dates_none() -> None:
    assert mission_timeline.year_fraction("1999") == 1999.0
    assert mission_timeline.year_fraction("2000-07-02") == round(2000 + 183 / 365.25, 4)
    assert (mission_timeline.year_fraction("1999-06") or 0) < (mission_timeline.year_fraction("1999-07") or 0)
    assert mission_timeline.year_fraction("unknown") is None


def _resolution(number: int, date: str | None, acts: list[str]) -> models.ResolutionSummary:
    return models.ResolutionSummary(id=f"s-res-{number}", number=number, year=1999, date=date, acts=acts)


def _step(mandate: str, resolution: models.ResolutionSummary, ceiling: float) -> models.MandateStep:
    return models.MandateStep(
        mandate=mandate,
        mission=models.Ref(id="m"),
        resolution=resolution,
        ceilings=[models.CeilingChange(measure="troop-ceiling", value=ceiling, source="thesis")],
        tasks=None,
        tasks_added=["a"],
        tasks_removed=[],
        source=models.Provenance(source="thesis"),
    )


def test_one_marker_per_resolution_with_each_act_once_and_ceilings_at_its_date() -> None:
    evolution = models.MandateEvolution(
        mission=models.Ref(id="m"),
        missions=[models.Ref(id="m")],
        mandates=[
            _step("m-1", _resolution(1, None, ["ESTABLISHES m"]), 100),
            _step("m-2", _resolution(2, "2001-03-01", ["EXTENDS m", "extends m"]), 200),
        ],
    )
    answer = mission_timeline.timeline(evolution)
    assert [(m["resolution"], m["acts"]) for m in answer["markers"]] == [(2, ["extends m"]), (1, ["establishes m"])]
    (series,) = answer["series"]
    assert [(p["date"], p["y"]) for p in series["points"]] == [("1999", 100), ("2001-03-01", 200)]  # no date: its year
    assert [s["mandate"] for s in answer["steps"]] == ["m-1", "m-2"]


def test_an_edge_names_the_basis_of_its_evidence() -> None:
    assert network.basis(["drc-1"], []) == "interviews"
    assert network.basis([], ["lit-a"]) == "literature"
    assert network.basis(["drc-1"], ["lit-a"]) == "interviews and literature"


def test_a_hit_links_to_its_page_or_else_its_iri() -> None:
    assert search_page.hit_href("Mission", "unmik") == "/explore/mission/unmik"
    assert search_page.hit_href("Resolution", "s-res-1244-1999") == "/explore/resolution/1244"
    assert search_page.hit_href("Territory", "cod") == "/territory/cod"
    assert search_page.hit_href("NoSuchLabel", "x") is None
    answer = models.SearchPage(
        q="budget",
        type="Claim",
        facets={"Mission": 1, "Claim": 1},
        items=[
            models.SearchHit(
                id="c-1",
                type="Claim",
                label="...",
                score=1.0,
                snippet="a budget cut",
                highlights=[models.Highlight(start=2, end=8)],
            )
        ],
        total=1,
        limit=20,
        offset=0,
    )
    found = search_page.search_results(answer)
    assert [h["id"] for h in found["hits"]] == ["c-1"]
    assert found["hits"][0]["marked"] == [("a ", False), ("budget", True), (" cut", False)]
    assert found["facets"] == [{"value": "Claim", "count": 1}, {"value": "Mission", "count": 1}]
