"""Answer cache benchmark (issue 15): each analytical endpoint from memory vs. through the driver.

    .venv/bin/python -m bench.cache_bench            # writes its section of bench/RESULTS.md

One run, on its own Neo4j (bench/out/cache, free ports, generated password). For each dataset (the
curated data/, then scales 10 and 100 of bench/generate.py) three uvicorn processes, one worker each,
serve the same graph side by side: *cached* (the default settings) and *driver* (PKGRAPH_CACHE_BYTES=0,
every answer computed by its route through the driver), and a third, *check 100 ms*
(PKGRAPH_CACHE_CHECK_MS=100, no warm-up of its own so it does not compete with the cached one's:
each endpoint is asked for once before it is measured). wrk measures each endpoint against all
three in turn (p50, p99, requests/s), `/health` (the HTTP floor) and the 304 path (If-None-Match
with the current tag), after the cached process has finished its warm-up. Also: how long the
warm-up takes and what it kept, the first request to each endpoint after start (driver process: its
cold path; cached: after the warm-up) and the answer's size, and each process's RSS.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

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
from queries.driver import create_sync_driver
from schema.paths import DATA
from schema.settings import Settings

HEADING = "## Answer cache (issue 15)"
HOME = OUT / "cache" / "neo4j"
GOAL_HEALTH = 2.0  # cached p50 within 2x /health's
GOAL_THROUGHPUT = 10.0  # cached requests/s at least 10x the driver path's
CHECK_MS = 100  # the third process: PKGRAPH_CACHE_CHECK_MS
# A driver-path answer can take seconds: wrk runs long enough for several to finish (at most this).
DRIVER_MAX_S = 30
# wrk drops an answer slower than its 2 s default from the latencies: the driver path can be slower.
WRK_TIMEOUT_S = 60
WARMED = re.compile(r"answer cache warmed: (\d+) answers, (\d+) bytes in ([\d.]+) s")
# The service with logging at INFO, so the warm-up's line reaches stderr.
SERVE = (
    "import logging, sys, uvicorn\n"
    "logging.basicConfig(level=logging.INFO, format='%(name)s %(message)s')\n"
    "uvicorn.run('service.app:create_app', factory=True, host='127.0.0.1', port=int(sys.argv[1]),"
    " access_log=False, log_level='warning')\n"
)


class Service:
    """uvicorn serving the app in its own process, one worker; its stderr read for the warm-up line."""

    def __init__(
        self, settings: Settings, cache_bytes: int | None = None, check_ms: int | None = None, warm: bool = True
    ) -> None:
        self.port = free_port()
        env = service_env(settings)
        if not warm:
            env["PKGRAPH_CACHE_WARM"] = "0"
        if cache_bytes is not None:
            env["PKGRAPH_CACHE_BYTES"] = str(cache_bytes)
        if check_ms is not None:
            env["PKGRAPH_CACHE_CHECK_MS"] = str(check_ms)
        # The machine is shared: a statement slowed past the default 10 s would fail the measurement.
        env["PKGRAPH_QUERY_TIMEOUT"] = "300"
        self.started = time.monotonic()
        self.warmed = threading.Event()
        self.warm_line: tuple[int, int, float] | None = None
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", SERVE, str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._read_log, daemon=True).start()
        if not wait_until_ready(self.url, self.process, timeout_s=120, poll_s=0.1):
            self.stop()
            raise RuntimeError("the service did not become ready")
        self.ready_s = time.monotonic() - self.started

    def _read_log(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            found = WARMED.search(line)
            if found and not self.warmed.is_set():
                self.warm_line = (int(found.group(1)), int(found.group(2)), float(found.group(3)))
                self.warmed.set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@dataclass(frozen=True)
class Row:
    dataset: str
    name: str
    path: str
    cached: Latency
    interval: Latency  # cached, the version read at most every CHECK_MS
    driver: Latency
    first_driver_ms: float
    first_cached_ms: float
    cached_bytes: int  # the answer's body


@dataclass(frozen=True)
class Run:
    dataset: str
    nodes: int
    health: Latency
    not_modified: Latency
    rows: list[Row]
    warm: tuple[int, int, float] | None  # answers, bytes, seconds
    warm_wait_s: float
    rss_warmed_mib: float  # the cached process right after its warm-up
    rss_cached_mib: float
    rss_driver_mib: float
    failed: list[str]  # endpoints the driver path did not answer with 200: not measured


def _endpoints(client: httpx.Client) -> list[tuple[str, str]]:
    """The analytical endpoints, for the dataset's first mission and organisation (ids differ by scale)."""
    mission = client.get("/missions", params={"limit": 1}).json()["items"][0]["id"]
    organisation = client.get("/organisations", params={"limit": 1}).json()["items"][0]["id"]
    return [
        ("dependencies", f"/dependencies?actor={mission}&depth=2"),
        ("centrality pagerank", "/centrality?metric=pagerank"),
        ("mandate evolution", f"/missions/{mission}/mandate-evolution"),
        ("mission details", f"/mission/{mission}"),
        ("organisation details", f"/organisation/{organisation}"),
        ("missions list", "/missions"),
        ("VoID", "/.well-known/void"),
    ]


def _first(url: str) -> tuple[float, int] | None:
    """The time of one request and its body's size, or None when it did not answer 200."""
    began = time.perf_counter()
    response = httpx.get(url, timeout=600)
    if response.status_code != 200:
        log(f"{url}: {response.status_code} {response.text[:300]}")
        return None
    return (time.perf_counter() - began) * 1000, len(response.content)


def _driver_duration_s(duration_s: int, first_ms: float) -> int:
    # With 8 connections on one worker an answer waits for the 7 before it: ~8x its own time.
    return max(duration_s, min(DRIVER_MAX_S, round(10 * first_ms / 1000)))


def _measure(settings: Settings, dataset: str, connections: int, duration_s: int, warm_timeout_s: float) -> Run:
    with create_sync_driver(settings) as driver:
        nodes = int(driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"])
    uncached = Service(settings, cache_bytes=0)
    cached = Service(settings)
    interval = Service(settings, check_ms=CHECK_MS, warm=False)
    try:
        with httpx.Client(base_url=uncached.url, timeout=600) as client:
            endpoints = _endpoints(client)
        # The driver process's first request to each endpoint: what every request paid before the cache.
        first_driver = {name: _first(uncached.url + path) for name, path in endpoints}
        failed = [f"{name} `{path}`" for name, path in endpoints if first_driver[name] is None]
        endpoints = [(name, path) for name, path in endpoints if first_driver[name] is not None]
        waited = time.monotonic()
        cached.warmed.wait(timeout=warm_timeout_s)
        warm_wait_s = time.monotonic() - cached.started
        rss_warmed = cached.rss_mib()
        log(f"{dataset}: warm-up {cached.warm_line} after {warm_wait_s:.1f} s (waited {time.monotonic() - waited:.1f})")
        first_cached = {name: _first(cached.url + path) for name, path in endpoints}
        for _, path in endpoints:
            _first(interval.url + path)  # its one miss, before it is measured
        health = wrk(cached.url + "/health", connections, duration_s, timeout_s=WRK_TIMEOUT_S)
        rows = []
        for name, path in endpoints:
            driver_first, _ = first_driver[name] or (0.0, 0)
            cached_first, cached_bytes = first_cached[name] or (0.0, 0)
            on_cache = wrk(cached.url + path, connections, duration_s, timeout_s=WRK_TIMEOUT_S)
            on_interval = wrk(interval.url + path, connections, duration_s, timeout_s=WRK_TIMEOUT_S)
            driver_s = _driver_duration_s(duration_s, driver_first)
            on_driver = wrk(uncached.url + path, connections, driver_s, timeout_s=WRK_TIMEOUT_S)
            log(
                f"{dataset} {name}: cached p50 {on_cache.p50_ms:.2f} ms {on_cache.per_s:.0f}/s, "
                f"interval p50 {on_interval.p50_ms:.2f} ms {on_interval.per_s:.0f}/s, "
                f"driver p50 {on_driver.p50_ms:.2f} ms {on_driver.per_s:.0f}/s ({driver_s} s); {cached_bytes:,} bytes"
            )
            rows.append(
                Row(
                    dataset,
                    name,
                    path,
                    on_cache,
                    on_interval,
                    on_driver,
                    driver_first,
                    cached_first,
                    cached_bytes,
                )
            )
        mission_path = dict(endpoints)["mission details"]
        tag = httpx.get(cached.url + mission_path, timeout=60).headers["etag"]
        not_modified = wrk(
            cached.url + mission_path, connections, duration_s, {"If-None-Match": tag}, timeout_s=WRK_TIMEOUT_S
        )
        return Run(
            dataset,
            nodes,
            health,
            not_modified,
            rows,
            cached.warm_line,
            warm_wait_s,
            rss_warmed,
            cached.rss_mib(),
            uncached.rss_mib(),
            failed,
        )
    finally:
        cached.stop()
        interval.stop()
        uncached.stop()


def _load(settings: Settings, folder: Path) -> None:
    start_empty(settings)
    with create_sync_driver(settings) as driver:
        ingest(driver, settings.neo4j_database, [CuratedYaml(folder)])


def run(connections: int, duration_s: int, scales: list[int], warm_timeout_s: float) -> str:
    require_wrk()
    load_at_start = os.getloadavg()
    settings = bench_settings(HOME, heap="2g", pagecache="1g")
    runs = []
    log("curated data/")
    _load(settings, DATA)
    runs.append(_measure(settings, "curated", connections, duration_s, warm_timeout_s))
    for scale in scales:
        folder = OUT / "cache" / f"data-{scale}"
        shutil.rmtree(folder, ignore_errors=True)
        generate(scale, 1, folder)
        log(f"scale {scale}: loading")
        _load(settings, folder)
        runs.append(_measure(settings, f"scale {scale}", connections, duration_s, warm_timeout_s))
    local_server.stop(settings)
    return report(runs, connections, duration_s, load_at_start, os.getloadavg())


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


Load = tuple[float, float, float]


def _load_text(load: Load) -> str:
    return f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"


def report(runs: list[Run], connections: int, duration_s: int, load_at_start: Load, load: Load) -> str:
    lines = [
        HEADING,
        "",
        f"`python -m bench.cache_bench` — wrk, {connections} connections, {duration_s} s per measurement "
        f"(the driver path up to {DRIVER_MAX_S} s when its answers take seconds), one "
        "uvicorn worker per process, Neo4j heap 2 GB / page cache 1 GB; *cached* = default settings "
        "(PKGRAPH_CACHE_BYTES 256 MiB), *driver* = "
        "PKGRAPH_CACHE_BYTES=0, the same graph, measured one after the other in the same run. The machine "
        "(2 cores) was shared with other engineers' test suites and Neo4j servers while this ran: load "
        f"average (1/5/15 min) at the start {_load_text(load_at_start)}, at the end {_load_text(load)}, so "
        "absolute numbers are noisy; the ratios compare runs made seconds apart.",
        "",
        *machine_table(machine()),
        "",
        f"*check {CHECK_MS} ms* = a third process with PKGRAPH_CACHE_CHECK_MS={CHECK_MS} (the version read "
        "reused for that long), not warmed: each endpoint asked for once before it is measured. "
        "Ratios: cached p50 over /health p50 (goal ≤ 2), cached req/s over driver "
        "req/s (goal ≥ 10).",
        "",
        "| dataset | endpoint | cached p50 / p99 ms | cached req/s | check "
        f"{CHECK_MS} ms p50 / p99 ms | check {CHECK_MS} ms req/s | driver p50 / p99 ms | driver req/s "
        f"| cached: vs /health, vs driver | check {CHECK_MS} ms: vs /health, vs driver |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]

    def ratios(latency: Latency, health: Latency, driver: Latency) -> str:
        to_health = latency.p50_ms / health.p50_ms
        if not driver.per_s:  # no driver answer finished within its measurement: no ratio to give
            return f"{to_health:.2f} {_yes(to_health <= GOAL_HEALTH)}, driver not measured"
        speed = latency.per_s / driver.per_s
        return f"{to_health:.2f} {_yes(to_health <= GOAL_HEALTH)}, {speed:,.1f}x {_yes(speed >= GOAL_THROUGHPUT)}"

    for run in runs:
        for row in run.rows:
            lines.append(
                f"| {run.dataset} | {row.name} `{row.path}` | {row.cached.p50_ms:.2f} / {row.cached.p99_ms:.2f} "
                f"| {row.cached.per_s:,.0f} | {row.interval.p50_ms:.2f} / {row.interval.p99_ms:.2f} "
                f"| {row.interval.per_s:,.0f} | {row.driver.p50_ms:.2f} / {row.driver.p99_ms:.2f} "
                f"| {row.driver.per_s:,.0f} | {ratios(row.cached, run.health, row.driver)} "
                f"| {ratios(row.interval, run.health, row.driver)} |"
            )
    lines += [
        "",
        "| dataset | nodes | /health p50 ms | /health req/s | 304 p50 ms | 304 req/s | warm-up: answers, MiB, s "
        "| start → warmed s | RSS cached MiB: warmed, end | RSS driver MiB |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for run in runs:
        warm = (
            f"{run.warm[0]:,}, {run.warm[1] / 2**20:.1f}, {run.warm[2]:.1f}"
            if run.warm
            else f"not finished in {run.warm_wait_s:.0f} s"
        )
        lines.append(
            f"| {run.dataset} | {run.nodes:,} | {run.health.p50_ms:.2f} | {run.health.per_s:,.0f} "
            f"| {run.not_modified.p50_ms:.2f} | {run.not_modified.per_s:,.0f} | {warm} | {run.warm_wait_s:.1f} "
            f"| {run.rss_warmed_mib:.0f}, {run.rss_cached_mib:.0f} | {run.rss_driver_mib:.0f} |"
        )
    for run in runs:
        if run.failed:
            lines.append(f"\n{run.dataset}: not measured, the driver path did not answer 200: {', '.join(run.failed)}.")
    lines += [
        "",
        "First request to each endpoint after start, ms (driver: the process's cold path, what every "
        "request cost before; cached: right after the warm-up), and the cached answer's size:",
        "",
        "| dataset | endpoint | driver ms | cached ms | bytes |",
        "|---|---|---:|---:|---:|",
    ]
    for run in runs:
        for row in run.rows:
            lines.append(
                f"| {run.dataset} | {row.name} | {row.first_driver_ms:.1f} | {row.first_cached_ms:.1f} "
                f"| {row.cached_bytes:,} |"
            )
    return "\n".join(lines) + "\n"


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--scales", type=int, nargs="*", default=[10, 100])
    parser.add_argument("--warm-timeout", type=float, default=420.0, help="seconds to wait for the warm-up")


def main(argv: list[str] | None = None) -> int:
    return cli(
        HEADING,
        __doc__.split("\n\n")[0],
        argv,
        _arguments,
        lambda args: run(args.connections, args.duration, args.scales, args.warm_timeout),
    )


if __name__ == "__main__":
    sys.exit(main())
