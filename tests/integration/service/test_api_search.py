"""/search over every text field of every kind: sources by author, phrases only a note holds, labels for
every hit, snippets with the match marked, facets, total and paging, 422 on a malformed query."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import httpx
import yaml

from schema import registry
from schema.paths import PROJECT_ROOT


def _records(kind: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = yaml.safe_load((PROJECT_ROOT / "data" / f"{kind}.yaml").read_text("utf-8"))
    return records


def _search(api: httpx.Client, **params: str | int) -> dict[str, Any]:
    response = api.get("/search", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_every_literature_author_is_found_as_a_source(api: httpx.Client) -> None:
    authors = [s for s in _records("sources") if s.get("author") and s["kind"] not in ("thesis", "dataset")]
    assert len(authors) > 20
    for source in authors[:: max(1, len(authors) // 8)]:
        surname = max(re.findall(r"\w{2,}", source["author"]), key=len)
        page = _search(api, q=surname, type="Source", limit=100)
        assert source["id"] in {h["id"] for h in page["items"]}, source["author"]


def test_a_phrase_only_a_note_holds_is_found(api: httpx.Client) -> None:
    unit = next(u for u in _records("units") if len(u.get("note", "").split()) > 8)
    words = re.findall(r"[A-Za-z]+", unit["note"])[2:6]
    phrase = " ".join(words)
    page = _search(api, q=f'"{phrase}"', limit=100)
    hit = next(h for h in page["items"] if h["id"] == unit["id"])
    assert hit["type"] == "Unit"
    assert hit["field"] == "note"
    marked = [hit["snippet"][h["start"] : h["end"]] for h in hit["highlights"]]
    assert phrase.lower() in [re.sub(r"\W+", " ", m).lower() for m in marked]


def test_every_hit_has_a_label_and_a_marked_snippet(api: httpx.Client) -> None:
    page = _search(api, q="mandate", limit=100)
    assert page["total"] > 100
    for hit in page["items"]:
        assert hit["label"]
        assert hit["snippet"], hit
        assert hit["highlights"]
        for h in hit["highlights"]:
            assert hit["snippet"][h["start"] : h["end"]].lower().startswith("mandate")


def test_a_resolution_is_labelled_by_its_symbol(api: httpx.Client) -> None:
    page = _search(api, q="Kosovo", type="Resolution", limit=100)
    assert page["total"] >= 1
    assert all(re.fullmatch(r"S/RES/\d+ \(\d{4}\)", h["label"]) for h in page["items"])
    assert all(h["href"] == f"/resolution/{h['label'][6:].split()[0]}" for h in page["items"])


def test_facets_count_every_hit_and_type_filters(api: httpx.Client) -> None:
    everything = _search(api, q="pillar", limit=1)
    facets = everything["facets"]
    assert sum(facets.values()) == everything["total"]
    assert len(facets) >= 3
    assert set(facets) <= set(registry.search_labels())
    for kind, count in facets.items():
        only = _search(api, q="pillar", type=kind, limit=100)
        assert only["total"] == count
        assert {h["type"] for h in only["items"]} == {kind}
        assert only["facets"] == facets


def test_paging_is_bounded_and_disjoint(api: httpx.Client) -> None:
    first = _search(api, q="mission", limit=10)
    second = _search(api, q="mission", limit=10, offset=10)
    assert first["total"] == second["total"] > 20
    assert len(first["items"]) == len(second["items"]) == 10
    assert {h["id"] for h in first["items"]}.isdisjoint({h["id"] for h in second["items"]})
    assert api.get("/search", params={"q": "mission", "limit": 101}).status_code == 422


def test_phrase_and_words_differ(api: httpx.Client) -> None:
    phrase = _search(api, q='"Security Council"', limit=1)["total"]
    words = _search(api, q="Security Council", limit=1)["total"]
    assert 0 < phrase < words


def test_a_syntax_error_is_a_short_422(api: httpx.Client) -> None:
    for q in ("AND OR (", '"unclosed', "budget AND"):
        response = api.get("/search", params={"q": q})
        assert response.status_code == 422
        body = response.json()
        assert body["error"] == "bad_input"
        assert body["detail"].startswith("q is not a valid search query")
        assert "Encountered" not in body["detail"]
        assert len(body["detail"]) < 300


def test_search_as_csv_and_html(api: httpx.Client) -> None:
    rows = list(csv.DictReader(io.StringIO(api.get("/search", params={"q": "Autesserre", "format": "csv"}).text)))
    assert rows
    assert {"id", "type", "label", "snippet"} <= set(rows[0])
    html = api.get("/search", params={"q": "Autesserre"}, headers={"Accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "<mark>Autesserre</mark>" in html.text
