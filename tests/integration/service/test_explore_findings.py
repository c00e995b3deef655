"""The findings pages for people (`/explore/findings`, `/explore/finding/{id}`) and the links into them,
checked against the API routes they are built from (`/findings`, `/finding/{id}`) on the seeded graph."""

from __future__ import annotations

from typing import Any

import httpx

from tests.integration.service.test_explore_pages import data, page


def _a_finding_with_claims(api: httpx.Client) -> dict[str, Any]:
    items = api.get("/findings", params={"limit": 500}).json()["items"]
    return next(f for f in items if f["rests_on"] and f["actors"] and f["codes"] and f["research_questions"])


def test_a_finding_page_shows_its_quote_locator_links_and_claims(api: httpx.Client) -> None:
    listed = _a_finding_with_claims(api)
    fid = listed["id"]
    detail = api.get(f"/finding/{fid}", params={"format": "json"}).json()
    body = data(api, f"/explore/finding/{fid}")
    assert body["detail"] == {**detail, "@id": None}  # the page's data is the API model; the IRI is on its links
    html = page(api, f"/explore/finding/{fid}").text
    assert f"section {detail['section']}, lines {detail['line']}-{detail['last_line']}" in html
    assert detail["text"] in html
    for claim in detail["claims"]:
        assert f'href="/explore/claim/{claim["id"]}"' in html
        for interview in claim["interviews"]:
            assert f'href="/explore/interview/{interview["id"]}"' in html
    for code in listed["codes"] + listed["research_questions"]:
        assert f'href="/explore/code/{code}"' in html
    for actor in listed["actors"]:
        assert f'href="/explore/actor/{actor}"' in html
    for suffix in ("?format=html", "?format=ttl", "?format=jsonld", "?format=json"):
        assert f'href="/finding/{fid}{suffix}"' in html
    assert f'href="/findings?chapter={detail["chapter"]}&amp;format=csv&amp;limit=500"' in html
    # The linked-data view of the finding's IRI links back to the page for readers.
    assert f'href="/explore/finding/{fid}"' in page(api, f"/finding/{fid}").text


def test_the_findings_browser_lists_and_filters_as_the_api_does(api: httpx.Client) -> None:
    every = api.get("/findings", params={"limit": 500}).json()
    body = data(api, "/explore/findings")
    assert body["total"] == every["total"]
    assert [f["id"] for f in body["items"]] == [f["id"] for f in every["items"][: len(body["items"])]]
    facets = {g["name"]: g for g in body["facets"]}
    assert set(facets) == {"chapter", "research_question", "code", "actor"}
    assert sum(v["count"] for v in facets["chapter"]["values"]) == every["total"]
    for name in ("chapter", "research_question", "code", "actor"):
        value = facets[name]["values"][0]
        narrowed = data(api, "/explore/findings", **{name: value["value"]})
        api_page = api.get("/findings", params={name: value["value"], "limit": 500}).json()
        assert narrowed["total"] == api_page["total"] >= value["count"] > 0, name
        assert [f["id"] for f in narrowed["items"]] == [f["id"] for f in api_page["items"]][: len(narrowed["items"])]
        assert narrowed["filters"] == {name: int(value["value"]) if name == "chapter" else value["value"]}
    html = page(api, "/explore/findings", chapter=7).text
    assert 'rel="next"' not in html or "offset=" in html
    for finding in api.get("/findings", params={"chapter": 7, "limit": 50}).json()["items"]:
        assert f'href="/explore/finding/{finding["id"]}"' in html
    assert api.get("/explore/findings", params={"chapter": 9}).status_code == 422
    assert api.get("/explore/finding/no-such-finding", headers={"Accept": "text/html"}).status_code == 404


def test_code_actor_and_claim_pages_link_their_findings(api: httpx.Client) -> None:
    listed = _a_finding_with_claims(api)
    code, actor, claim = listed["codes"][0], listed["actors"][0], listed["rests_on"][0]
    on_code = api.get("/findings", params={"code": code, "limit": 500}).json()
    about = api.get("/findings", params={"actor": actor, "limit": 500}).json()
    code_page = data(api, f"/explore/code/{code}")
    assert code_page["findings"]["total"] == on_code["total"]
    assert code_page["findings"]["href"] == f"/explore/findings?code={code}"
    segment = (
        "mission"
        if api.get(f"/explore/actor/{actor}").headers.get("location", "").startswith("/explore/mission/")
        else "organisation"
    )
    # The first read of a big mission's page compiles its statements' plans: on a loaded machine that can
    # pass the query time limit (503, "try again shortly"), as the browser tests' `_warm` allows for.
    for _ in range(3):
        if api.get(f"/explore/{segment}/{actor}", params={"format": "json"}).status_code == 200:
            break
    actor_page = data(api, f"/explore/{segment}/{actor}")
    assert actor_page["findings"]["total"] == about["total"]
    assert f'href="/explore/findings?actor={actor}"' in page(api, f"/explore/{segment}/{actor}").text
    claim_page = data(api, f"/explore/claim/{claim}")
    resting = [f["id"] for f in api.get("/findings", params={"limit": 500}).json()["items"] if claim in f["rests_on"]]
    assert [f["id"] for f in claim_page["findings"]["items"]] == resting
    assert f'href="/explore/finding/{listed["id"]}"' in page(api, f"/explore/claim/{claim}").text
    assert 'href="/explore/findings"' in page(api, "/").text
