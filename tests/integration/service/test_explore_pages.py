"""The pages for people (`/`, `/explore/...`) over real HTTP on the seeded graph.

Each page answers HTML to a browser and its data as JSON; the data agrees with the API routes it
is built from, which the tests ask for rather than hard-coding what the thesis says.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}  # what Chromium sends


def page(api: httpx.Client, path: str, **params: str | int) -> httpx.Response:
    response = api.get(path, params=params, headers=HTML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response


def data(api: httpx.Client, path: str, **params: str | int) -> dict[str, Any]:
    response = api.get(path, params={**params, "format": "json"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    return body


def test_home_is_html_for_a_browser_and_json_for_an_app(api: httpx.Client) -> None:
    html = page(api, "/").text
    for way_in in (
        'action="/explore/search"',
        'href="/docs"',
        'href="/guide"',
        'href="/sparql"',
        'href="/.well-known/void"',
        'href="/rdf?format=ttl"',
        'href="/explore/network"',
    ):
        assert way_in in html
    as_json = api.get("/", headers={"Accept": "application/json"})
    assert as_json.headers["content-type"].startswith("application/json")
    body = as_json.json()
    missions = api.get("/missions", params={"limit": 500}).json()
    assert {m["id"] for m in body["missions"]} == {m["id"] for m in missions["items"]}
    counts = {row["label"]: row["nodes"] for row in body["kinds"]}
    assert counts["Mission"] == missions["total"]
    assert counts["Claim"] == api.get("/claims", params={"limit": 1}).json()["total"]
    ready = api.get("/ready").json()
    assert [(d["id"], d["version"]) for d in body["datasets"]] == [(d["id"], d["version"]) for d in ready["datasets"]]
    assert "/explore/mission/unmik" in html


def test_mission_page_has_its_timeline_relations_claims_and_sources(api: httpx.Client) -> None:
    html = page(api, "/explore/mission/monuc").text
    assert '<canvas id="mandate-chart"' in html
    assert "/static/vendor/chartjs-4.5.1/chart.umd.min.js" in html
    assert 'href="/mission/monuc?format=html"' in html  # the linked-data view of the same IRI
    body = data(api, "/explore/mission/monuc")
    evolution = api.get("/missions/monuc/mandate-evolution").json()
    thesis = {m["resolution"]["number"] for m in evolution["mandates"] if m["resolution"]}
    public = {n for s in evolution["sources"] for m in s["mandates"] for n in m["resolutions"]}
    assert {m["resolution"] for m in body["timeline"]["markers"]} == thesis | public
    ceilings = {(c["measure"], c["value"]) for m in evolution["mandates"] for c in m["ceilings"]}
    drawn = {
        (s["label"].split(": ", 1)[1].split(" (")[0], p["y"])
        for s in body["timeline"]["series"]
        if s["kind"] == "ceiling"
        for p in s["points"]
    }
    assert drawn == ceilings
    assert ceilings
    claims = api.get("/claims", params={"mission": "monuc", "limit": 1}).json()
    assert body["claims"]["total"] == claims["total"]
    dependencies = api.get("/dependencies", params={"actor": "monuc", "direction": "out", "depth": 1}).json()
    out = [r for r in body["relations"] if r["type"] == "DEPENDS_ON" and r["from"] == "monuc"]
    depends = {(r["other"]["id"], r["on"]) for r in out}
    assert depends == {(step["to"], step["on"]) for step in dependencies["direct"]}
    for relation in body["relations"]:
        assert relation["claims"], relation  # every relation shows the claims behind it
    assert {"text/csv", "text/turtle"} <= {d["media_type"] for d in body["downloads"]}


def test_mission_page_draws_its_contributors_as_the_api_counts_them(api: httpx.Client) -> None:
    html = page(api, "/explore/mission/monusco").text
    assert '<canvas id="contributors-chart"' in html
    assert "/static/explore/charts.js" in html
    over_time = data(api, "/explore/mission/monusco")["contributors_over_time"]
    official, estimates = over_time["official"], over_time["estimates"]
    assert official, "IPI counts MONUSCO's contributors"
    assert estimates, "Geo-PKO estimates MONUSCO's contributors"
    # Each state's line is its contributions to MONUSCO as the API gives them, each basis apart.
    for series in official + estimates:
        answer = api.get(f"/organisations/{series['state']}/contributions").json()
        basis = answer["official"] if series["kind"] == "official" else answer["estimates"]
        expected = [(r["period"], r["count"]) for r in basis if r["mission"]["id"] == "monusco"]
        assert [(p["date"], p["y"]) for p in series["points"]] == expected, series["label"]
        assert series["total"] == sum(count for _, count in expected)
    for kind in (official, estimates):  # the largest first
        assert [s["total"] for s in kind] == sorted((s["total"] for s in kind), reverse=True)
    # The total line: every state the API lists in a month, summed (the official basis alone).
    months = [point["date"] for point in over_time["total"]]
    for point in (over_time["total"][0], over_time["total"][len(months) // 2], over_time["total"][-1]):
        month = api.get("/missions/monusco/contributors", params={"at": point["date"]}).json()
        assert point["y"] == sum(row["count"] for row in month["official"])
        drawn = {s["state"]: p["y"] for s in official for p in s["points"] if p["date"] == point["date"]}
        assert drawn == {row["state"]["id"]: row["count"] for row in month["official"] if row["state"]["id"] in drawn}
    # The table beside the chart holds the same numbers; the sources are those of the API rows.
    table = over_time["official_table"]
    assert [row["period"] for row in table["rows"]] == sorted({p["date"] for s in official for p in s["points"]})
    used = {(u["source"], u["basis"]) for u in over_time["sources"]["official"] + over_time["sources"]["estimate"]}
    assert used == {("ipi-peacekeeping", "official monthly count"), ("geo-pko", "map estimate")}
    assert "ipi-peacekeeping" in html
    assert "geo-pko" in html
    latest = months[-1]
    assert f"/missions/monusco/contributors?at={latest}&amp;format=csv" in html


def test_the_linked_data_view_links_the_page_for_readers(api: httpx.Client) -> None:
    html = page(api, "/mission/unmik").text
    assert 'href="/explore/mission/unmik"' in html


@pytest.mark.parametrize(
    ("path", "iri", "text"),
    [
        ("/explore/organisation/unsc", "/organisation/unsc", "UN Security Council"),
        ("/explore/resolution/1244", "/resolution/1244", "1244"),
        ("/explore/interview/drc-14", "/interview/drc-14", "Claims citing it"),
        ("/explore/claim/c-5-3-3", "/claim/c-5-3-3", "limited budget"),
        ("/explore/code/power-dependency", "/code/power-dependency", "Power dependency"),
        ("/explore/source/thesis", "/source/thesis", "Destined to Fail?"),
        ("/explore/mandate/monuc-1291", "/mandate/monuc-1291", "S/RES/1291"),
        ("/explore/mandate/pema-monuc-1291", "/mandate/pema-monuc-1291", "S/RES/1291"),
    ],
)
def test_entity_pages_name_the_resource_and_link_its_iri(api: httpx.Client, path: str, iri: str, text: str) -> None:
    html = page(api, path).text
    assert text in html
    assert f'href="{iri}?format=html"' in html
    assert f'href="{iri}?format=ttl"' in html


def test_the_claims_on_a_page_are_those_the_api_lists(api: httpx.Client) -> None:
    interview = data(api, "/explore/interview/drc-14")
    listed = api.get("/claims", params={"interview": "drc-14", "limit": 500}).json()
    assert {c["id"] for c in interview["detail"]["claims_citing"]} == {c["id"] for c in listed["items"]}
    code = data(api, "/explore/code/power-dependency")
    coded = api.get("/claims", params={"code": "power-dependency", "limit": 1}).json()
    assert code["claims"]["total"] == coded["total"]
    source = data(api, "/explore/source/lit-autesserre-2010")
    cited = {c["id"] for c in source["claims"]}
    assert cited
    for claim in cited:
        assert {"id": "lit-autesserre-2010"} in [
            {"id": ref["id"]} for ref in api.get(f"/claim/{claim}").json()["cites"]
        ]


def test_unknown_resources_are_404_and_bad_parameters_422(api: httpx.Client) -> None:
    for path in (
        "/explore/mission/no-such-mission",
        "/explore/code/no-such-code",
        "/explore/actor/nobody",
        "/explore/mandate/no-such-mandate",
    ):
        assert api.get(path, headers=HTML).status_code == 404
    assert api.get("/explore/claims", params={"chapter": 9}).status_code == 422
    assert api.get("/explore/network", params={"metric": "fame"}).status_code == 422


def test_a_mandate_page_is_its_step_of_the_mandate_evolution(api: httpx.Client) -> None:
    evolution = api.get("/missions/monuc/mandate-evolution").json()
    steps = [s["mandate"] for s in evolution["mandates"]]
    at = steps.index("monuc-1291")
    body = data(api, "/explore/mandate/monuc-1291")
    step = evolution["mandates"][at]
    assert body["thesis"] == step
    assert body["chain"] == {"previous": steps[at - 1], "next": steps[at + 1]}
    # In force: the last ceiling of each measure up to this mandate, along the chain.
    last: dict[str, Any] = {}
    for earlier in evolution["mandates"][: at + 1]:
        last.update({c["measure"]: (c["value"], earlier["mandate"]) for c in earlier["ceilings"]})
    assert last
    assert {c["measure"]: (c["value"], c["set_by"]) for c in body["ceilings_in_force"]} == last
    # The public sources' mandates of the same resolution, each with its tasks' cells.
    public = {m["mandate"]: m for s in evolution["sources"] for m in s["mandates"] if 1291 in m["resolutions"]}
    others = {o["mandate"]: o for o in body["corresponding"]["sources"]}
    assert set(others) == {m for m in public if public[m]["mission"]["id"] == "monuc"}
    assert others
    for mandate, other in others.items():
        assert other["tasks"] == public[mandate]["tasks"]
        assert all(t["file"] and t["row"] for t in other["tasks"])
    html = page(api, "/explore/mandate/monuc-1291").text
    for link in ("/explore/mission/monuc", "/explore/resolution/1291", *(f"/explore/mandate/{m}" for m in others)):
        assert f'href="{link}"' in html
    # A public source's mandate: its own step, and the thesis's mandate it corresponds to.
    coded = data(api, f"/explore/mandate/{next(iter(others))}")
    assert coded["coded"]["tasks"] == others[next(iter(others))]["tasks"]
    assert coded["corresponding"]["thesis"] == ["monuc-1291"]
    # The resolution's page links its mandates' pages.
    assert 'href="/explore/mandate/monuc-1291"' in page(api, "/explore/resolution/1291").text


def test_a_state_page_shows_its_seats_and_the_personnel_it_sent(api: httpx.Client) -> None:
    body = data(api, "/explore/organisation/pak")
    state = body["state"]
    contributions = api.get("/organisations/pak/contributions").json()
    official = {r["mission"]["id"] for r in contributions["official"]}
    assert {c["mission"]["id"] for c in state["official"]} == official
    for row in state["official"]:
        months = {
            r["period"]: r["count"] for r in contributions["official"] if r["mission"]["id"] == row["mission"]["id"]
        }
        assert (row["first"], row["last"], row["months"]) == (min(months), max(months), len(months))
    assert {c["mission"]["id"] for c in state["estimates"]} == {r["mission"]["id"] for r in contributions["estimates"]}
    # Its Council seats: the years whose council, as a resolution of that year shows it, holds the state.
    checked = 0
    for seat in state["seats"]:
        listed = api.get("/resolutions", params={"year": seat["year"], "limit": 1}).json()["items"]
        if listed:
            council = api.get(f"/resolution/{listed[0]['number']}").json()["council"]
            assert "pak" in {c["id"] for c in council}, seat
            checked += 1
    assert checked  # at least one seat year has a resolution in the graph
    assert data(api, "/explore/organisation/unsc")["state"] is None  # an organisation that is no state


def test_an_actor_link_goes_to_the_page_of_its_kind(api: httpx.Client) -> None:
    mission = api.get("/explore/actor/unmik", follow_redirects=False)
    assert mission.status_code == 307
    assert mission.headers["location"] == "/explore/mission/unmik"
    organisation = api.get("/explore/actor/unsc", follow_redirects=False)
    assert organisation.headers["location"] == "/explore/organisation/unsc"


def test_network_sizes_nodes_by_the_centrality_the_api_ranks(api: httpx.Client) -> None:
    html = page(api, "/explore/network").text
    assert 'id="network-graph"' in html
    assert "/static/vendor/cytoscape-3.33.1/cytoscape.min.js" in html
    body = data(api, "/explore/network", metric="degree")
    ranking = api.get("/centrality", params={"metric": "degree", "limit": 1000}).json()
    assert {n["id"]: n["score"] for n in body["nodes"]} == {r["id"]: round(r["score"], 6) for r in ranking["ranking"]}
    assert len(body["edges"]) >= ranking["graph"]["edges"]  # parallel relations merged there, apart here
    assert {"DEPENDS_ON", "COORDINATES_WITH"} <= set(body["relation_types"])
    for edge in body["edges"]:
        assert edge["evidence"]
        assert edge["basis"] in body["bases"]
    about = data(api, "/explore/network", mission="unmik")
    assert 0 < len(about["edges"]) < len(body["edges"])


def test_claims_browser_facets_count_the_filtered_claims(api: httpx.Client) -> None:
    body = data(api, "/explore/claims", code="power-dependency")
    api_total = api.get("/claims", params={"code": "power-dependency", "limit": 1}).json()["total"]
    assert body["total"] == api_total
    facets = {f["name"]: f for f in body["facets"]}
    assert set(facets) == {"code", "research_question", "interview", "chapter", "actor"}
    chosen = [v for v in facets["code"]["values"] if v["chosen"]]
    assert [(v["value"], v["count"]) for v in chosen] == [("power-dependency", api_total)]
    assert sum(v["count"] for v in facets["chapter"]["values"]) == api_total  # one chapter per claim
    chapter = facets["chapter"]["values"][0]
    narrowed = data(api, "/explore/claims", code="power-dependency", chapter=chapter["value"])
    assert narrowed["total"] == chapter["count"]
    rq = facets["research_question"]["values"][0]
    by_rq = data(api, "/explore/claims", research_question=rq["value"], code="power-dependency")
    assert by_rq["total"] == rq["count"]
    html = page(api, "/explore/claims", code="power-dependency").text
    assert f"{api_total} claims" in html


def test_search_page_links_each_hit_to_its_page(api: httpx.Client) -> None:
    body = data(api, "/explore/search", q="UNMIK")
    answer = api.get("/search", params={"q": "UNMIK", "limit": 100}).json()
    hits = answer["items"]
    assert [h["id"] for h in body["hits"]] == [h["id"] for h in hits]
    assert [h["snippet"] for h in body["hits"]] == [h["snippet"] for h in hits]
    assert any(h["href"] == "/explore/mission/unmik" for h in body["hits"])
    claims = data(api, "/explore/search", q="UNMIK", type="Claim")
    assert claims["hits"]
    assert all(h["type"] == "Claim" for h in claims["hits"])
    assert sum(f["count"] for f in body["facets"][0]["values"]) == answer["total"] == body["total"]
    assert "UNMIK" in page(api, "/explore/search", q="UNMIK").text


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/explore/mission/monuc",
        "/explore/organisation/unsc",
        "/explore/organisation/pak",
        "/explore/mandate/monuc-1291",
        "/explore/code/rq1",
        "/explore/network",
        "/explore/claims?code=power-dependency",
        "/explore/search?q=budget",
        "/explore/finding/f-7-2-4",
        "/explore/findings?research_question=rq1",
    ],
)
def test_every_download_a_page_offers_answers(api: httpx.Client, path: str) -> None:
    downloads = api.get(path, headers={"Accept": "application/json"}).json()["downloads"]
    assert downloads
    for download in downloads:
        if download["href"].startswith(("/rdf", "/.well-known/void")):
            continue  # the whole dataset's dump and description: tested in service/rdf/
        response = api.get(download["href"], headers={"Accept": download["media_type"]})
        assert response.status_code == 200, download
        assert response.headers["content-type"].split(";")[0] == download["media_type"].split(";")[0], download
