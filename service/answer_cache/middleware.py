"""The answer cache as ASGI middleware around every route: routes know nothing of it.

Sits outside `service.http_cache.HttpCache`, so a kept answer carries the strong `ETag` that
middleware computed from its bytes (one way to tag); a hit answers `If-None-Match` from the kept
tag without touching the routes or Neo4j. On a miss the route runs without the client's
`If-None-Match` (the whole answer is needed to keep it), and the first of several identical
concurrent misses computes while the others wait for its answer (single flight).
"""

from __future__ import annotations

import asyncio
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.answer_cache.routes import family, normalised_query, representation
from service.answer_cache.state import WARM_VERSION, AnswerCache
from service.answer_cache.store import Answer, Key
from service.errors import DatabaseUnavailable, error_response
from service.http_cache import matches, send_not_modified, tag_of

log = logging.getLogger(__name__)


class AnswerCacheMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        cache = getattr(scope["app"].state, "answers", None) if "app" in scope else None
        if (
            not isinstance(cache, AnswerCache)
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or family(scope["path"]) is None
        ):
            await self.app(scope, receive, send)
            return
        request_headers = dict(scope["headers"])
        try:
            # The warm-up's own requests carry the version it warms (a scope key no client can set).
            version = scope.get(WARM_VERSION) or await cache.version.current()
        except DatabaseUnavailable as exc:
            # Neo4j did not answer within the deadline: the route would wait as long again for its own read.
            await error_response(exc)(scope, receive, send)
            return
        except Exception:  # whatever else the read failed with, the route reports it itself
            log.debug("dataset version unreadable; answering uncached", exc_info=True)
            await self.app(scope, receive, send)
            return
        accept = representation(request_headers.get(b"accept"))
        key: Key = (scope["path"], normalised_query(scope["query_string"]), accept, "GET")
        if_none_match = request_headers.get(b"if-none-match")
        answer = cache.lookup(version, key)
        flight = cache.flights.get((version, key)) if answer is None else None
        if flight is not None:
            answer = await asyncio.shield(flight)
            if answer is None:  # not keepable (an error, too large): this request runs the route itself
                await self.app(scope, receive, send)
                return
        if answer is not None:
            cache.hits += 1
            await _replay(answer, if_none_match, send)
            return
        cache.misses += 1
        await self._compute(cache, version, key, scope, receive, send, if_none_match)

    async def _compute(
        self,
        cache: AnswerCache,
        version: str,
        key: Key,
        scope: Scope,
        receive: Receive,
        send: Send,
        if_none_match: bytes | None,
    ) -> None:
        flight: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        cache.flights[(version, key)] = flight
        capture = _Capture(send, if_none_match, cache.store.max_entry_bytes)
        inner = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k != b"if-none-match"]}
        answer: Answer | None = None
        try:
            await self.app(inner, receive, capture.send)
            answer = capture.answer()
            if answer is not None:
                # The warm-up fills the room left and evicts nothing: what it warmed first stays.
                cache.keep(version, key, answer, evict=WARM_VERSION not in scope)
        finally:
            if cache.flights.get((version, key)) is flight:
                del cache.flights[(version, key)]
            flight.set_result(answer)


async def _replay(answer: Answer, if_none_match: bytes | None, send: Send) -> None:
    tag = tag_of(answer.headers)
    if if_none_match is not None and tag is not None and matches(if_none_match, tag):
        await send_not_modified(send, answer.headers)
        return
    await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
    await send({"type": "http.response.body", "body": answer.body})


class _Capture:
    """Passes the route's answer to the client (a 304 if its tag matches) and keeps a copy of a 200
    of at most `limit` bytes; a streamed answer goes out chunk by chunk as before."""

    def __init__(self, send: Send, if_none_match: bytes | None, limit: int) -> None:
        self._send = send
        self._if_none_match = if_none_match
        self._limit = limit
        self._start: Message | None = None
        self._chunks: list[bytes] = []
        self._size = 0
        self._keepable = False
        self._complete = False
        self._started = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._start = message
            self._keepable = message["status"] == 200
            if not self._keepable:
                self._started = True
                await self._send(message)
            return
        if message["type"] != "http.response.body" or not self._keepable:
            await self._send(message)
            return
        body: bytes = message.get("body", b"")
        more = message.get("more_body", False)
        self._size += len(body)
        if self._size <= self._limit:
            self._chunks.append(body)
        else:
            self._keepable = False
            self._chunks = []
        if not more:
            self._complete = True
        assert self._start is not None
        if not self._started:
            self._started = True
            headers = list(self._start.get("headers", []))
            tag = tag_of(headers)
            if not more and self._if_none_match is not None and tag is not None and matches(self._if_none_match, tag):
                await send_not_modified(self._send, headers)
                return
            await self._send(self._start)
        await self._send(message)

    def answer(self) -> Answer | None:
        if not (self._keepable and self._complete and self._start is not None):
            return None
        headers = list(self._start.get("headers", []))
        return Answer(self._start["status"], headers, b"".join(self._chunks))
