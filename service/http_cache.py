"""HTTP validation caching for every whole (non-streamed) GET answer.

The graph changes only when an ingest commits, so a client (or a proxy) that has an answer can ask
whether it is still the same: each 200 answer to GET/HEAD carries a strong `ETag` (a hash of its
media type and bytes, so it changes with the dataset version and with the negotiated
representation), `Cache-Control: no-cache` (keep it, but revalidate: a new ingest may change it at
any time) and `Vary: Accept`; `If-None-Match` with a matching tag answers 304 with no body.
Streamed answers (the N-Triples dump) pass through untouched.
"""

from __future__ import annotations

import hashlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHE_CONTROL = b"no-cache"


def entity_tag(media_type: bytes, body: bytes) -> bytes:
    digest = hashlib.sha256(media_type + b"\0" + body).hexdigest()[:32]
    return f'"{digest}"'.encode()


def matches(if_none_match: bytes, tag: bytes) -> bool:
    candidates = {part.strip().removeprefix(b"W/") for part in if_none_match.split(b",")}
    return b"*" in candidates or tag in candidates


def tag_of(headers: list[tuple[bytes, bytes]]) -> bytes | None:
    return next((v for k, v in headers if k.lower() == b"etag"), None)


async def send_not_modified(send: Send, headers: list[tuple[bytes, bytes]]) -> None:
    """304: the 200's headers (its tag, Cache-Control, Vary) without those of a body."""
    kept = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
    await send({"type": "http.response.start", "status": 304, "headers": kept})
    await send({"type": "http.response.body", "body": b""})


class HttpCache:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        request_headers = dict(scope["headers"])
        if_none_match = request_headers.get(b"if-none-match")
        start: Message | None = None

        async def validating_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message["status"] != 200:
                    await send(message)
                    return
                start = message  # held until the body shows whether it is whole
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            held, start = start, None
            if message.get("more_body", False):  # streamed: no tag, as it comes
                await send(held)
                await send(message)
                return
            headers = [(k, v) for k, v in held.get("headers", []) if k.lower() not in (b"etag", b"cache-control")]
            media_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
            tag = entity_tag(media_type, message.get("body", b""))
            headers += [(b"etag", tag), (b"cache-control", CACHE_CONTROL)]
            if not any(k.lower() == b"vary" and b"accept" in v.lower() for k, v in headers):
                headers.append((b"vary", b"Accept"))
            if if_none_match is not None and matches(if_none_match, tag):
                await send_not_modified(send, headers)
                return
            await send({**held, "headers": headers})
            await send(message)

        await self.app(scope, receive, validating_send)
