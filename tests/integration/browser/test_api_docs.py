"""Swagger UI and ReDoc in a real Chromium under the service's Content-Security-Policy: each draws
the document's operations, loads nothing from another host, and the browser reports no refused
script, style or image."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from schema.settings import Settings
from tests.conftest import LiveServer
from tests.integration.browser.conftest import OpenPage


@pytest.fixture(scope="module")
def docs_base(settings: Settings) -> Iterator[str]:
    """The service on the session's Neo4j, whatever it holds: the documentation pages read no data."""
    with LiveServer(settings) as server:
        yield server.url


def _operations(base: str) -> int:
    paths = httpx.get(f"{base}/openapi.json").json()["paths"]
    return sum(1 for item in paths.values() for method in item if method in ("get", "post", "put", "delete"))


def test_swagger_ui_draws_every_operation_under_the_policy(docs_base: str, open_page: OpenPage) -> None:
    checked = open_page(docs_base)
    response = checked.page.goto(f"{docs_base}/docs", wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    assert "content-security-policy" in response.headers
    checked.page.wait_for_selector(".opblock", timeout=30_000)
    assert checked.page.locator(".opblock").count() > 40  # the operations of /openapi.json, drawn


def test_redoc_draws_every_operation_with_no_foreign_request(docs_base: str, open_page: OpenPage) -> None:
    """As shipped, ReDoc's sidebar asked cdn.redoc.ly for its logo: a request the policy refused."""
    checked = open_page(docs_base)
    response = checked.page.goto(f"{docs_base}/redoc", wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    assert "content-security-policy" in response.headers
    operations = "[data-section-id^='operation/']"
    checked.page.wait_for_selector(operations, timeout=60_000)
    assert checked.page.locator(operations).count() == _operations(docs_base)
    assert checked.page.get_by_text("API docs by Redocly").count() == 1  # the sidebar, drawn to its end
