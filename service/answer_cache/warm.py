"""The warm-up: the known routes requested through the app itself, so each answer is computed and
kept as a client's would be (same middlewares, same negotiation, same bytes).

Known routes, most requested first: each list's first page, centrality per metric, VoID, the home
page, the network view, the claims and findings browsers; then every mission's details and page for
people (home lists them), the pages of the missions' mandates (each source's; a mission's page links
them) and of every finding, every organisation's details and page (hundreds of states, each opened
rarely); then the actors' dependencies and the missions' mandate evolution. The pages are asked for
as a browser asks (its Accept header is part of the key) and as `*/*`. `IN_FLIGHT` requests at a
time (Neo4j has the other core; clients' requests interleave). It stops when the version changes,
when the store is full (the warm-up's answers evict nothing, so what it warmed first stays) or
after `BUDGET_S`: the rest is kept when first asked for. The whole-graph dumps are kept when first
asked for, not warmed: at scale 100 a Turtle serialisation takes minutes and more memory than the
bound.

What that warms, measured on the shared machine at load about 13 (bench/RESULTS.md, "Answer
cache"), before the mandate and finding pages joined the list: the curated data entirely (917
answers, 4.6 MiB, 82 s); scale 10 of bench/generate.py (910 missions, 650 organisations, about
7,200 answers) 2,669 answers (20.6 MiB) in the budget, the fixed set and about 890 actors' details
and pages; scale 100 (9,100 missions, 6,700 organisations) 571 answers (23.7 MiB), the fixed set
and about 180 missions' details and pages (an answer takes about a second to compute there).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from typing import Any, get_args

from starlette.types import ASGIApp, Message

from service.answer_cache.state import WARM_VERSION, AnswerCache
from service.rdf.iris import TYPES
from service.read_models.centrality import Metric

LISTS = ["/missions", "/organisations", "/resolutions", "/interviews", "/claims", "/codes"]
PAGE = 500  # the lists' largest page (service/routers/browse.py Limit)
ANY = "*/*"
# What Chromium sends for a page it navigates to: the Accept most readers' requests carry.
BROWSER = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
    "application/signed-exchange;v=b3;q=0.7"
)
PAGES = ["/", "/explore/network", "/explore/claims", "/explore/findings"]
log = logging.getLogger(__name__)
IN_FLIGHT = 2
# Past this the warm-up stops: at scale 100 it would run for hours, slowing every client meanwhile.
BUDGET_S = 300.0


async def get(app: ASGIApp, version: str, path: str, query: str = "", accept: str = ANY) -> tuple[int, bytes]:
    """One GET through the whole app, as a loopback client (accepting anything: the route's first format)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"accept", accept.encode()), (b"user-agent", b"pkgraph-warm-up")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0),
        WARM_VERSION: version,
    }
    status = 0
    chunks: list[bytes] = []
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # no disconnect: the answer is wanted whole
        raise AssertionError("unreachable")

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def _ids(app: ASGIApp, version: str, path: str) -> list[str]:
    ids: list[str] = []
    offset = 0
    while True:
        status, body = await get(app, version, path, f"limit={PAGE}&offset={offset}")
        if status != 200:
            return ids
        page: dict[str, Any] = json.loads(body)
        ids += [str(item["id"]) for item in page["items"]]
        offset += PAGE
        if offset >= int(page["total"]):
            return ids


async def _mandates(app: ASGIApp, version: str, mission: str) -> list[str]:
    """The mandates of a mission's evolution, the thesis's then each source's, in their order."""
    status, body = await get(app, version, f"/missions/{mission}/mandate-evolution")
    if status != 200:
        return []
    evolution: dict[str, Any] = json.loads(body)
    found = [step["mandate"] for step in evolution["mandates"]]
    found += [step["mandate"] for history in evolution["sources"] for step in history["mandates"]]
    return list(dict.fromkeys(found))  # a predecessor's mandates are in its successor's evolution too


Request = tuple[str, str, str]  # path, query, Accept


def _fixed() -> Iterator[Request]:
    for path in LISTS:
        yield path, "", ANY
    for metric in get_args(Metric):
        yield "/centrality", f"metric={metric}", ANY
    yield "/.well-known/void", "", ANY
    for path in PAGES:
        yield from _page(path)


def _page(path: str) -> Iterator[Request]:
    yield path, "", BROWSER
    yield path, "", ANY


def _details(segment: str, actors: list[str]) -> Iterator[Request]:
    for actor in actors:
        yield f"/{segment}/{actor}", "", ANY
        yield from _page(f"/explore/{segment}/{actor}")


def _pages(segment: str, keys: list[str]) -> Iterator[Request]:
    for key in keys:
        yield from _page(f"/explore/{segment}/{key}")


def _analyses(missions: list[str], organisations: list[str]) -> Iterator[Request]:
    for actor in missions:
        yield "/dependencies", f"actor={actor}", ANY
        yield f"/missions/{actor}/mandate-evolution", "", ANY
    for actor in organisations:
        yield "/dependencies", f"actor={actor}", ANY


class WarmUp:
    def __init__(self, app: ASGIApp, budget_s: float = BUDGET_S) -> None:
        self.app = app
        self.budget_s = budget_s
        self.requests = 0  # how many the last warm-up made (the tests and the bench read it)

    async def __call__(self, cache: AnswerCache, version: str) -> None:
        self.requests = 0
        deadline = time.monotonic() + self.budget_s

        def go_on() -> bool:
            return (
                cache.current(version)
                and cache.store.room() >= cache.store.max_bytes // 20
                and time.monotonic() < deadline
            )

        async def warm(requests: Iterator[Request]) -> bool:
            """Ask for `requests`, IN_FLIGHT at a time; False when it stopped before the end."""

            async def worker() -> None:
                for path, query, accept in requests:  # one shared iterator: each request is made once
                    if not go_on():
                        return
                    await get(self.app, version, path, query, accept)
                    self.requests += 1

            await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
            return go_on()

        if await warm(_fixed()):
            # The missions (home lists them), their mandates (a mission's page links them), the
            # findings (home links their browser), then the organisations: hundreds, each opened rarely.
            missions = await _ids(self.app, version, "/missions")
            if await warm(_details(TYPES["Mission"], missions)):
                mandates: list[str] = []
                for actor in missions:
                    if not go_on():
                        break
                    mandates += await _mandates(self.app, version, actor)
                    self.requests += 1
                mandates = list(dict.fromkeys(mandates))  # a predecessor's mandates are in its successor's too
                if go_on() and await warm(_pages(TYPES["Mandate"], mandates)):
                    findings = await _ids(self.app, version, "/findings")
                    if await warm(_pages(TYPES["Finding"], findings)):
                        organisations = await _ids(self.app, version, "/organisations")
                        if await warm(_details(TYPES["Organisation"], organisations)):
                            await warm(_analyses(missions, organisations))
        if not go_on():
            why = (
                "a new version"
                if not cache.current(version)
                else "the store is full"
                if time.monotonic() < deadline
                else "its time budget"
            )
            log.info("answer cache warm-up stopped after %d requests: %s", self.requests, why)
