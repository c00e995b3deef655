"""A staged load that dies is invisible to readers, reported by /ready and repaired by the next
load (issue 16, point 5): `pkgraph ingest` killed with SIGKILL between its staged commits."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import Driver

from bench.generate import generate
from ingest.loader import LoadAborted
from ingest.pipeline import ingest
from ingest.sources.curated import CuratedYaml
from queries import public_statements, statement
from queries.driver import create_sync_driver
from schema import registry
from schema.datasets import PENDING_LEASE_S, STAGED_LABEL
from schema.settings import Settings
from service.read_models.readiness import dataset, load_state
from tests.conftest import DATA, EVERY_LABEL, LiveServer, load_curated
from tests.integration.ingest.test_loader import dump

# Statements whose `:param` line gives one parameter of several: the rest given here.
PARAMS: dict[str, dict[str, Any]] = {
    "rdf/describe": {"label": "Mission", "id": "monuc", "number": None},
    "rdf/qualified": {"from": "pak", "to": "monusco", "type": "CONTRIBUTES"},
    "rdf/relation": {"from": "monuc", "to": "unsc", "type": "DEPENDS_ON", "key": "power--mandate"},
    "rdf/scheme_top": {"label": "Task"},
}
# What /ready reads to report the load itself: these show the pending mark, on purpose.
LOAD_STATE = {"system/dataset", "system/datasets"}


def _canonical(value: Any) -> Any:
    """Rows with every list sorted: the test is about which elements a reader sees, not their order."""
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_canonical(item) for item in value), key=lambda item: json.dumps(item, default=str))
    return value


def every_read(driver: Driver, database: str) -> dict[str, Any]:
    """The answer of every public read statement, with the parameters its header gives."""
    answers = {}
    for found in public_statements():
        if found.name in LOAD_STATE:
            continue
        params = PARAMS.get(found.name)
        if params is None and found.browser_params:
            literal = found.browser_params.removeprefix(":param").strip()
            assert literal.startswith("{"), f"{found.name}: give its parameters in PARAMS"
            records, _, _ = driver.execute_query(f"RETURN {literal} AS p", database_=database)
            params = records[0]["p"]
        records, _, _ = driver.execute_query(found.text, params or {}, database_=database)
        answers[found.name] = _canonical([record.data() for record in records])
    return answers


def _staged_count(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query(
        f"MATCH (n:{STAGED_LABEL}) RETURN count(n) AS n",
        database_=database,
    )
    return int(records[0]["n"])


def _ingest_process(settings: Settings, folder: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    env |= {"NEO4J_URI": settings.neo4j_uri, "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    kinds = [arg for kind in registry.NODE_KINDS for arg in ("--delete-kind", kind.label)]
    command = [sys.executable, "-m", "db.cli", "ingest", str(folder), "--source", "curated", "--quiet"]
    return subprocess.Popen(
        [*command, "--tx-elements", "1000", *kinds],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ six times over (bench/generate.py): a staged load of dozens of transactions."""
    folder = tmp_path_factory.mktemp("scale-6")
    generate(6, 1, folder)
    return folder


def test_a_load_killed_between_staged_commits_is_invisible_reported_and_repaired(
    graph: Driver, settings: Settings, large: Path
) -> None:
    database = settings.neo4j_database
    before = every_read(graph, database)
    before_graph = dump(graph, database)
    with LiveServer(settings) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        missions = client.get("/missions", params={"limit": 1}).json()["total"]
        assert client.get("/ready").json()["status"] == "ready"

        process = _ingest_process(settings, large)
        deadline = time.monotonic() + 240
        # Killed once some staged transactions have committed, long before its swap.
        while _staged_count(graph, database) < 3000:
            assert process.poll() is None, f"the load ended first: {process.communicate()}"
            assert time.monotonic() < deadline, "no staged transaction committed in time"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        left = _staged_count(graph, database)
        assert left >= 3000  # the partial load is in the store ...

        # ... and no reader sees it: /ready counts the old graph (and says a load is pending until
        # its mark goes stale), every read statement answers as before, and so does the API.
        ready = client.get("/ready").json()
        assert ready["status"] == "pending"
        assert ready["pending"] == ["curated"]
        assert ready["counts"] == {"nodes": len(before_graph[0]), "relationships": len(before_graph[1])}
        assert client.get("/missions", params={"limit": 1}).json()["total"] == missions
        assert every_read(graph, database) == before

        time.sleep(PENDING_LEASE_S + 1)
        ready = client.get("/ready").json()
        assert (ready["status"], ready["broken"], ready["pending"]) == ("broken", ["curated"], [])
        assert ready["dataset"]["pending"] is not None

        # The next load removes what the dead one wrote before it plans: the same files again
        # change nothing, and the graph is exactly the one before the killed load.
        summary = load_curated(graph, settings, DATA)
        assert summary.changed("created") == summary.changed("deleted") == 0
        assert dump(graph, database) == before_graph
        assert _staged_count(graph, database) == 0
        ready = client.get("/ready").json()
        assert (ready["status"], ready["broken"], ready["dataset"]["pending"]) == ("ready", [], None)


def test_a_second_load_while_one_is_running_is_refused(graph: Driver, settings: Settings, large: Path) -> None:
    """A fresh pending mark is a load still writing: another load of the source writes nothing."""
    from ingest.loader import LoadInProgress

    database = settings.neo4j_database
    before = dump(graph, database)
    process = _ingest_process(settings, large)
    try:
        deadline = time.monotonic() + 240
        while _staged_count(graph, database) == 0:
            assert process.poll() is None, f"the load ended first: {process.communicate()}"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        with pytest.raises(LoadInProgress, match="being loaded by another process"):
            load_curated(graph, settings, DATA)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    # The refused load wrote nothing: the graph is the old one plus the killed load's Pending nodes.
    records, _, _ = graph.execute_query(
        statement("system/counts").text,
        database_=database,
    )
    assert (records[0]["nodes"], records[0]["relationships"]) == (len(before[0]), len(before[1]))


class _Proxy:
    """A TCP relay to Neo4j's Bolt port that can be cut: every connection through it closes at once
    and no new one is accepted (what a lost network or a dead server looks like to the driver)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.is_cut = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.is_cut:
                client.close()
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)

    def cut(self) -> None:
        self.is_cut = True
        # shutdown, not only close: close leaves a socket blocked in accept() listening on Linux.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def test_neo4j_lost_mid_load_is_reported_and_what_was_written_stays_invisible(
    graph: Driver, settings: Settings, large: Path
) -> None:
    """The connection is cut after the second staged commit: the undo cannot run either. The error
    names the source and the state; readers see the old graph; the mark goes stale (broken), not a
    `pending` that lies; the next load repairs."""
    database = settings.neo4j_database
    before = every_read(graph, database)
    before_graph = dump(graph, database)
    proxy = _Proxy(settings.db_bolt_port)
    commits = 0

    def cut_after_two_commits(step: str, _rows: int, _total: int) -> None:
        nonlocal commits
        commits += step == "commit"
        if commits == 2 and step == "commit":
            proxy.cut()

    lossy = settings.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{proxy.port}"})
    started = time.monotonic()
    with create_sync_driver(lossy) as driver, pytest.raises(LoadAborted) as caught:
        ingest(
            driver,
            database,
            [CuratedYaml(large)],
            progress=cut_after_two_commits,
            tx_elements=1000,
            deletable=EVERY_LABEL,
        )
    assert time.monotonic() - started < 120
    assert caught.value.left_behind
    assert str(caught.value).startswith("the load of source 'curated' failed: Neo4j unreachable")
    assert "invisible to readers" in str(caught.value)
    assert _staged_count(graph, database) > 0
    assert every_read(graph, database) == before

    time.sleep(PENDING_LEASE_S + 1)
    records, _, _ = graph.execute_query(statement("system/datasets").text, database_=database)
    (curated,) = [dataset(r["dataset"]) for r in records if r["dataset"]["id"] == "curated"]
    assert load_state(curated) == "broken"

    load_curated(graph, settings, DATA)
    assert _staged_count(graph, database) == 0
    assert dump(graph, database) == before_graph
