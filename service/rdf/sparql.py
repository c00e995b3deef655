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
from dataclasses import dataclass

import pyoxigraph as ox
from neo4j import AsyncDriver

from service.errors import PkgraphError, QueryRefused
from service.rdf.export import ntriples_chunks, quad_pages
from service.rdf.mapping import Mapper
from service.rdf.vocab import prefixes

MAX_RUNNING = 4
_RUNNING = threading.BoundedSemaphore(MAX_RUNNING)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/trig": ox.RdfFormat.TRIG,
}
RESULT_ALIASES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
}


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


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str


def _accepting(accept: str, kinds: dict[str, object], default: str) -> str | None:
    """The first type of `kinds` the Accept header names (q order), the default for */*, or None."""
    ranges = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((-q, index, fields[0].lower()))
    for _, _, media in sorted(ranges):
        if media in kinds:
            return media
        if media in ("*/*", "application/*", "text/*", ""):
            return default
    return None


def run_query(store: ox.Store, query: str, accept: str, base: str) -> Answer:
    """Evaluate and serialise (pyoxigraph evaluates lazily, so both belong in the worker thread)."""
    try:
        result = store.query(query, prefixes=prefixes(base), use_default_graph_as_union=True)
    except SyntaxError as err:
        raise BadQuery(f"SPARQL syntax error: {err}") from None
    if isinstance(result, ox.QueryTriples):
        media = _accepting(accept, dict(GRAPH_TYPES), "text/turtle")
        if media is None:
            raise BadQuery(f"a CONSTRUCT/DESCRIBE answers in RDF ({', '.join(GRAPH_TYPES)}), not {accept}")
        body = result.serialize(format=GRAPH_TYPES[media])
    else:
        media = _accepting(accept, dict(RESULT_TYPES), "application/sparql-results+json")
        if media is None:
            raise BadQuery(f"SELECT/ASK results are {', '.join(RESULT_TYPES)}, not {accept}")
        body = result.serialize(format=RESULT_TYPES[media])
    assert body is not None
    return Answer(body, media)


async def answer(store: ox.Store, query: str, accept: str, base: str, timeout_s: float) -> Answer:
    if _UPDATE.match(query):
        raise BadQuery("this endpoint is read-only: SPARQL updates are refused (use SELECT, ASK, CONSTRUCT, DESCRIBE)")
    if not _RUNNING.acquire(blocking=False):
        raise SparqlBusy(f"{MAX_RUNNING} SPARQL queries are running already; try again shortly")
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Answer] = loop.create_future()

    def deliver(result: Answer | None, error: BaseException | None) -> None:
        if future.done():
            return  # abandoned after the time limit
        if error is not None:
            future.set_exception(error)
        else:
            assert result is not None
            future.set_result(result)

    def hand_over(result: Answer | None, error: BaseException | None) -> None:
        # RuntimeError: the event loop is gone (the service stopped while an abandoned query ran).
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(deliver, result, error)

    def work() -> None:
        try:
            result = run_query(store, query, accept, base)
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
