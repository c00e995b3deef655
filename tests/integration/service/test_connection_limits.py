"""Deadlines on connections (issue 16, point 3): a request head that trickles in is cut off, and a
request that finds every Neo4j connection busy answers 503 within seconds instead of hanging."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from neo4j import READ_ACCESS, AsyncDriver

from schema.settings import Settings
from tests.conftest import LiveServer

HEAD_TIMEOUT_S = 1.0


@pytest.fixture(scope="module")
def strict_server(settings: Settings) -> Iterator[LiveServer]:
    """The service with a 1 s head deadline and a pool of one Neo4j connection."""
    strict = settings.model_copy(update={"header_timeout_s": HEAD_TIMEOUT_S, "neo4j_pool_size": 1})
    with LiveServer(strict) as server:
        yield server


def _closed_after(sock: socket.socket, drip: bytes, limit_s: float) -> float | None:
    """Send `drip` every 0.2 s; the seconds until the server closed the connection (None: it did not)."""
    start = time.monotonic()
    sock.settimeout(0.2)
    while time.monotonic() - start < limit_s:
        try:
            if sock.recv(4096) == b"":
                return time.monotonic() - start
        except TimeoutError:
            pass
        except ConnectionError:
            return time.monotonic() - start
        try:
            sock.sendall(drip)
        except OSError:
            return time.monotonic() - start
    return None


def test_a_request_head_that_trickles_in_is_cut_off(strict_server: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", strict_server.port)) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        closed = _closed_after(sock, b"X-Slow: 1\r\n", limit_s=10 * HEAD_TIMEOUT_S)
    assert closed is not None, "the connection was still open after 10 deadlines"
    assert closed < 4 * HEAD_TIMEOUT_S


def test_a_silent_connection_is_cut_off(strict_server: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", strict_server.port)) as sock:
        closed = _closed_after(sock, b"", limit_s=10 * HEAD_TIMEOUT_S)
    assert closed is not None
    assert closed < 4 * HEAD_TIMEOUT_S


def test_a_kept_alive_connection_gets_a_new_deadline_per_request(strict_server: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", strict_server.port)) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.settimeout(5)
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET /health HTTP/1.1\r\n")
        closed = _closed_after(sock, b"X-Slow: 1\r\n", limit_s=10 * HEAD_TIMEOUT_S)
    assert closed is not None
    assert closed < 4 * HEAD_TIMEOUT_S


def test_a_prompt_request_is_served(strict_server: LiveServer) -> None:
    assert httpx.get(f"{strict_server.url}/health", timeout=10).status_code == 200


async def _hold(driver: AsyncDriver, database: str, release: asyncio.Event, held: asyncio.Event) -> None:
    async with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        tx = await session.begin_transaction()
        await (await tx.run("RETURN 1")).consume()
        held.set()
        await release.wait()
        await tx.rollback()


def test_a_request_that_finds_the_pool_busy_is_503_within_seconds(
    strict_server: LiveServer, settings: Settings, seeded: object
) -> None:
    """The service's only connection is held by a transaction of its own driver, on its own loop."""
    loop = strict_server.server.servers[0].get_loop()
    release, held = asyncio.Event(), asyncio.Event()
    holding = asyncio.run_coroutine_threadsafe(
        _hold(strict_server.app.state.driver, settings.neo4j_database, release, held), loop
    )
    try:
        asyncio.run_coroutine_threadsafe(asyncio.wait_for(held.wait(), 30), loop).result(timeout=35)
        start = time.monotonic()
        response = httpx.get(f"{strict_server.url}/missions", timeout=60)
        waited = time.monotonic() - start
    finally:
        loop.call_soon_threadsafe(release.set)
        holding.result(timeout=30)
    assert response.status_code == 503, response.text
    assert response.json()["error"] == "database_busy"
    assert response.headers["retry-after"]
    assert waited < 15, f"answered after {waited:.1f} s"
    # The connection given back, the same request is served again.
    assert httpx.get(f"{strict_server.url}/missions", timeout=60).status_code == 200
