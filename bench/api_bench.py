"""Query API benchmark (issue 6): the HTTP API next to the same Cypher through the driver.

    .venv/bin/python -m bench.api_bench            # writes its section of bench/RESULTS.md

One run, on its own Neo4j (bench/out/api, free ports, generated password) loaded with data/:

- latency (p50, p99) and throughput of the dependency, centrality and mandate-evolution
  endpoints under concurrent load: wrk (Debian package `wrk`) against uvicorn on 127.0.0.1, one
  worker; next to it, the statements each endpoint runs, through the async driver with the same
  concurrency from one Python process. The API's overhead is its p50 over the driver's p50.
- centrality at scales 1, 10 and 100 of bench/generate.py: igraph (what the service uses) next to
  networkx on the same graph, per metric, compute time only (the Cypher fetch is the same for both).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx
from neo4j import RoutingControl

from bench.generate import generate
from bench.harness import (
    OUT,
    bench_settings,
    cli,
    log,
    machine,
    machine_table,
    service_env,
    start_empty,
    wait_until_ready,
)
from bench.wrk import Latency, require_wrk, wrk
from db import local_server
from db.local_server import free_port
from ingest.pipeline import ingest
from ingest.sources.curated import CuratedYaml
from queries import statement
from queries.driver import create_driver, create_sync_driver
from schema.paths import DATA
from schema.settings import Settings
from service.read_models.centrality import RELATIONS, WeightedGraph, compute

HEADING = "## Query API (issue 6)"
HOME = OUT / "api" / "neo4j"
GOAL_OVERHEAD = 1.5


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    statements: list[tuple[str, dict[str, Any]]]  # what the endpoint runs, in order


ENDPOINTS = [
    Endpoint(
        "dependencies",
        "/dependencies?actor=unmik&depth=2",
        [("actors", {"ids": ["unmik"]}), ("dependencies_out", {"actor": "unmik", "kind": None, "depth": 2})],
    ),
    Endpoint(
        "centrality",
        "/centrality?metric=pagerank",
        [("actor_graph", {"relations": RELATIONS, "kind": None, "mission": None})],
    ),
    Endpoint(
        "mandate-evolution",
        "/missions/monuc/mandate-evolution",
        [("mission", {"id": "monuc"}), ("mandate_evolution", {"id": "monuc"})],
    ),
]


async def _driver_load(settings: Settings, endpoint: Endpoint, connections: int, duration_s: int) -> Latency:
    samples: list[float] = []
    async with create_driver(settings) as driver:
        deadline = time.perf_counter() + duration_s

        async def worker() -> None:
            while time.perf_counter() < deadline:
                began = time.perf_counter()
                for name, params in endpoint.statements:
                    records, _, _ = await driver.execute_query(
                        statement(name).text,
                        params,
                        database_=settings.neo4j_database,
                        routing_=RoutingControl.READ,
                    )
                    [record.data() for record in records]
                samples.append(time.perf_counter() - began)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(samples, n=100)
    return Latency(cuts[49] * 1000, cuts[98] * 1000, len(samples) / elapsed)


class Service:
    """uvicorn serving the app in its own process, one worker, access log off."""

    def __init__(self, settings: Settings) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "service.app:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            env=service_env(settings),
            stdout=subprocess.DEVNULL,
        )
        if not wait_until_ready(self.url, self.process, timeout_s=60, poll_s=0.3):
            self.stop()
            raise RuntimeError("the service did not become ready")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _networkx(graph: WeightedGraph, metric: str) -> dict[str, float]:
    directed = nx.DiGraph()
    directed.add_nodes_from(graph.nodes)
    for (a, b), weight in graph.edges.items():
        directed.add_edge(a, b, weight=weight, distance=1.0 / weight)
    if metric == "degree":
        return {n: float(d) for n, d in directed.degree()}
    if metric == "betweenness":
        return dict(nx.betweenness_centrality(directed, weight="distance", normalized=False))
    if metric == "pagerank":
        return dict(nx.pagerank(directed, alpha=0.85, weight="weight"))
    undirected = nx.Graph()
    undirected.add_nodes_from(graph.nodes)
    for (a, b), weight in graph.undirected().items():
        undirected.add_edge(a, b, weight=weight)
    # The numpy variant refuses disconnected graphs (the synthetic ones from scale 10 are); power
    # iteration answers for them as igraph does.
    return dict(nx.eigenvector_centrality(undirected, weight="weight", max_iter=10_000, tol=1e-9))


def _best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


@dataclass(frozen=True)
class CentralityTiming:
    scale: int
    nodes: int
    edges: int
    metric: str
    igraph_s: float
    networkx_s: float | None


def _centrality_at(settings: Settings, scale: int, networkx_budget_s: float) -> list[CentralityTiming]:
    folder = OUT / "api" / f"data-{scale}"
    shutil.rmtree(folder, ignore_errors=True)
    generate(scale, 1, folder)
    start_empty(settings)
    with create_sync_driver(settings) as driver:
        ingest(driver, settings.neo4j_database, [CuratedYaml(folder)])
        records, _, _ = driver.execute_query(
            statement("actor_graph").text,
            relations=RELATIONS,
            kind=None,
            mission=None,
            database_=settings.neo4j_database,
        )
    graph = WeightedGraph.from_relations((r["from"], r["to"], float(r["claims"])) for r in records)
    timings = []
    for metric in ("degree", "betweenness", "pagerank", "eigenvector"):
        igraph_s = _best_of(3, lambda metric=metric: compute(graph, metric))  # type: ignore[misc]
        networkx_s: float | None = None
        # networkx's betweenness is O(V*E) in pure Python: skip it where one run would blow the budget.
        estimate = len(graph.nodes) * len(graph.edges) / 2e6 if metric == "betweenness" else 0.0
        if estimate <= networkx_budget_s:
            networkx_s = _best_of(1 if scale >= 10 else 3, lambda metric=metric: _networkx(graph, metric))  # type: ignore[misc]
        timings.append(CentralityTiming(scale, len(graph.nodes), len(graph.edges), metric, igraph_s, networkx_s))
        log(f"centrality scale {scale} {metric}: igraph {igraph_s:.4f}s networkx {networkx_s}")
    return timings


def run(connections: int, duration_s: int, scales: list[int], networkx_budget_s: float) -> str:
    require_wrk()
    # The same server size as the ingest and RDF benchmarks, so their numbers compare.
    settings = bench_settings(HOME, heap="6g", pagecache="1g")
    log("starting Neo4j and loading data/")
    start_empty(settings)
    with create_sync_driver(settings) as driver:
        ingest(driver, settings.neo4j_database, [CuratedYaml(DATA)])
    rows: list[tuple[Endpoint, Latency, Latency]] = []
    service = Service(settings)
    try:
        for endpoint in ENDPOINTS:
            wrk(service.url + endpoint.path, connections, 2)  # warm up the service and the page cache
            api = wrk(service.url + endpoint.path, connections, duration_s)
            direct = asyncio.run(_driver_load(settings, endpoint, connections, duration_s))
            log(f"{endpoint.name}: API p50 {api.p50_ms:.2f} ms, driver p50 {direct.p50_ms:.2f} ms")
            rows.append((endpoint, api, direct))
    finally:
        service.stop()
    timings = [t for scale in scales for t in _centrality_at(settings, scale, networkx_budget_s)]
    local_server.stop(settings)
    return report(rows, timings, connections, duration_s)


def report(
    rows: list[tuple[Endpoint, Latency, Latency]], timings: list[CentralityTiming], connections: int, duration_s: int
) -> str:
    lines = [
        HEADING,
        "",
        f"`python -m bench.api_bench` — {connections} concurrent connections, {duration_s} s per "
        "measurement, one uvicorn worker, Neo4j heap 6 GB / page cache 1 GB, on this machine:",
        "",
        *machine_table(machine()),
        "",
        "### Latency under load: API (wrk) vs. the same Cypher through the driver",
        "",
        "| endpoint | API p50 ms | API p99 ms | API req/s | driver p50 ms | driver p99 ms | driver req/s "
        "| API p50 / driver p50 | goal ≤ 1.5 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for endpoint, api, direct in rows:
        ratio = api.p50_ms / direct.p50_ms
        lines.append(
            f"| {endpoint.name} `{endpoint.path}` | {api.p50_ms:.2f} | {api.p99_ms:.2f} | {api.per_s:,.0f} "
            f"| {direct.p50_ms:.2f} | {direct.p99_ms:.2f} | {direct.per_s:,.0f} | {ratio:.2f} "
            f"| {'yes' if ratio <= GOAL_OVERHEAD else 'no'} |"
        )
    lines += [
        "",
        "### Centrality: igraph (the service) vs. networkx on the same graph, compute only",
        "",
        "| scale | actors | edges | metric | igraph s | networkx s | networkx / igraph |",
        "|---|---|---|---|---|---|---|",
    ]
    for t in timings:
        speedup = f"{t.networkx_s / t.igraph_s:,.0f} x" if t.networkx_s else "not run (over budget)"
        nx_s = f"{t.networkx_s:.4f}" if t.networkx_s is not None else "-"
        lines.append(f"| {t.scale} | {t.nodes:,} | {t.edges:,} | {t.metric} | {t.igraph_s:.4f} | {nx_s} | {speedup} |")
    return "\n".join(lines) + "\n"


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument(
        "--networkx-budget",
        type=float,
        default=300.0,
        help="skip a networkx betweenness run estimated to take longer (seconds)",
    )


def main(argv: list[str] | None = None) -> int:
    return cli(
        HEADING,
        __doc__.split("\n\n")[0],
        argv,
        _arguments,
        lambda args: run(args.connections, args.duration, args.scales, args.networkx_budget),
    )


if __name__ == "__main__":
    sys.exit(main())
