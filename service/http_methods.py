"""HEAD and OPTIONS for every route, and a true `Allow` header (RFC 9110 sections 9.3.2, 9.3.7, 15.5.6).

FastAPI routes answer only the methods they declare, and Starlette's 405 names the methods of the
first route whose path matched, so `OPTIONS /sparql` said `Allow: GET` though POST works too. Here
the methods of a path are those of every route that matches it: OPTIONS answers 204 with them, a
405 lists them, and HEAD is GET without the body wherever GET is served.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """The app's routes, those of included routers too (FastAPI keeps an included router whole,
    and its `matches` answers for its first matching route only). The routers have no prefix."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _routes(included.routes)
        else:
            yield route


def allowed_methods(scope: Scope) -> set[str]:
    """Every method some route of the app takes at the request's path (empty: no route has the path)."""
    methods: set[str] = set()
    for route in _routes(scope["app"].routes):
        match, _ = route.matches(scope)
        if match is not Match.NONE:
            methods |= getattr(route, "methods", None) or {"GET"}  # a mount (static files) serves GET
    if "GET" in methods:
        methods.add("HEAD")
    return methods | {"OPTIONS"} if methods else methods


def declares(scope: Scope, method: str) -> bool:
    """Whether a route of the request's path takes `method` itself (a CORS preflight answers its own OPTIONS)."""
    return any(
        route.matches(scope)[0] is not Match.NONE and method in (getattr(route, "methods", None) or ())
        for route in _routes(scope["app"].routes)
    )


def _allow(methods: set[str]) -> bytes:
    return ", ".join(sorted(methods)).encode()


class HttpMethods:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        methods = allowed_methods(scope)
        method = scope["method"]
        if method == "OPTIONS" and methods and not declares(scope, "OPTIONS"):
            await send({"type": "http.response.start", "status": 204, "headers": [(b"allow", _allow(methods))]})
            await send({"type": "http.response.body", "body": b""})
            return
        if method == "HEAD" and "GET" in methods:
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            return
        await self.app(scope, receive, _true_allow(send, methods))


def _without_body(send: Send) -> Send:
    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_head


def _true_allow(send: Send, methods: set[str]) -> Send:
    async def send_allow(message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] == 405:
            headers = [(name, value) for name, value in message.get("headers", []) if name.lower() != b"allow"]
            message = {**message, "headers": [*headers, (b"allow", _allow(methods))]}
        await send(message)

    return send_allow
