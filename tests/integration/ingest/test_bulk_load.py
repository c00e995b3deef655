"""The bulk first load (db.bulk_load): an empty local database loaded by `neo4j-admin database
import` holds the same graph as one loaded by transactions, and a transactional re-load over it
changes nothing.

The importer needs the server stopped, so these tests run a Neo4j of their own (the session's
serves every other test meanwhile): the curated data and two public sources, through
`pkgraph ingest` as a user runs it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from db import bulk_load as bulk_load_module
from db import local_server
from db.bulk_load import BulkLoadFailed, bulk_load, why_not
from ingest import pipeline
from ingest.bulk_import import ImportFiles, write_import_csvs
from ingest.loader import SourceLoad
from ingest.sources import default_adapters
from queries.driver import create_sync_driver
from schema.datasets import CURATED
from schema.settings import Settings
from tests.conftest import DATA, make_settings

pytestmark = pytest.mark.integration

# The curated data and two public sources with relationships into it (memberships, mandated tasks).
SOURCES = ("curated", "un-psdata-scmembership", "tamm")

# The start of the relationship the importer is made to refuse: an id no node has.
DANGLING = "pkgraph-no-such-node"

Dump = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A project-run Neo4j with an empty database, as `make run` finds it on a first start."""
    own = make_settings(tmp_path_factory.mktemp("bulk-neo4j"), secrets.token_urlsafe(18))
    local_server.start(own)
    try:
        yield own
    finally:
        local_server.stop(own)


@pytest.fixture(scope="module")
def local_driver(local: Settings) -> Iterator[Driver]:
    with create_sync_driver(local) as driver:
        local_server.wait_until_online(driver, local.neo4j_database)
        yield driver


def _typed(value: Any) -> Any:
    """A value with its type: 1 and 1.0 and True are different properties."""
    if isinstance(value, list):
        return ("list", tuple(_typed(item) for item in value))
    return (type(value).__name__, value)


def _props(props: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    # The load time is the one property two loads of the same files give differently.
    return tuple(sorted((k, _typed(v)) for k, v in props.items() if k != "loaded_at"))


def dump(driver: Driver, database: str) -> Dump:
    """Every node with its labels and properties, every relationship with its ends' labels and ids,
    its type and properties: a canonical, sorted, typed dump of the whole graph."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", database_=database
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN labels(a) AS al, a.id AS a, type(r) AS type, labels(b) AS bl, b.id AS b, "
        "properties(r) AS props",
        database_=database,
    )
    return (
        sorted((tuple(sorted(r["labels"])), _props(r["props"])) for r in nodes),
        sorted(
            (tuple(sorted(r["al"])), r["a"], r["type"], tuple(sorted(r["bl"])), r["b"], _props(r["props"]))
            for r in rels
        ),
    )


def _pkgraph_ingest(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    env |= {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "PKGRAPH_DB_HOME": str(settings.db_home),
        "PKGRAPH_DB_BOLT_PORT": str(settings.db_bolt_port),
        "PKGRAPH_DB_HTTP_PORT": str(settings.db_http_port),
        "PKGRAPH_DB_HEAP": settings.db_heap,
        "PKGRAPH_DB_PAGECACHE": settings.db_pagecache,
    }
    return subprocess.run(
        [sys.executable, "-m", "db.cli", "ingest", "--quiet", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def _chosen(data: Path = DATA) -> list[str]:
    return [f"--source={source}" for source in SOURCES] + [str(data)]


def _adapters() -> list[Any]:
    return [adapter for adapter in default_adapters(DATA) if adapter.id in SOURCES]


def test_bad_input_fails_before_the_server_is_stopped(local: Settings, tmp_path: Path) -> None:
    broken = tmp_path / "data"
    shutil.copytree(DATA, broken, ignore=shutil.ignore_patterns("sources"))
    (broken / "missions.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    pid = local_server.status(local).pid
    done = _pkgraph_ingest(local, "--source=curated", str(broken))
    assert done.returncode == 2, done.stderr
    assert "missions.yaml" in done.stderr
    assert "nothing was written" in done.stderr
    assert "bulk first load" not in done.stderr
    # The same server still runs (never stopped), and its database is still empty.
    assert local_server.status(local).pid == pid is not None
    with create_sync_driver(local) as driver:
        assert why_not(local, driver) is None


def _with_a_dangling_relationship(loads: Iterable[SourceLoad], folder: Path) -> ImportFiles:
    """The import files, then one row more in a relationship file: a start node no file holds. It
    passes every check before the import (the rows are valid); the importer refuses it."""
    files = write_import_csvs(loads, folder)
    _, path = files.relationships[0]
    last = path.read_text(encoding="utf-8").splitlines()[-1]
    with path.open("a", encoding="utf-8") as handle:
        handle.write('"' + DANGLING + last[last.index('",') :] + "\n")
    return files


def test_a_failed_import_leaves_the_empty_database(local: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    validated = pipeline.validate([adapter for adapter in default_adapters(DATA) if adapter.id == CURATED])
    monkeypatch.setattr(bulk_load_module, "write_import_csvs", _with_a_dangling_relationship)
    with pytest.raises(BulkLoadFailed) as failed:
        bulk_load(local, validated)
    message = str(failed.value)
    assert message.startswith("neo4j-admin import exited with "), message
    # The importer's own words: the row's file and line, and what is wrong with it.
    assert f"referring to missing node {DANGLING}" in message, message
    assert "line:" in message, message
    assert f"database {local.neo4j_database} is the empty one it was" in message
    # The server runs again, on the empty database: nothing of the import is left.
    assert local_server.status(local).running
    assert not (local.db_home / "data" / ".before-import").exists()
    with create_sync_driver(local) as driver:
        local_server.wait_until_online(driver, local.neo4j_database)
        assert why_not(local, driver) is None


def test_bulk_and_transactional_loads_give_the_same_graph(local: Settings, local_driver: Driver) -> None:
    database = local.neo4j_database
    assert why_not(local, local_driver) is None  # empty: the first load takes the importer
    done = _pkgraph_ingest(local, *_chosen())
    assert done.returncode == 0, done.stderr[-3000:]
    assert "neo4j-admin database import full" in done.stderr
    assert done.stdout.count("(bulk import into the empty database)") == len(SOURCES)
    with create_sync_driver(local) as driver:  # the server was restarted
        bulk = dump(driver, database)
        assert why_not(local, driver) == f"database {database} holds data"
        versions, _, _ = driver.execute_query(
            "MATCH (d:Dataset) RETURN d.id AS id, d.version AS version ORDER BY id", database_=database
        )
        expected = {adapter.id: adapter.version() for adapter in _adapters()}
        assert {r["id"]: r["version"] for r in versions} == expected
        # The schema is there, as `pkgraph schema apply` makes it.
        constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name", database_=database)
        assert "dataset_id" in {r["name"] for r in constraints}

        # Re-loaded through transactions (the database holds data now): nothing to write.
        validated = pipeline.validate(_adapters(), pipeline.loaded_ids(driver, database, SOURCES))
        for summary in pipeline.write(driver, database, validated):
            assert not summary.bulk
            assert (summary.changed("created"), summary.changed("updated"), summary.changed("deleted")) == (0, 0, 0)
        assert dump(driver, database) == bulk

        # The same sources loaded into the emptied database by transactions: the same graph.
        with driver.session(database=database) as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
        for summary in pipeline.write(driver, database, validated):
            assert summary.changed("created") > 0
        transactional = dump(driver, database)
    assert len(transactional[0]) > 1000
    assert len(transactional[1]) > 3000
    assert _differences(transactional, bulk) == ([], [])


def _differences(one: Dump, other: Dump) -> tuple[list[Any], list[Any]]:
    """What one dump holds that the other does not, both ways, a few of each (a readable failure)."""
    found: tuple[list[Any], list[Any]] = ([], [])
    for side, (mine, theirs) in enumerate(zip(one, other, strict=True)):
        a, b = Counter(mine), Counter(theirs)
        found[side].extend([("only in the first", item) for item in list((a - b).elements())[:3]])
        found[side].extend([("only in the second", item) for item in list((b - a).elements())[:3]])
    return found
