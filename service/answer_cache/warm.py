"""The warm-up: the known routes requested through the app itself, so each answer is computed and
kept as a client's would be (same middlewares, same negotiation, same bytes).

Known routes: each list's first page, centrality per metric, VoID, the home page, the network
view, the claims and findings browsers, for every mission and organisation its details, its page
for people, its dependencies and (missions) its mandate evolution, and the pages of every mandate of
the missions (each source's) and of every finding. Ordered so the pages people open first are warm first:
home and the browsers, the missions (home lists them), their mandates, the findings, then the
organisations and states (hundreds, each opened rarely). The pages
are asked for as a browser asks (its Accept header is part of the key) and as `*/*`. Sequential, one
request at a time, so clients' requests interleave; it stops when the version changes or the cache
is full. The whole-graph dumps are kept when first asked for, not warmed: at scale 100 a Turtle
serialisation takes minutes and more memory than the bound.
"""

from __future__ import annotations

import asyncio
import json
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


def _fixed() -> Iterator[tuple[str, str]]:
    for path in LISTS:
        yield path, ""
    for metric in get_args(Metric):
        yield "/centrality", f"metric={metric}"
    yield "/.well-known/void", ""


class WarmUp:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.requests = 0  # how many the last warm-up made (the tests and the bench read it)

    async def __call__(self, cache: AnswerCache, version: str) -> None:
        self.requests = 0

        async def warm(path: str, query: str = "", accept: str = ANY) -> bool:
            if not cache.current(version) or cache.store.room() < cache.store.max_bytes // 20:
                return False
            await get(self.app, version, path, query, accept)
            self.requests += 1
            return True

        async def warm_page(path: str) -> bool:
            return await warm(path, accept=BROWSER) and await warm(path)

        for path, query in _fixed():
            if not await warm(path, query):
                return
        for path in PAGES:
            if not await warm_page(path):
                return
        mission, organisation = TYPES["Mission"], TYPES["Organisation"]
        missions = await _ids(self.app, version, "/missions")
        for actor in missions:
            for path, query in (
                (f"/{mission}/{actor}", ""),
                (f"/missions/{actor}/mandate-evolution", ""),
                ("/dependencies", f"actor={actor}"),
            ):
                if not await warm(path, query):
                    return
            if not await warm_page(f"/explore/{mission}/{actor}"):
                return
        # A mission's mandates next (its page links them), then the findings (the home page links their
        # browser), then the organisations: hundreds of states, each a page few open.
        warmed: set[str] = set()
        for actor in missions:
            for mandate in await _mandates(self.app, version, actor):
                if mandate not in warmed and not await warm_page(f"/explore/{TYPES['Mandate']}/{mandate}"):
                    return
                warmed.add(mandate)
        for finding in await _ids(self.app, version, "/findings"):
            if not await warm_page(f"/explore/{TYPES['Finding']}/{finding}"):
                return
        for actor in await _ids(self.app, version, "/organisations"):
            for path, query in ((f"/{organisation}/{actor}", ""), ("/dependencies", f"actor={actor}")):
                if not await warm(path, query):
                    return
            if not await warm_page(f"/explore/{organisation}/{actor}"):
                return
