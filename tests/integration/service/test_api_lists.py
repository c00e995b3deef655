"""/units, /posts, /figures, /sources, /statements, /tasks over real HTTP on the seeded graph: pages with
totals, filters checked against the data files, CSV and HTML, and each item at its IRI."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
import yaml

from schema.paths import PROJECT_ROOT

LISTS = ["/units", "/posts", "/figures", "/sources", "/statements", "/tasks"]


def _records(kind: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = yaml.safe_load((PROJECT_ROOT / "data" / f"{kind}.yaml").read_text("utf-8"))
    return records


def _all(api: httpx.Client, path: str, **params: str | int | bool) -> list[dict[str, Any]]:
    page = api.get(path, params={**params, "limit": 500}).json()
    assert page["total"] == len(page["items"]), page
    return list(page["items"])


@pytest.mark.parametrize("path", LISTS)
def test_every_list_pages_with_a_total(api: httpx.Client, path: str) -> None:
    first = api.get(path, params={"limit": 3}).json()
    second = api.get(path, params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] > 6
    assert len(first["items"]) == len(second["items"]) == 3
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


@pytest.mark.parametrize("path", LISTS)
def test_a_page_past_the_end_is_empty_with_its_total(api: httpx.Client, path: str) -> None:
    total = api.get(path, params={"limit": 1}).json()["total"]
    past = api.get(path, params={"limit": 5, "offset": 999_999})
    assert past.status_code == 200, past.text
    assert past.json()["total"] == total
    assert past.json()["items"] == []


@pytest.mark.parametrize("path", LISTS)
def test_every_list_answers_csv_and_html_and_links_to_iris(api: httpx.Client, path: str) -> None:
    page = api.get(path, params={"limit": 5}).json()
    rows = list(csv.DictReader(io.StringIO(api.get(path, params={"limit": 5, "format": "csv"}).text)))
    assert [r["id"] for r in rows] == [i["id"] for i in page["items"]]
    html = api.get(path, params={"limit": 5}, headers={"Accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html")
    segment = path.strip("/")[:-1]
    for item in page["items"]:
        assert f'href="/{segment}/{item["id"]}"' in html.text
    assert api.get(f"/{segment}/{page['items'][0]['id']}").status_code == 200


def test_units_say_who_leads_them_and_when(api: httpx.Client) -> None:
    units = {u["id"]: u for u in _all(api, "/units")}
    records = _records("units")
    assert set(units) == {r["id"] for r in records}
    for record in records:
        unit = units[record["id"]]
        assert [o["id"] for o in unit["led_by"]] == ([record["led_by"]] if record.get("led_by") else [])
        assert unit["valid_from"] == record.get("valid_from")
        assert unit["mission"] == record["mission"]
    led = [u for u in units.values() if u["led_by"]]
    assert led
    assert all(o["quote"] and o["line"] for u in led for o in u["led_by"] if o["source"] == "thesis")
    heads = {p["unit"]: p["id"] for p in _records("posts") if p.get("unit")}
    assert all(heads[u["id"]] in [h["id"] for h in u["heads"]] for u in units.values() if u["id"] in heads)


def test_units_filter_by_mission_and_leader(api: httpx.Client) -> None:
    by_unhcr = _all(api, "/units", led_by="unhcr")
    assert by_unhcr
    assert all("unhcr" in [o["id"] for o in u["led_by"]] for u in by_unhcr)
    unmik = _all(api, "/units", mission="unmik")
    assert {u["id"] for u in unmik} == {r["id"] for r in _records("units") if r["mission"] == "unmik"}
    assert api.get("/units", params={"led_by": "nobody"}).status_code == 422


def test_posts_with_their_units(api: httpx.Client) -> None:
    posts = {p["id"]: p for p in _all(api, "/posts")}
    for record in _records("posts"):
        post = posts[record["id"]]
        assert post["title"] == record["title"]
        assert post["mission"] == record["mission"]
        assert post["heads"] == record.get("unit")
        assert set(record.get("also", [])) <= set(post["held_with"])
    assert {p["id"] for p in _all(api, "/posts", mission="unmik")} == {
        r["id"] for r in _records("posts") if r["mission"] == "unmik"
    }


def test_figures_filter_by_mission_measure_and_year(api: httpx.Client) -> None:
    every = _all(api, "/figures")
    monuc_troops = _all(api, "/figures", mission="monuc", measure="troop-ceiling")
    assert monuc_troops
    assert monuc_troops == [f for f in every if f["mission"] == "monuc" and f["measure"] == "troop-ceiling"]
    assert {5537, 5900, 17030, 19815} <= {f["value"] for f in monuc_troops}
    year = int(monuc_troops[0]["refers_to"][:4])
    assert _all(api, "/figures", mission="monuc", year=year) == [
        f for f in every if f["mission"] == "monuc" and (f["refers_to"] or "").startswith(str(year))
    ]
    assert all(f["owner_type"] in {"Mission", "Mandate"} for f in every)
    # A measure the registry does not name is a typo, not an empty list.
    refused = api.get("/figures", params={"measure": "troop-ceilings"})
    assert refused.status_code == 422
    assert "measure" in refused.text


def test_sources_are_the_bibliography(api: httpx.Client) -> None:
    sources = {s["id"]: s for s in _all(api, "/sources")}
    records = _records("sources")
    assert set(sources) == {r["id"] for r in records}
    for record in records:
        source = sources[record["id"]]
        assert (source["kind"], source["author"], source["year"], source["title"]) == (
            record["kind"],
            record.get("author"),
            record.get("year"),
            record.get("title"),
        )
    datasets = _all(api, "/sources", kind="dataset")
    assert {s["id"] for s in datasets} == {r["id"] for r in records if r["kind"] == "dataset"}
    cited = [s for s in sources.values() if s["claims"]]
    assert cited
    author = next(r["author"] for r in records if r.get("author") and r["kind"] != "dataset")
    assert any(s["author"] == author for s in _all(api, "/sources", author=author.split()[0]))


def test_statements_with_preferred_flag_and_reason(api: httpx.Client) -> None:
    monuc = _all(api, "/statements", of="monuc")
    detail = api.get("/mission/monuc").json()["statements"]
    assert sorted(s["id"] for s in monuc) == sorted(s["id"] for s in detail)
    starts = [s for s in monuc if s["field"] == "start"]
    assert sum(s["preferred"] for s in starts) == 1
    assert all(s["values"] == len(starts) for s in starts)
    assert all(s["of"] == "monuc" and s["of_type"] == "Mission" for s in monuc)
    disputed = api.get("/statements", params={"disputed": True, "preferred": True, "limit": 100}).json()
    assert disputed["total"] > 0
    assert all(s["values"] > 1 and s["preferred"] and s["reason"] for s in disputed["items"])


def test_tasks_by_scheme_and_mission(api: httpx.Client) -> None:
    project = _all(api, "/tasks", scheme="project")
    assert {r["id"] for r in _records("tasks")} <= {t["id"] for t in project}
    assert all(t["scheme"] is None for t in project)
    pema = api.get("/tasks", params={"scheme": "pema", "limit": 1}).json()
    assert pema["total"] > 10
    assert pema["items"][0]["scheme"] == "pema"
    unmik = _all(api, "/tasks", mission="unmik")
    assert unmik
    assert all(t["mandates"] >= 1 for t in unmik)
    assert api.get("/tasks", params={"scheme": "other"}).status_code == 422
