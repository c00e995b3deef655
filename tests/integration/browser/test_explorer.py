"""The pages for people in a real Chromium: searched, drawn, clicked through; no errors, no other host.

One walk through the pages as a reader would take it, and the network view on its own. Every page
the fixture opens fails the test on a console error, an uncaught exception or a request to any
origin but the service's, and leaves a screenshot in tests/artefacts/screenshots/ (the README's
pictures, docs/screenshots/, are copies of these).
"""

from __future__ import annotations

import httpx
from playwright.sync_api import Page

from tests.integration.browser.conftest import OpenPage

# A canvas "with content": its pixels are not all one colour (an empty frame is).
CANVAS_PAINTED = """canvas => {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 97) colours.add(data.slice(i, i + 4).join(','));
  return colours.size;
}"""


# The first run of a statement (its plan compiled) may pass the query time limit on a loaded machine.
WARM_TRIES = 3


def _base(api: httpx.Client) -> str:
    return str(api.base_url).rstrip("/")


def _warm(api: httpx.Client, *paths: str) -> None:
    """Ask once over HTTP first: a fresh Neo4j compiles each statement's plan on its first run, which
    on a loaded machine can take longer than a click waits for its page."""
    for path in paths:
        for _ in range(WARM_TRIES):
            response = api.get(path, headers={"Accept": "text/html"})
            if response.status_code == 200:
                break
        # A statement that still times out on its last try is the test's failure, with its body.
        assert response.status_code == 200, (path, response.text[:300])


def _goto(page: Page, url: str) -> None:
    response = page.goto(url, wait_until="networkidle")
    assert response is not None
    assert response.status == 200, url
    assert "text/html" in response.headers["content-type"]


def test_home_search_to_a_mission_page_with_its_chart_drawn(api: httpx.Client, open_page: OpenPage) -> None:
    base = _base(api)
    _warm(api, "/", "/explore/search?q=MONUC", "/explore/mission/monuc", "/mission/monuc", "/explore/mission/monusco")
    page = open_page(base).page
    _goto(page, f"{base}/")
    assert page.locator("h1").inner_text().startswith("pkgraph")
    assert page.locator("table.counts tbody tr").count() > 5
    # The search box, by keyboard as a reader would use it.
    page.get_by_label("Search names, acronyms and claim text").fill("MONUC")
    page.keyboard.press("Enter")
    page.wait_for_url("**/explore/search?q=MONUC")
    hit = page.locator("ol.hits a[href='/explore/mission/monuc']")
    assert hit.count() == 1
    hit.click()
    page.wait_for_url("**/explore/mission/monuc")
    page.wait_for_selector("#mandate-chart[data-drawn='true']")
    canvas = page.locator("#mandate-chart")
    box = canvas.bounding_box()
    assert box is not None
    assert box["width"] > 300
    assert box["height"] > 200
    assert canvas.evaluate(CANVAS_PAINTED) > 3  # lines, markers, axes drawn: not an empty frame
    assert page.locator("section[aria-labelledby='timeline-h'] table tbody tr").count() > 10  # beside the chart
    # Its linked-data view, and back to the page for readers.
    page.locator("p.also a[rel='alternate']").click()
    page.wait_for_url("**/mission/monuc?format=html")
    page.locator("p.people a").click()
    page.wait_for_url("**/explore/mission/monuc")
    # Its successor, whose contributing states IPI counts month by month: their chart drawn.
    page.locator("dl.facts a[href='/explore/mission/monusco']").click()
    page.wait_for_url("**/explore/mission/monusco")
    page.wait_for_selector("#contributors-chart[data-drawn='true']")
    chart = page.locator("#contributors-chart")
    box = chart.bounding_box()
    assert box is not None
    assert box["width"] > 300
    assert box["height"] > 200
    assert chart.evaluate(CANVAS_PAINTED) > 3
    assert page.locator("section[aria-labelledby='contributors-h'] table tbody tr").count() > 10  # beside it


def test_network_view_draws_nodes_and_clicks_through_to_evidence(api: httpx.Client, open_page: OpenPage) -> None:
    base = _base(api)
    _warm(api, "/explore/network", "/explore/mission/unmik")
    page = open_page(base).page
    _goto(page, f"{base}/explore/network")
    page.wait_for_selector("#network-graph[data-drawn]")
    nodes = page.evaluate("() => window.pkgraphNetwork.nodes().length")
    assert nodes == page.locator("button.select-node").count()
    assert nodes > 10
    assert page.locator("#network-graph canvas").count() > 0
    assert page.locator("#network-graph canvas").last.evaluate(CANVAS_PAINTED) > 3

    # A real click on the drawn node of the UN Security Council shows its relations.
    position = page.evaluate("() => window.pkgraphNetwork.getElementById('unsc').renderedPosition()")
    frame = page.locator("#network-graph").bounding_box()
    assert frame is not None
    page.mouse.click(frame["x"] + position["x"], frame["y"] + position["y"])
    detail = page.locator("#network-detail")
    assert "UN Security Council" in detail.inner_text()
    relations = detail.locator("ul li a")
    assert relations.count() > 3

    # An edge's evidence, then its claim's page.
    relations.first.click()
    claim = detail.locator("a[href^='/explore/claim/']").first
    claim.click()
    page.wait_for_url("**/explore/claim/*")
    assert page.locator("p.kind").inner_text().lower() == "claim"

    # Keyboard: the actors table's buttons select a node; its page is one link away.
    page.go_back(wait_until="networkidle")
    page.wait_for_selector("#network-graph[data-drawn]")
    button = page.locator("button.select-node[data-id='unmik']")
    button.focus()
    page.keyboard.press("Enter")
    page.locator("#network-detail a", has_text="Its page").click()
    page.wait_for_url("**/explore/mission/unmik")

    # A filter hides relations of a type.
    page.go_back(wait_until="networkidle")
    page.wait_for_selector("#network-graph[data-drawn]")
    shown = page.evaluate("() => window.pkgraphNetwork.edges(':visible').length")
    page.get_by_label("depends on").uncheck()
    assert page.evaluate("() => window.pkgraphNetwork.edges(':visible').length") < shown


def test_claims_browser_narrows_by_a_facet(api: httpx.Client, open_page: OpenPage) -> None:
    base = _base(api)
    _warm(api, "/explore/claims")
    page = open_page(base).page
    _goto(page, f"{base}/explore/claims")
    total = int(page.locator("#results-h").inner_text().split()[0])
    page.locator("fieldset.facet", has_text="Code").locator("a").first.click()
    page.wait_for_url("**/explore/claims?code=*")
    narrowed = int(page.locator("#results-h").inner_text().split()[0])
    assert 0 < narrowed < total


def test_a_walk_through_mandate_state_and_list_pages(api: httpx.Client, open_page: OpenPage) -> None:
    """A resolution's mandate, the same mandate as PEMA codes it, its mission; a state; a list as a table."""
    base = _base(api)
    _warm(api, "/explore/resolution/1291", "/explore/mandate/monuc-1291", "/explore/mandate/pema-monuc-1291")
    _warm(api, "/explore/organisation/pak", "/tasks")
    page = open_page(base).page
    _goto(page, f"{base}/explore/resolution/1291")
    page.locator("a[href='/explore/mandate/monuc-1291']").click()
    page.wait_for_url("**/explore/mandate/monuc-1291")
    assert page.locator("p.kind").inner_text().lower().startswith("mandate")
    assert page.locator("section[aria-labelledby='ceilings-h'] table tbody tr").count() > 0
    assert page.locator("section[aria-labelledby='tasks-h'] table tbody tr").count() > 0
    # By keyboard: the PEMA coding of the same mandate, its tasks with their cells in the source.
    pema = page.locator("a[href='/explore/mandate/pema-monuc-1291']").first
    pema.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/explore/mandate/pema-monuc-1291")
    assert "pema/" in page.locator("section[aria-labelledby='tasks-h'] table").inner_text()
    page.locator("dl.facts a[href='/explore/mission/monuc']").first.click()
    page.wait_for_url("**/explore/mission/monuc")
    # A state: its Council seats and the personnel it sent, one click from a mission it served in.
    _goto(page, f"{base}/explore/organisation/pak")
    assert "PAK" in page.locator("section[aria-labelledby='state-h']").inner_text()
    rows = page.locator("table.contributions tbody tr")
    assert rows.count() > 0
    rows.first.locator("a").click()
    page.wait_for_url("**/explore/mission/*")
    # A list answers a browser with a table and its paging and data links.
    _goto(page, f"{base}/tasks")
    assert page.locator("table tr").count() > 2
    assert page.locator("a[rel='next']").count() == 1
    assert page.locator("p.formats a", has_text="csv").count() == 1


def test_findings_browser_to_a_finding_and_its_claim(api: httpx.Client, open_page: OpenPage) -> None:
    """Home -> the findings browser, narrowed by a research question, -> a finding (by keyboard) -> a claim."""
    base = _base(api)
    _warm(api, "/", "/explore/findings")
    page = open_page(base).page
    _goto(page, f"{base}/")
    page.locator("a[href='/explore/findings']").click()
    page.wait_for_url("**/explore/findings")
    total = int(page.locator("#results-h").inner_text().split()[0])
    question = page.locator("fieldset.facet", has_text="Research question").locator("a").first
    _warm(api, str(question.get_attribute("href")))
    question.click()
    page.wait_for_url("**/explore/findings?research_question=*")
    narrowed = int(page.locator("#results-h").inner_text().split()[0])
    assert 0 < narrowed <= total
    # A finding resting on claims: reached by keyboard (focus its link, Enter).
    finding = page.locator("li.finding", has_text="rests on").locator("a[href^='/explore/finding/']").first
    href = str(finding.get_attribute("href"))
    _warm(api, href)
    finding.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    assert page.locator("h1").inner_text().startswith("Finding of section")
    assert page.locator("figure.quote blockquote").count() == 1
    claim = page.locator("ol.claims a[href^='/explore/claim/']").first
    claim_href = str(claim.get_attribute("href"))
    _warm(api, claim_href)
    claim.click()
    page.wait_for_url(f"**{claim_href}")
    # The claim's page links back to the finding that rests on it.
    assert page.locator(f"section a[href='{href}']").count() >= 1
