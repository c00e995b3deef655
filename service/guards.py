"""Checks every request passes before a route sees it, and headers every answer carries.

- Host: only the names this service is reached by (loopback, the base IRI's host, configured
  extra hosts), so a web page using DNS rebinding cannot talk to a local user's API.
- Body size: a request body above the limit is refused with 413, whether it declares its length
  or streams chunks, before it is read into memory.
- Security headers on every answer (no MIME sniffing, no framing, no referrer leaks, and a
  Content-Security-Policy that lets a page load from this host alone; a route may set a stricter
  or wider one of its own, as the API docs do for their initialiser script).
Errors use the service's one error body, `{error, detail}`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from schema.settings import Settings

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def content_security_policy(scripts: Sequence[str] = (), workers: Sequence[str] = ()) -> str:
    """This host only; no plugins, no framing, no <base>. Styles may be inline (the pages' own
    <style>, Swagger UI's and ReDoc's); scripts only from this host or by the hashes given."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *scripts],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "worker-src": ["'self'", *workers],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", content_security_policy().encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def allowed_hosts(settings: Settings) -> frozenset[str]:
    hosts = set(LOOPBACK) | set(settings.allowed_hosts)
    base_host = urlsplit(settings.base_iri).hostname
    if base_host:
        hosts.add(base_host)
    if settings.api_host not in ("0.0.0.0", "::"):  # noqa: S104 - compared, not bound
        hosts.add(settings.api_host)
    return frozenset(host.lower() for host in hosts)


def _hostname(header: str) -> str:
    """`example.org:8000` -> `example.org`; `[::1]:8000` -> `::1`."""
    if header.startswith("["):
        return header[1 : header.find("]")].lower()
    return header.rsplit(":", 1)[0].lower() if header.count(":") == 1 else header.lower()


class RequestGuards:
    def __init__(self, app: ASGIApp, hosts: frozenset[str], max_body_bytes: int) -> None:
        self.app = app
        self.hosts = hosts
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {name.lower(): value for name, value in scope["headers"]}
        host = headers.get(b"host", b"").decode("latin-1")
        if _hostname(host) not in self.hosts:
            await _refuse(send, 400, "bad_host", f"this service does not answer for host {host!r}")
            return
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await _refuse(send, 413, "body_too_large", self._too_large())
            return

        if declared is None and headers.get(b"transfer-encoding"):
            # A streamed body declares no length: read it here, up to the limit, then hand it on.
            buffered = await self._read_limited(receive)
            if buffered is None:
                await _refuse(send, 413, "body_too_large", self._too_large())
                return
            receive = _replay(buffered, receive)

        async def headed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                message["headers"] = [*headers, *(h for h in SECURITY_HEADERS if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, headed_send)

    async def _read_limited(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it passes the limit (the rest is never read)."""
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(parts)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            parts.append(chunk)
            if not message.get("more_body", False):
                return b"".join(parts)

    def _too_large(self) -> str:
        return f"request bodies are limited to {self.max_body_bytes:,} bytes"


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the buffered body once, then whatever the connection says next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(send: Send, status: int, error: str, detail: str) -> None:
    body = json.dumps({"error": error, "detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
