"""Swagger UI in a real Chromium under the service's Content-Security-Policy: it draws the document,
loads nothing from another host, and the browser reports no refused script or style. (ReDoc's bundle
asks for its logo from its vendor's CDN, which the policy blocks; its page test waits on that.)"""

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

