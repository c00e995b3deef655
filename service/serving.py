"""How the service is served: uvicorn, with deadlines on the connection itself (issue 16).

uvicorn closes an idle keep-alive connection (`timeout_keep_alive`) but has no deadline for a
request head: a client that sends one header line a minute (slowloris) holds its connection for
ever, and enough of them hold every file descriptor. `HeadDeadlineProtocol` closes a connection
whose request head is not complete within `header_timeout_s` of its first byte being awaited
(on connect, and after each answer on a kept-alive connection).
"""

from __future__ import annotations

import asyncio

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from schema.settings import Settings

KEEP_ALIVE_S = 5


class HeadDeadlineProtocol(HttpToolsProtocol):
    head_timeout_s = 10.0
    _head_deadline: asyncio.TimerHandle | None = None

    def _await_head(self) -> None:
        self._head_arrived()
        self._head_deadline = self.loop.call_later(self.head_timeout_s, self._head_too_slow)

    def _head_arrived(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_head()

    def on_headers_complete(self) -> None:
        self._head_arrived()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        # A pipelined request's head has arrived already; otherwise the next head is awaited.
        waiting = not self.pipeline
        super().on_response_complete()
        if waiting and not self.transport.is_closing():
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_arrived()
        super().connection_lost(exc)


def uvicorn_config(
    app: FastAPI, settings: Settings, host: str | None = None, port: int | None = None, log_level: str = "info"
) -> uvicorn.Config:
    """The one uvicorn configuration, for `pkgraph serve` and the tests' live server alike."""
    protocol = type("HeadDeadline", (HeadDeadlineProtocol,), {"head_timeout_s": settings.header_timeout_s})
    return uvicorn.Config(
        app,
        host=host or settings.api_host,
        port=port or settings.api_port,
        log_level=log_level,
        http=protocol,
        timeout_keep_alive=KEEP_ALIVE_S,
    )
