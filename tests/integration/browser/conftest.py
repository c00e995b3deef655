"""A real headless Chromium (Debian's `chromium`) driven by Playwright, for the pages' tests.

Playwright's own browser download cannot work on this machine and is not a set-up step: the
browser is the system's, given by `executable_path`. Each page a test opens records its console
errors, uncaught exceptions and every request it makes; on teardown the test fails if there was an
error or a request to any origin but the ones it allowed, and a screenshot is written to
`tests/artefacts/screenshots/` (the artefacts of a run; ignored by git).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, WebSocket, sync_playwright
from playwright.sync_api import Error as PlaywrightError

ARTEFACTS = Path(__file__).resolve().parents[2] / "artefacts" / "screenshots"
INSTALL_HINT = "sudo apt-get install -y chromium   (or: make system-tools, as root)"


def chromium_executable() -> str:
    """The system Chromium; a missing one fails the test with the command that installs it."""
    path = os.environ.get("PKGRAPH_CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail(f"Debian's chromium is not installed; run: {INSTALL_HINT}", pytrace=False)
    return path


# Package scope, not session: while the sync API is started, its event loop counts as running in
# this thread, so every later test calling asyncio.run() would fail. It stops with this folder.
@pytest.fixture(scope="package")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def chromium(playwright_driver: Playwright) -> Iterator[Browser]:
    # --no-sandbox: the suite runs as root in CI, where Chromium's sandbox refuses to start.
    browser = playwright_driver.chromium.launch(
        executable_path=chromium_executable(), headless=True, args=["--no-sandbox"]
    )
    yield browser
    browser.close()


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class CheckedPage:
    """A page with what it did: console errors, page errors and the origins it requested."""

    page: Page
    allowed_origins: frozenset[str]
    # Origins that code the project does not ship (Neo4j Browser's own) requests whatever its settings:
    # the test names them, each request to one is aborted before it leaves and is recorded, and the
    # console error of that failed load is not counted as the page's.
    blocked_origins: frozenset[str] = frozenset()
    errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        failed = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and origin(failed) in self.blocked_origins:
            return
        self.errors.append(f"console: {message.text} at {message.location}")

    def on_request(self, request: Request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if origin(url) in self.blocked_origins:
            self.blocked_requests.append(url)
        elif origin(url) not in self.allowed_origins:
            self.foreign_requests.append(url)

    def on_websocket(self, socket: WebSocket) -> None:
        # A WebSocket (Neo4j Browser's Bolt connection) is no `request` event: checked the same way.
        if origin(socket.url) not in self.allowed_origins:
            self.foreign_requests.append(socket.url)

    def problems(self) -> list[str]:
        return self.errors + [f"request to another host: {url}" for url in self.foreign_requests]


OpenPage = Callable[..., CheckedPage]


@pytest.fixture
def open_page(chromium: Browser, request: pytest.FixtureRequest) -> Iterator[OpenPage]:
    """`open_page(*allowed_origins, blocked=())`: a fresh page that may talk only to those origins
    (`ws://host:port` for a WebSocket); requests to a `blocked` origin are aborted and recorded."""
    opened: list[CheckedPage] = []

    def open_(*allowed: str, blocked: tuple[str, ...] = ()) -> CheckedPage:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        blocked_origins = frozenset(origin(url) for url in blocked)
        if blocked_origins:
            context.route(lambda url: origin(url) in blocked_origins, lambda route: route.abort())
        page = context.new_page()
        checked = CheckedPage(page, frozenset(origin(url) for url in allowed), blocked_origins)
        page.on("console", checked.on_console)
        page.on("pageerror", lambda error: checked.errors.append(f"page error: {error}"))
        page.on("request", checked.on_request)
        page.on("websocket", checked.on_websocket)
        opened.append(checked)
        return checked

    yield open_
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    problems: list[str] = []
    for index, checked in enumerate(opened):
        suffix = f"-{index}" if index else ""
        if not checked.page.is_closed():
            _screenshot(checked.page, ARTEFACTS / f"{name}{suffix}.png")
        problems += checked.problems()
        checked.page.context.close()
    assert not problems, "\n".join(problems)


def _screenshot(page: Page, path: Path) -> None:
    """The whole page as an artefact; a page taller than Chromium can capture in one image (the
    linked-data view of a mission with its public data) is taken at the viewport instead."""
    try:
        page.screenshot(path=str(path), full_page=True)
    except PlaywrightError:
        page.screenshot(path=str(path))
