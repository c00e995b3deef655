"""Test fixtures: one real Neo4j per test session, started by the project on its own ports.

The instance lives in a fresh temporary folder (so every session starts from an empty graph)
with a password generated for the session; it is stopped when the session ends.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from neo4j import Driver

from db import local_server
from db.local_server import free_port
from ingest.loader import TX_ELEMENTS, LoadSummary
from ingest.pipeline import ingest
from ingest.sources import default_adapters
from ingest.sources.curated import CuratedYaml
from queries.driver import create_sync_driver
from schema import registry
from schema.graph_schema import apply_schema
from schema.paths import PROJECT_ROOT
from schema.settings import Settings
from service.app import create_app
from service.serving import uvicorn_config

# The real dataset by default; another folder in the same format can be seeded instead.
DATA = Path(os.environ.get("PKGRAPH_TEST_DATA", PROJECT_ROOT / "data"))
MINI = PROJECT_ROOT / "tests" / "fixtures" / "mini"


def make_settings(home: Path, password: str, **overrides: object) -> Settings:
    # Free ports unless set, so test runs can go on side by side (and beside a user's own Neo4j).
    bolt = int(os.environ.get("PKGRAPH_TEST_BOLT_PORT") or free_port())
    http = int(os.environ.get("PKGRAPH_TEST_HTTP_PORT") or free_port())
    values: dict[str, object] = {
        "neo4j_uri": f"neo4j://127.0.0.1:{bolt}",
        "neo4j_password": password,
        "neo4j_database": "neo4j",
        "db_home": home,
        "db_bolt_port": bolt,
        "db_http_port": http,
        # Neo4j Browser's guide and style come from this port (db/neo4j.conf.template); `api` serves on it.
        "api_port": free_port(),
        "db_heap": "768m",
        "db_pagecache": "256m",
        "base_iri": "http://pkgraph.test/",
        # A test server warming every answer of the whole public graph in the background would read
        # Neo4j while the tests do; the warm-up has its own test (test_answer_cache.py).
        "cache_warm": False,
    } | overrides
    # model_validate reads no environment, so a developer's .env cannot leak into the tests.
    return Settings.model_validate(values)


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    if os.environ.get("PKGRAPH_TEST_NO_NEO4J"):
        # `make test-unit` sets it: a test that reaches Neo4j while classified unit is a wrong tier.
        raise RuntimeError("PKGRAPH_TEST_NO_NEO4J is set, yet a test asked for the Neo4j session")
    home = tmp_path_factory.mktemp("neo4j")
    test_settings = make_settings(home, secrets.token_urlsafe(18))
    local_server.start(test_settings)
    try:
        yield test_settings
    finally:
        local_server.stop(test_settings)


@pytest.fixture(scope="session")
def driver(settings: Settings) -> Iterator[Driver]:
    with create_sync_driver(settings) as drv:
        drv.verify_connectivity()
        yield drv


# Tests replace whole datasets on purpose (the mini fixture after data/, and back): their loads may
# empty any kind, as `pkgraph ingest --delete-kind` allows.
EVERY_LABEL = frozenset(kind.label for kind in registry.NODE_KINDS)

# Tests of the curated data alone run after every other: the whole public graph is then loaded
# once per session (by `seeded`) and stripped once, not reloaded after each `graph` test.
CURATED_ONLY = frozenset({"graph", "curated_only"})


def load_curated(driver: Driver, settings: Settings, folder: Path, tx_elements: int = TX_ELEMENTS) -> LoadSummary:
    """`folder` loaded as the curated source, through the pipeline `pkgraph ingest` runs."""
    (summary,) = ingest(
        driver, settings.neo4j_database, [CuratedYaml(folder)], tx_elements=tx_elements, deletable=EVERY_LABEL
    )
    return summary


def load_all(driver: Driver, settings: Settings, folder: Path) -> list[LoadSummary]:
    """Every source of `folder` (its YAML, and the public datasets of its sources/), as `pkgraph ingest`."""
    return ingest(driver, settings.neo4j_database, default_adapters(folder))


# Public sources (all but the curated YAML): stripped for a test that replaces the curated data
# (its relationships point into curated nodes), loaded again by the next test that needs them.
def _public_loaded(driver: Driver, settings: Settings) -> bool:
    records, _, _ = driver.execute_query(
        "MATCH (d:Dataset) WHERE d.id <> 'curated' RETURN count(d) AS n", database_=settings.neo4j_database
    )
    return bool(records[0]["n"])


@pytest.fixture(scope="session")
def seeded(driver: Driver, settings: Settings) -> Driver:
    """The graph wiped, the schema applied and every source of data/ loaded: what the service serves."""
    with driver.session(database=settings.neo4j_database) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    apply_schema(driver, settings.neo4j_database)
    load_all(driver, settings, DATA)
    return driver


@pytest.fixture(autouse=True)
def _public_sources_back(request: pytest.FixtureRequest) -> None:
    """Before a test of the seeded graph: the public sources loaded again if a `graph` test
    stripped them. Asks for Neo4j only then, so a unit test stays one."""
    names = request.fixturenames
    if CURATED_ONLY & set(names) or not {"seeded", "api"} & set(names):
        return
    driver, settings = request.getfixturevalue("seeded"), request.getfixturevalue("settings")
    if not _public_loaded(driver, settings):
        load_all(driver, settings, DATA)


def strip_public(driver: Driver, settings: Settings) -> None:
    """Every element of the public sources removed: the curated data of data/ alone is left."""
    with driver.session(database=settings.neo4j_database) as session:
        # In batches: the personnel sources alone are ~150,000 elements, past one transaction's memory.
        session.run(
            "MATCH ()-[r]->() WHERE r.load IS NOT NULL AND r.load <> 'curated' "
            "CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
        session.run(
            "MATCH (n) WHERE n.load IS NOT NULL AND n.load <> 'curated' "
            "CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
        session.run("MATCH (d:Dataset) WHERE d.id <> 'curated' DELETE d").consume()


@pytest.fixture(scope="module")
def curated_only(seeded: Driver, settings: Settings) -> Driver:
    """The curated data alone for a whole module: the whole-graph RDF checks (rdflib parses of every
    format, pyshacl) take many minutes over the public sources on this 2-core machine."""
    strip_public(seeded, settings)
    return seeded


@pytest.fixture
def graph(seeded: Driver, settings: Settings) -> Iterator[Driver]:
    """The curated data of data/ alone, for a test that replaces it; put back afterwards (the public
    sources are loaded again by the next test that uses `seeded` without this fixture)."""
    strip_public(seeded, settings)
    yield seeded
    with seeded.session(database=settings.neo4j_database) as session:
        session.run("MATCH (n) WHERE n.digest IS NOT NULL OR n:Blocker OR n:Dataset DETACH DELETE n").consume()
    # The curated data alone: the public sources (~150,000 elements) are loaded again only by a
    # later test that needs them, and the collection order runs those first (CURATED_ONLY below).
    load_curated(seeded, settings, DATA)


class LiveServer:
    """uvicorn serving the real app on a loopback port (a free one unless given), in a thread of the test process."""

    def __init__(self, settings: Settings, port: int | None = None) -> None:
        self.port = port or free_port()
        self.app = create_app(settings)
        config = uvicorn_config(self.app, settings, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def api(seeded: Driver, settings: Settings) -> Iterator[httpx.Client]:
    """An HTTP client of the real service over a real socket, on the seeded graph."""
    with LiveServer(settings, settings.api_port) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


# Fixtures that need the session's Neo4j; a test using one of them, directly or through another
# fixture, is `integration`. item.fixturenames is the closure, so fixtures built on these count too.
NEO4J_FIXTURES = frozenset({"settings", "driver", "seeded", "api", "curated_only"})


TESTS = Path(__file__).resolve().parent
TIERS = ("unit", "integration")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects, which reads the markers set here
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: bool(CURATED_ONLY.intersection(getattr(item, "fixturenames", ()))))
    for item in items:
        needs_neo4j = bool(NEO4J_FIXTURES.intersection(getattr(item, "fixturenames", ())))
        if item.get_closest_marker("unit") and needs_neo4j:
            raise pytest.UsageError(f"{item.nodeid} is marked unit but uses a Neo4j fixture")
        # By hand `integration`: a test that runs Java or a build without using a Neo4j fixture.
        tier = "integration" if needs_neo4j or item.get_closest_marker("integration") else "unit"
        item.add_marker(tier)
        # Once tests live in tests/unit/ and tests/integration/, the folder must say the tier.
        folder = item.path.relative_to(TESTS).parts[0] if item.path.is_relative_to(TESTS) else None
        if folder in TIERS and folder != tier:
            raise pytest.UsageError(f"{item.nodeid} belongs to the {tier} tier, not in tests/{folder}/")
