"""Swagger UI and ReDoc in a real Chromium under the service's Content-Security-Policy: they draw the
document, load nothing from another host, and the browser reports no refused script or style."""

from __future__ import annotations

import httpx

from tests.integration.browser.conftest import OpenPage


def test_swagger_ui_draws_every_operation_under_the_policy(api: httpx.Client, open_page: OpenPage) -> None:
    base = str(api.base_url).rstrip("/")
    checked = open_page(base)
    response = checked.page.goto(f"{base}/docs", wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    assert "content-security-policy" in response.headers
    checked.page.wait_for_selector(".opblock", timeout=30_000)
    assert checked.page.locator(".opblock").count() > 40  # the operations of /openapi.json, drawn


def test_redoc_draws_the_document_under_the_policy(api: httpx.Client, open_page: OpenPage) -> None:
    base = str(api.base_url).rstrip("/")
    checked = open_page(base)
    response = checked.page.goto(f"{base}/redoc", wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    checked.page.wait_for_selector("h1", timeout=60_000)
    assert "pkgraph" in checked.page.locator("h1").first.inner_text()
    checked.page.close()  # no full-page screenshot of the whole reference: it takes longer than the test
