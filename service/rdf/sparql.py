"""A read-only SPARQL endpoint over the RDF export, held in an on-disk pyoxigraph store.

The store is built from the same quads as `GET /rdf` (named graphs per source, queried with the
default graph as their union) and rebuilt when the loaded dataset's version changes. Queries run
in worker processes (`service.rdf.sparql_worker`) that open the store read-only; pyoxigraph
cannot interrupt a query, so a query past `timeout_s` is stopped by killing its worker (the
client gets 400 query_timeout), and abandoned queries never pile up. At most `MAX_RUNNING`
queries run at once (more get a 503 "busy"). SERVICE is refused: the endpoint never calls out.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from neo4j import AsyncDriver
from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from service.errors import PkgraphError, QueryRefused
from service.rdf.export import RdfFormat, ntriples_chunks, quad_pages
from service.rdf.mapping import Mapper
from service.rdf.sparql_worker import serve
from service.rdf.vocab import prefixes

MAX_RUNNING = 4
T = TypeVar("T")
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
# Worker processes are started clean (no copy of the service's threads, sockets or driver).
_CONTEXT = multiprocessing.get_context("spawn")


class BadQuery(PkgraphError):
    status = 400
    error = "bad_query"


class SparqlBusy(PkgraphError):
    status = 503
    error = "sparql_busy"


@dataclass
class LoadedStore:
    version: str | None
    path: Path
    triples: int


class StoreCache:
    """The on-disk store of the current dataset version; rebuilt (once, under a lock) when it changes.

    Each version's store is a folder of its own under a private temporary folder; the worker
    processes open it read-only.
    """

    def __init__(self) -> None:
        self._loaded: LoadedStore | None = None
        self._lock = asyncio.Lock()
        self._root: Path | None = None
        self.workers = Workers()

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
            if self._root is None:
                self._root = Path(tempfile.mkdtemp(prefix="pkgraph-sparql-"))
            path = self._root / uuid.uuid4().hex
            triples = await asyncio.to_thread(_build, path, b"".join(chunks))
            await asyncio.to_thread(self.workers.prestart, path)
            previous, self._loaded = self._loaded, LoadedStore(version, path, triples)
            if previous is not None:
                self.workers.retire(previous.path)
                shutil.rmtree(previous.path, ignore_errors=True)
            return self._loaded

    def close(self) -> None:
        self.workers.close()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)


def _build(path: Path, nquads: bytes) -> int:
    store = ox.Store(str(path))
    store.load(nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()
    count = len(store)
    del store  # closes it, so worker processes can open it read-only
    return count


@dataclass
class _Worker:
    path: Path
    process: BaseProcess
    conn: Connection

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class Workers:
    """At most MAX_RUNNING worker processes; a query past its time limit costs its worker's life."""

    def __init__(self) -> None:
        self._idle: list[_Worker] = []
        self._running = 0
        self._lock = threading.Lock()

    def _take(self, path: Path) -> _Worker:
        with self._lock:
            if self._running + len(self._idle) >= MAX_RUNNING and not any(w.path == path for w in self._idle):
                stale = next((w for w in self._idle if w.path != path), None)
                if stale is None:
                    raise SparqlBusy(f"{MAX_RUNNING} SPARQL queries are running already; try again shortly")
                self._idle.remove(stale)
                stale.kill()
            for worker in self._idle:
                if worker.path == path and worker.process.is_alive():
                    self._idle.remove(worker)
                    self._running += 1
                    return worker
            self._running += 1
        try:
            return _start(path)
        except BaseException:
            with self._lock:
                self._running -= 1
            raise

    def prestart(self, path: Path) -> None:
        """One idle worker for a new store, so the first query does not wait for a process to start."""
        with self._lock:
            if self._running + len(self._idle) >= MAX_RUNNING:
                return
        worker = _start(path)
        with self._lock:
            self._idle.append(worker)

    def _give_back(self, worker: _Worker, alive: bool) -> None:
        with self._lock:
            self._running -= 1
            if alive:
                self._idle.append(worker)
        if not alive:
            worker.kill()

    async def run(self, path: Path, query: str, prefixes: dict[str, str], timeout_s: float) -> tuple[str, bytes | str]:
        worker = await asyncio.to_thread(self._take, path)
        alive = False
        try:
            worker.conn.send((query, prefixes))
            waiting = asyncio.to_thread(_receive, worker.conn, timeout_s)
            kind, body = await waiting
            alive = True
            return kind, body
        except TimeoutError:
            raise QueryRefused(
                "query_timeout",
                f"the query ran longer than {timeout_s:g} s and was stopped; narrow it (LIMIT, more specific patterns)",
            ) from None
        except (EOFError, OSError) as err:
            raise BadQuery(f"the SPARQL worker ended while answering ({type(err).__name__})") from None
        finally:
            self._give_back(worker, alive)

    def retire(self, path: Path) -> None:
        """Stop the idle workers of an old store (busy ones are stopped when they give it back)."""
        with self._lock:
            old = [w for w in self._idle if w.path == path]
            self._idle = [w for w in self._idle if w.path != path]
        for worker in old:
            worker.kill()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()


# How long a new worker may take to start and open the store (a busy machine, a large store).
WORKER_START_S = 60.0


def _start(path: Path) -> _Worker:
    parent, child = _CONTEXT.Pipe()
    process = _CONTEXT.Process(target=serve, args=(child, str(path)), daemon=True, name="pkgraph-sparql")
    process.start()
    child.close()
    worker = _Worker(path, process, parent)
    try:
        kind, body = _receive(parent, WORKER_START_S)
    except (TimeoutError, EOFError, OSError):
        worker.kill()
        raise SparqlBusy("a SPARQL worker could not be started; try again shortly") from None
    if kind != "ready":
        worker.kill()
        raise SparqlBusy(f"a SPARQL worker could not open the store: {body!r}")
    return worker


def _receive(conn: Connection, timeout_s: float) -> tuple[str, bytes | str]:
    if not conn.poll(timeout_s):
        raise TimeoutError
    kind, body = conn.recv()
    return str(kind), body


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
    """SELECT/ASK results (SPARQL JSON from the worker), serialised as negotiated (service.formats.ResultsView)."""

    json: bytes

    def results(self, key: str) -> bytes:
        if key == "json":
            return self.json
        parsed = ox.parse_query_results(self.json, format=ox.QueryResultsFormat.JSON)
        body = parsed.serialize(format=RESULT_FORMATS[key])
        assert body is not None
        return body


@dataclass(frozen=True)
class Triples:
    """CONSTRUCT/DESCRIBE results (N-Triples from the worker), serialised as negotiated (service.formats.RdfView)."""

    ntriples: bytes

    def rdf(self, fmt: RdfFormat, base: str) -> bytes:
        if fmt.key == "nt":
            return self.ntriples
        body = ox.serialize(ox.parse(self.ntriples, format=ox.RdfFormat.N_TRIPLES), format=GRAPH_FORMATS[fmt.key])
        assert body is not None
        return body


def refuse_service(query: str) -> None:
    """SERVICE would make this process call any URL a caller names: refused, after a real parse.

    A query the SPARQL 1.1 parser of rdflib cannot read is refused too, since it cannot be checked.
    """
    try:
        parsed = parseQuery(query)
    except ParseException as err:
        raise BadQuery(f"SPARQL syntax error: {err}") from None
    if "ServiceGraphPattern" in _names(parsed):
        raise BadQuery("SERVICE is refused here: this endpoint answers from its own data only")


def _names(node: object) -> Iterator[str]:
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _names(value)
    elif isinstance(node, list | tuple | ParseResults):
        for value in node:
            yield from _names(value)


async def answer(
    loaded: LoadedStore, workers: Workers, query: str, render: Callable[[Solutions | Triples], T], base: str,
    timeout_s: float,
) -> T:
    if _UPDATE.match(query):
        raise BadQuery("this endpoint is read-only: SPARQL updates are refused (use SELECT, ASK, CONSTRUCT, DESCRIBE)")
    refuse_service(query)
    kind, body = await workers.run(loaded.path, query, prefixes(base), timeout_s)
    if isinstance(body, str):
        prefix = "SPARQL syntax error" if kind == "syntax" else "the query could not be answered"
        raise BadQuery(f"{prefix}: {body}")
    return render(Triples(body) if kind == "triples" else Solutions(body))
