"""/health and /ready over real HTTP, including a Neo4j outage and its recovery."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver

from db.local_server import free_port
from ingest.sources import default_adapters
from schema.settings import Settings
from service.graph_reader import UNRESPONSIVE_GRACE_S
from tests.conftest import DATA, LiveServer, make_settings


def test_health_answers(api: httpx.Client) -> None:
    response = api.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_shows_neo4j_schema_dataset_and_counts(api: httpx.Client, seeded: Driver) -> None:
    response = api.get("/ready")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ready"
    assert body["neo4j"]["version"].startswith("5.26.")
    assert body["neo4j"]["edition"] == "community"
    assert body["schema"]["applied"] is True
    assert body["schema"]["missing"] == []
    assert body["dataset"]["version"]
    # every source of data/ is loaded, each its own dataset; `dataset` is the curated one
    assert body["dataset"] in body["datasets"]
    assert [d["id"] for d in body["datasets"]] == sorted(adapter.id for adapter in default_adapters(DATA))
    assert body["dataset"]["id"] == "curated"
    records, _, _ = seeded.execute_query("MATCH (n) RETURN count(n) AS n")
    assert body["counts"]["nodes"] == records[0]["n"]


def test_openapi_docs_are_served(api: httpx.Client) -> None:
    assert api.get("/docs").status_code == 200
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/health", "/ready"} <= set(paths)
    assert "503" in paths["/ready"]["get"]["responses"]


# The relayed service's query time limit, and when a frozen Neo4j must have produced a 503.
FROZEN_QUERY_TIMEOUT_S = 2.0
FROZEN_DEADLINE_S = FROZEN_QUERY_TIMEOUT_S + UNRESPONSIVE_GRACE_S


class TcpRelay:
    """A loopback TCP relay to Neo4j's Bolt port that the test can cut and restore."""

    def __init__(self, target_port: int) -> None:
        self.port = free_port()
        self.target_port = target_port
        self.loop = asyncio.new_event_loop()
        self.server: asyncio.Server | None = None
        self.connections: set[asyncio.StreamWriter] = set()
        # Cleared to freeze the relay: connections stay open but nothing passes (like kill -STOP).
        self.flowing = asyncio.Event()
        self.flowing.set()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                await self.flowing.wait()
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self.connections |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    async def _open(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)

    async def _cut(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
            self.server = None
        for writer in self.connections:
            writer.close()
        self.connections.clear()

    def open(self) -> None:
        asyncio.run_coroutine_threadsafe(self._open(), self.loop).result(5)

    def cut(self) -> None:
        asyncio.run_coroutine_threadsafe(self._cut(), self.loop).result(5)

    def freeze(self) -> None:
        self.loop.call_soon_threadsafe(self.flowing.clear)

    def thaw(self) -> None:
        self.loop.call_soon_threadsafe(self.flowing.set)


@pytest.fixture
def relayed_api(seeded: Driver, settings: Settings, api: httpx.Client) -> Iterator[tuple[httpx.Client, TcpRelay]]:
    # Neo4j compiles a statement once: done here under the usual limit, so the relayed server's short
    # one measures a frozen connection, not the first compilation of a plan over the public graph.
    for route in ("/mission/unmik", "/dependencies?actor=unmik", "/missions", "/centrality"):
        assert api.get(route).status_code == 200, route
    relay = TcpRelay(settings.db_bolt_port)
    relay.open()
    # bolt:// (direct), since a routing table would send the driver straight to the real port.
    relayed = make_settings(
        settings.db_home,
        settings.neo4j_password.get_secret_value(),
        neo4j_uri=f"bolt://127.0.0.1:{relay.port}",
        query_timeout_s=FROZEN_QUERY_TIMEOUT_S,
    )
    with LiveServer(relayed) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        yield client, relay
    relay.thaw()
    relay.cut()


def test_requests_get_503_within_seconds_while_neo4j_is_frozen(relayed_api: tuple[httpx.Client, TcpRelay]) -> None:
    """Neo4j alive but silent (kill -STOP, a dropped network): answers come at the deadline, as 503."""
    client, relay = relayed_api
    assert client.get("/mission/unmik").status_code == 200
    relay.freeze()
    try:
        for route in ("/mission/unmik", "/dependencies?actor=unmik"):
            started = time.monotonic()
            answer = client.get(route)
            waited = time.monotonic() - started
            assert answer.status_code == 503, route
            assert answer.json()["error"] == "database_unavailable"
            assert "Retry-After" in answer.headers
            assert waited < FROZEN_DEADLINE_S + 5, f"{route} took {waited:.1f} s"
    finally:
        relay.thaw()
    assert client.get("/mission/unmik").status_code == 200


def test_ready_is_503_with_retry_after_while_neo4j_is_unreachable_and_recovers(
    relayed_api: tuple[httpx.Client, TcpRelay],
) -> None:
    client, relay = relayed_api
    assert client.get("/ready").status_code == 200
    relay.cut()
    down = client.get("/ready")
    assert down.status_code == 503
    assert down.headers["Retry-After"].isdigit()
    assert down.json()["error"] == "database_unavailable"
    for data_route in ("/missions", "/mission/unmik", "/dependencies?actor=unmik", "/centrality"):
        answer = client.get(data_route)
        assert answer.status_code == 503, data_route
        assert "Retry-After" in answer.headers
    assert client.get("/health").status_code == 200
    relay.open()
    assert client.get("/ready").status_code == 200
    assert client.get("/mission/unmik").status_code == 200


def test_ready_is_503_when_the_schema_is_missing(seeded: Driver, settings: Settings) -> None:
    """Not ready, and it says why. Community edition has one user database, so one index is
    dropped briefly and put back."""
    from schema.graph_schema import apply_schema

    seeded.execute_query("DROP INDEX interview_case", database_=settings.neo4j_database)
    try:
        with LiveServer(settings) as server, httpx.Client(base_url=server.url, timeout=30) as client:
            response = client.get("/ready")
        assert response.status_code == 503
        assert "interview_case" in response.json()["detail"]
        assert "Retry-After" in response.headers
    finally:
        apply_schema(seeded, settings.neo4j_database)


def test_a_dump_cut_short_by_a_lost_database_fails_visibly(relayed_api: tuple[httpx.Client, TcpRelay]) -> None:
    """A client must be able to tell a truncated dump from a whole one: the connection is aborted
    (no terminating chunk), never ended cleanly after a short body."""
    client, relay = relayed_api
    whole = client.get("/rdf", params={"format": "nt"})
    assert whole.status_code == 200
    received = bytearray()

    def read_rest(chunks: Iterator[bytes]) -> None:
        for chunk in chunks:
            received.extend(chunk)

    with client.stream("GET", "/rdf", params={"format": "nt"}) as response:
        assert response.status_code == 200
        chunks = response.iter_bytes()
        received.extend(next(chunks))
        relay.cut()
        with pytest.raises(httpx.HTTPError):
            read_rest(chunks)
    assert len(received) < len(whole.content)
    relay.open()
