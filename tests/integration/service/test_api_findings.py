"""/findings and /finding/{id} over real HTTP on the seeded graph: every finding of data/findings.yaml
served with its links, its quote inside its own lines of the thesis, filters checked against the data
file, unknown filter values a 422, CSV, HTML, RDF, search and /coverage."""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

import httpx
import pytest
import yaml

from ingest.thesis_text import ThesisText, fold
from schema.paths import PROJECT_ROOT


def _records(kind: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = yaml.safe_load((PROJECT_ROOT / "data" / f"{kind}.yaml").read_text("utf-8"))
    return records


FINDINGS = {f["id"]: f for f in _records("findings")}


def _all(api: httpx.Client, **params: str | int) -> list[dict[str, Any]]:
    response = api.get("/findings", params={**params, "limit": 500})
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == len(page["items"]), page
    return list(page["items"])


def _ids(api: httpx.Client, **params: str | int) -> set[str]:
    return {f["id"] for f in _all(api, **params)}


def _narrower_or_self(code: str) -> set[str]:
    """`code` and every code below it (BROADER*0..), from data/codes.yaml."""
    broader = {c["id"]: c.get("broader") for c in _records("codes")}
    found = {code}
    while True:
        more = {c for c, b in broader.items() if b in found} - found
        if not more:
            return found
        found |= more


@pytest.fixture(scope="module")
def served(api: httpx.Client) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in _all(api)}


def test_every_finding_is_listed_with_its_locator_and_links(served: dict[str, dict[str, Any]]) -> None:
    assert set(served) == set(FINDINGS)
    assert len(served) >= 40
    for fid, record in FINDINGS.items():
        item = served[fid]
        assert (item["chapter"], item["section"], item["line"], item["last_line"]) == (
            record["chapter"],
            record["locator"]["section"],
            record["locator"]["line"],
            record["last_line"],
        ), fid
        assert item["text"] == record["text"], fid
        assert item["quote"] == record["quote"], fid
        for field in ("research_questions", "codes", "actors", "rests_on"):
            assert sorted(item[field]) == sorted(record.get(field, [])), (fid, field)
    chapters = Counter(f["chapter"] for f in served.values())
    print("\nfindings per chapter:", dict(sorted(chapters.items())))
    assert set(chapters) == set(range(1, 8))


def test_each_quote_stands_in_the_lines_its_locator_names(served: dict[str, dict[str, Any]]) -> None:
    thesis = ThesisText.read()
    for fid, item in served.items():
        passage = fold(" ".join(thesis.lines[item["line"] - 1 : item["last_line"]]))
        assert item["quote"], fid
        assert fold(item["quote"]) in passage, (fid, item["line"], item["last_line"])


def test_each_finding_at_its_iri_resolves_its_links(api: httpx.Client, served: dict[str, dict[str, Any]]) -> None:
    questions = {c["id"] for c in _records("codes") if c["kind"] == "research-question"}
    claims = {c["id"]: c for c in _records("claims")}
    for fid, item in served.items():
        response = api.get(f"/finding/{fid}")
        assert response.status_code == 200, response.text
        detail = response.json()
        assert detail["@id"].endswith(f"/finding/{fid}")
        assert {r["id"] for r in detail["research_questions"]} == set(item["research_questions"]) <= questions
        assert all(r["name"] for r in detail["research_questions"] + detail["codes"] + detail["actors"]), fid
        assert {r["id"] for r in detail["codes"]} == set(item["codes"])
        assert {r["id"] for r in detail["actors"]} == set(item["actors"])
        assert [c["id"] for c in detail["claims"]] == sorted(
            item["rests_on"], key=lambda c: (claims[c]["chapter"], claims[c]["locator"]["line"], c)
        )
        for claim in detail["claims"]:
            assert claim["text"] == claims[claim["id"]]["text"]
            assert {i["id"] for i in claim["interviews"]} == set(claims[claim["id"]]["interviews"])
            assert all(i["role"] for i in claim["interviews"])
        assert bool(item["rests_on"]) == bool(detail["basis"]), fid
    assert sum(len(f["rests_on"]) for f in served.values()) > 100
    moved = api.get(f"/findings/{next(iter(served))}", follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"].startswith("/finding/")


def test_filters_match_the_data_file(api: httpx.Client) -> None:
    for chapter in (5, 7):
        assert _ids(api, chapter=chapter) == {f for f, r in FINDINGS.items() if r["chapter"] == chapter}
    for question in ("rq1", "rq3", "rq-central"):
        wanted = _narrower_or_self(question)
        expected = {f for f, r in FINDINGS.items() if wanted & set(r.get("research_questions", []))}
        assert expected, question
        assert _ids(api, research_question=question) == expected, question
    for code in ("resource-dependency", "organisational-learning", "budget-process"):
        wanted = _narrower_or_self(code)
        expected = {f for f, r in FINDINGS.items() if wanted & set(r.get("codes", []))}
        assert expected, code
        assert _ids(api, code=code) == expected, code
    for actor in ("unsc", "osce"):
        expected = {f for f, r in FINDINGS.items() if actor in r.get("actors", [])}
        assert expected, actor
        assert _ids(api, actor=actor) == expected, actor
    both = _ids(api, chapter=7, actor="unsc")
    assert both == _ids(api, chapter=7) & _ids(api, actor="unsc")
    assert _ids(api, q='"double-loop"') >= {"f-7-4-1", "f-6-6-6"}


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"research_question": "rq9"}, "rq9"),
        ({"code": "nonexistent"}, "nonexistent"),
        ({"actor": "nobody"}, "nobody"),
        ({"chapter": 8}, "chapter"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_unknown_filter_values_are_a_422_naming_them(
    api: httpx.Client, params: dict[str, str | int], named: str
) -> None:
    response = api.get("/findings", params=params)
    assert response.status_code == 422, response.text
    assert named in response.text


def test_findings_answer_csv_html_and_rdf(api: httpx.Client, served: dict[str, dict[str, Any]]) -> None:
    page = api.get("/findings", params={"limit": 5}).json()
    rows = list(csv.DictReader(io.StringIO(api.get("/findings", params={"limit": 5, "format": "csv"}).text)))
    assert [r["id"] for r in rows] == [i["id"] for i in page["items"]]
    html = api.get("/findings", params={"limit": 5}, headers={"Accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html")
    assert all(f'href="/finding/{i["id"]}"' in html.text for i in page["items"])
    fid = next(f for f, item in served.items() if item["rests_on"] and item["actors"])
    turtle = api.get(f"/finding/{fid}", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200
    assert turtle.headers["content-type"].startswith("text/turtle")
    for claim in served[fid]["rests_on"][:3]:
        assert f"claim/{claim}>" in turtle.text
    for term in ("restsOn", "addressesQuestion", "Finding"):
        assert term in turtle.text, term


def test_search_finds_a_finding_by_its_text(api: httpx.Client) -> None:
    response = api.get("/search", params={"q": '"destined to disappoint"', "type": "Finding"})
    assert response.status_code == 200, response.text
    assert "f-7-7-1" in {h["id"] for h in response.json()["items"]}


def test_coverage_counts_the_findings_per_chapter(api: httpx.Client) -> None:
    chapters = {c["chapter"]: c for c in api.get("/coverage").json()["chapters"]}
    counts = Counter(r["chapter"] for r in FINDINGS.values())
    for number, chapter in chapters.items():
        assert chapter["findings"] == counts[number] == chapter["by_kind"].get("Finding", 0), number


def test_framework_concepts_carry_the_literature_they_come_from(api: httpx.Client) -> None:
    thesis = ThesisText.read()
    sources = {s["id"]: s for s in _records("sources")}
    linked = {c["id"]: c["literature"] for c in _records("codes") if c.get("literature")}
    assert {"power-dependency", "resource-dependency", "environmental-constraints", "double-loop-learning"} <= set(
        linked
    )
    served = {c["id"]: c for c in api.get("/codes").json()}
    for code, works in linked.items():
        refs = served[code]["literature"]
        assert {r["id"] for r in refs} == set(works), code
        for ref in refs:
            cited = sources[ref["id"]]["cited_in"]
            assert (ref["author"], ref["year"]) == (sources[ref["id"]]["author"], sources[ref["id"]]["year"])
            assert (ref["section"], ref["line"]) == (cited["locator"]["section"], cited["locator"]["line"])
            surname = ref["author"].split()[-1]
            assert thesis.quote_at(surname, ref["line"]), (code, ref)
            assert api.get(f"/source/{ref['id']}").status_code == 200
    unlinked = [c["id"] for c in served.values() if c["kind"] == "perspective" and not c["literature"]]
    assert unlinked == []
