"""Neo4j Browser on the test Neo4j, in a real Chromium: log in, the pkgraph guide opens by itself with
the pkgraph style applied, a guide query runs from its slide and its graph is drawn."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from schema.settings import Settings
from service.browser_guide import GUIDE_QUERIES
from tests.integration.browser.conftest import OpenPage

SLIDE = "guide/mission_dependencies"
# What Neo4j Browser 5.24 requests on Neo4j Community whatever its settings (its index.html links Google
# Fonts; once connected it loads Segment's analytics.js and Canny's SDK: `shouldAllowOutgoingConnections`
# is always true on Community, and Neo4j 5.26 has no browser.allow_outgoing_connections to say otherwise;
# client.allow_telemetry=false is set). Its Sentry SDK (DSN built in) sends a 20% sample of page-load
# traces: its crash-reporting switch gates error events only (`beforeSend`), not traces. These are
# aborted in the test, before they leave the machine.
BROWSER_THIRD_PARTY = (
    "https://fonts.googleapis.com",
    "https://cdn.segment.com",
    "https://canny.io",
    "https://o110884.ingest.sentry.io",
)
TIMEOUT_MS = 90_000  # Browser's first load and the JVM's first queries are slow on a loaded 2-core machine


def test_browser_opens_the_guide_on_connect_and_draws_a_guide_query(
    api: httpx.Client, settings: Settings, open_page: OpenPage
) -> None:
    neo4j = f"http://127.0.0.1:{settings.db_http_port}"
    service = str(api.base_url).rstrip("/")
    # Browser also probes the Bolt address over HTTP for single sign-on providers (which that port does
    # not answer): aborted too, since its failed load is a console error of Browser's, not ours.
    bolt_probe = f"http://127.0.0.1:{settings.db_bolt_port}"
    checked = open_page(
        neo4j, service, f"ws://127.0.0.1:{settings.db_bolt_port}", blocked=(*BROWSER_THIRD_PARTY, bolt_probe)
    )
    page = checked.page
    page.goto(f"{neo4j}/browser/")

    page.get_by_test_id("username").fill(settings.neo4j_user, timeout=TIMEOUT_MS)
    page.get_by_test_id("password").fill(settings.neo4j_password.get_secret_value())
    page.get_by_test_id("connect").click()

    # browser.post_connect_cmd: the style and then the guide, both fetched from the API.
    drawer = page.get_by_test_id("guidesDrawer")
    expect(drawer).to_contain_text("pkgraph: UN peacekeeping actors and relations", timeout=TIMEOUT_MS)
    expect(drawer).to_contain_text("pkgraph: the model")
    # The style frame shows the stylesheet it applied.
    expect(page.locator("article").filter(has_text="node.Mission").first).to_be_visible(timeout=TIMEOUT_MS)

    for _ in range(1 + GUIDE_QUERIES.index(SLIDE)):
        page.get_by_test_id("guideNextSlide").click()
    params = drawer.locator(f'pre[data-param="{SLIDE}"]')
    query = drawer.locator(f'pre[data-query="{SLIDE}"]')
    expect(query).to_be_visible()
    params.locator("i").click()  # the play icon Browser puts before a runnable block runs it
    expect(page.locator("article").filter(has_text="mission").filter(has_text="unmik").first).to_be_visible()
    query.locator("i").click()

    nodes = page.locator("svg g.node")
    expect(nodes.first).to_be_visible(timeout=TIMEOUT_MS)
    assert nodes.count() >= 2
    # The pkgraph style's caption: the acronym leads.
    expect(page.locator("svg g.node text").filter(has_text="UNMIK").first).to_be_attached()
