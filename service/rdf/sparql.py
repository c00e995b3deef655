"""A read-only SPARQL endpoint over the RDF export, held in an in-memory pyoxigraph store.

The store is built from the same quads as `GET /rdf` (named graphs per source, queried with the
default graph as their union) and rebuilt when the loaded dataset's version changes.
Each query runs in its own daemon worker thread and is abandoned after `timeout_s`: the client
gets a 503 with a JSON error at once. pyoxigraph offers no way to interrupt a running query, so an
abandoned query keeps its thread (and a CPU) until it finishes on its own; daemon threads do not
hold up the process's exit, and at most `MAX_RUNNING` queries run at once (more get a 503 "busy").
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph as ox
from neo4j import AsyncDriver

from service.errors import PkgraphError, QueryRefused
from service.rdf.export import RdfFormat, ntriples_chunks, quad_pages
from service.rdf.mapping import Mapper
from service.rdf.vocab import prefixes

MAX_RUNNING = 4
T = TypeVar("T")
_RUNNING = threading.BoundedSemaphore(MAX_RUNNING)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


class BadQuery(PkgraphError):
    status = 400
    error = "bad_query"


class SparqlBusy(PkgraphError):
    status = 503
    error = "sparql_busy"


@dataclass
class LoadedStore:
    version: str | None
    store: ox.Store
    triples: int


class StoreCache:
    """The store of the current dataset version; rebuilt (once, under a lock) when it changes."""

    def __init__(self) -> None:
        self._loaded: LoadedStore | None = None
        self._lock = asyncio.Lock()

    def loaded(self, version: str | None) -> LoadedStore | None:
        """The store of this version if it is built already (nothing is built here)."""
        loaded = self._loaded
        return loaded if loaded is not None and loaded.version == version else None

    async def get(self, driver: AsyncDriver, database: str, mapper: Mapper, version: str | None) -> LoadedStore:
        loaded = self._loaded
        if loaded is not None and loaded.version == version:
            return loaded
        async with self._lock:
            if self._loaded is not None and self._loaded.version == version:
                return self._loaded
            chunks = [chunk async for chunk in ntriples_chunks(quad_pages(driver, database, mapper), quads_too=True)]
            store = await asyncio.to_thread(_build, b"".join(chunks))
            self._loaded = LoadedStore(version, store, len(store))
            return self._loaded


def _build(nquads: bytes) -> ox.Store:
    store = ox.Store()
    store.load(nquads, format=ox.RdfFormat.N_QUADS)
    return store


RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
}


@dataclass(frozen=True)
class Solutions:
    """SELECT/ASK results, serialised by the format the client negotiated (service.formats.ResultsView)."""

    result: ox.QuerySolutions | ox.QueryBoolean

    def results(self, key: str) -> bytes:
        body = self.result.serialize(format=RESULT_FORMATS[key])
        assert body is not None
        return body


@dataclass(frozen=True)
class Triples:
    """CONSTRUCT/DESCRIBE results (service.formats.RdfView), serialised by pyoxigraph."""

    result: ox.QueryTriples

    def rdf(self, fmt: RdfFormat, base: str) -> bytes:
        body = self.result.serialize(format=GRAPH_FORMATS[fmt.key])
        assert body is not None
        return body


def run_query(store: ox.Store, query: str, render: Callable[[Solutions | Triples], T], base: str) -> T:
    """Evaluate and render (pyoxigraph evaluates lazily, so both belong in the worker thread)."""
    try:
        result = store.query(query, prefixes=prefixes(base), use_default_graph_as_union=True)
    except SyntaxError as err:
        raise BadQuery(f"SPARQL syntax error: {err}") from None
    return render(Triples(result) if isinstance(result, ox.QueryTriples) else Solutions(result))


async def answer(
    store: ox.Store, query: str, render: Callable[[Solutions | Triples], T], base: str, timeout_s: float
) -> T:
    if _UPDATE.match(query):
        raise BadQuery("this endpoint is read-only: SPARQL updates are refused (use SELECT, ASK, CONSTRUCT, DESCRIBE)")
    if not _RUNNING.acquire(blocking=False):
        raise SparqlBusy(f"{MAX_RUNNING} SPARQL queries are running already; try again shortly")
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def deliver(result: T | None, error: BaseException | None) -> None:
        if future.done():
            return  # abandoned after the time limit
        if error is not None:
            future.set_exception(error)
        else:
            assert result is not None
            future.set_result(result)

    def hand_over(result: T | None, error: BaseException | None) -> None:
        # RuntimeError: the event loop is gone (the service stopped while an abandoned query ran).
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(deliver, result, error)

    def work() -> None:
        try:
            result = run_query(store, query, render, base)
        except Exception as err:  # noqa: BLE001  # handed to the waiting request, which re-raises it
            hand_over(None, err)
        else:
            hand_over(result, None)
        finally:
            _RUNNING.release()

    threading.Thread(target=work, name="sparql-query", daemon=True).start()
    try:
        return await asyncio.wait_for(asyncio.shield(future), timeout=timeout_s)
    except TimeoutError:
        # As POST /cypher: the same query would run out of time again, so it is the request's fault.
        raise QueryRefused(
            "query_timeout",
            f"the query ran longer than {timeout_s:g} s and was abandoned; narrow it (LIMIT, more specific patterns)",
        ) from None
