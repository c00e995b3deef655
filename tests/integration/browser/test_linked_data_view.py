"""The linked-data HTML view of an IRI, in a real Chromium: drawn, self-contained, no errors."""

from __future__ import annotations

import httpx

from tests.integration.browser.conftest import OpenPage


def test_mission_iri_html_view_renders_without_other_hosts(api: httpx.Client, open_page: OpenPage) -> None:
    base = str(api.base_url).rstrip("/")
    checked = open_page(base)
    response = checked.page.goto(f"{base}/mission/unmik", wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    assert "text/html" in response.headers["content-type"]
    rows = checked.page.locator("main table tr")
    assert rows.count() > 10
    assert "UNMIK" in checked.page.locator("main").inner_text()
