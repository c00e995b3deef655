"""The README's screenshots of the pages for people, taken with Debian's Chromium from a running service.

    make run    # elsewhere
    .venv/bin/python -m tests.integration.browser.readme_screenshots --base http://127.0.0.1:8000

Writes docs/screenshots/{home,mission,network}.png (1280 x 900, the top of each page).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.integration.browser.conftest import chromium_executable

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    base = parser.parse_args().base.rstrip("/")
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_executable(), headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/", wait_until="networkidle")
        page.screenshot(path=str(OUT / "home.png"))
        page.goto(f"{base}/explore/mission/monuc", wait_until="networkidle")
        page.wait_for_selector("#mandate-chart[data-drawn='true']")
        page.locator("#timeline-h").scroll_into_view_if_needed()
        page.evaluate("() => document.getElementById('timeline-h').scrollIntoView()")
        page.screenshot(path=str(OUT / "mission.png"))
        page.goto(f"{base}/explore/network", wait_until="networkidle")
        page.wait_for_selector("#network-graph[data-drawn]")
        page.locator("button.select-node[data-id='unsc']").click()
        page.evaluate("() => document.querySelector('.network').scrollIntoView()")
        page.screenshot(path=str(OUT / "network.png"))
        browser.close()


if __name__ == "__main__":
    main()
