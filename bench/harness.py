"""What every benchmark shares: its own Neo4j, machine facts, its section of RESULTS.md, its `main()`."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from db import local_server
from db.local_server import free_port, wait_until_online
from queries.driver import create_sync_driver
from schema.graph_schema import apply_schema
from schema.paths import PROJECT_ROOT
from schema.settings import Settings

RESULTS = PROJECT_ROOT / "bench" / "RESULTS.md"
OUT = PROJECT_ROOT / "bench" / "out"


def status_kib(field: str) -> int:
    """VmRSS (resident now) or VmHWM (this process's peak since its exec) from /proc/self/status, in KiB.

    Not getrusage's ru_maxrss: Linux carries a parent's peak RSS into a child across fork and
    exec, so a child started by a benchmark that has just loaded scale 100 reports that
    process's peak as its own.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def bench_settings(home: Path, heap: str, pagecache: str) -> Settings:
    """A private Neo4j on free ports with a generated password, so a benchmark runs beside anything."""
    bolt, http = free_port(), free_port()
    return Settings.model_validate(
        {
            "neo4j_uri": f"bolt://127.0.0.1:{bolt}",
            "neo4j_password": secrets.token_urlsafe(18),
            "db_home": home,
            "db_bolt_port": bolt,
            "db_http_port": http,
            "db_heap": heap,
            "db_pagecache": pagecache,
        }
    )


def start_empty(settings: Settings) -> None:
    """Start the benchmark's Neo4j on an empty store with the schema applied.

    The whole data folder goes, system database included: it keeps the password of an earlier
    run, and each run generates its own.
    """
    local_server.stop(settings)
    shutil.rmtree(settings.db_home / "data", ignore_errors=True)
    local_server.start(settings)
    with create_sync_driver(settings) as driver:
        wait_until_online(driver, settings.neo4j_database)
        apply_schema(driver, settings.neo4j_database)


def machine() -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line), "unknown")
    memory = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
    java = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False).stderr  # noqa: S607
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": f"{os.cpu_count()} (usable {len(os.sched_getaffinity(0))})",
        "cpu model": cpu,
        "memory": f"{int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "unknown",
        "python": platform.python_version(),
        "java": java.splitlines()[0] if java else "unknown",
        "os": platform.platform(),
    }


def machine_table(facts: dict[str, str]) -> list[str]:
    return ["| machine | |", "|---|---|", *(f"| {k} | {v} |" for k, v in facts.items())]


def write_section(heading: str, text: str, path: Path = RESULTS) -> None:
    """Replace one benchmark's section of RESULTS.md (from `heading` to the next `## `); keep the others."""
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    lines = current.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == heading), None)
    if start is None:
        path.write_text(current.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n", encoding="utf-8")
        return
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    tail = "".join(lines[end:])
    path.write_text("".join(lines[:start]) + text.rstrip("\n") + "\n" + ("\n" + tail if tail else ""), encoding="utf-8")


def cli(
    heading: str,
    description: str,
    argv: list[str] | None,
    arguments: Callable[[argparse.ArgumentParser], None],
    run: Callable[[argparse.Namespace], str | None],
) -> int:
    """A benchmark's `main()`: its own `arguments`, then `--no-write`; `run` gives the section under
    `heading`, printed and written into RESULTS.md unless `--no-write` (None: nothing to print, as
    when a benchmark runs itself as a worker and has printed its own answer)."""
    parser = argparse.ArgumentParser(description=description)
    arguments(parser)
    parser.add_argument("--no-write", action="store_true", help="print the section only; leave RESULTS.md alone")
    args = parser.parse_args(argv)
    text = run(args)
    if text is None:
        return 0
    print(text)
    if not args.no_write:
        write_section(heading, text)
    return 0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def service_env(settings: Settings) -> dict[str, str]:
    """The environment of a service process on the benchmark's Neo4j: the caller's own NEO4J_ and
    PKGRAPH_ settings left out, so a developer's .env or shell cannot point it elsewhere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    return env | {"NEO4J_URI": settings.neo4j_uri, "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}


def wait_until_ready(
    url: str, process: subprocess.Popen[str] | subprocess.Popen[bytes], timeout_s: float, poll_s: float
) -> bool:
    """Poll `url`/ready until it answers 200 (True), or the process exits or the time runs out (False)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(f"{url}/ready", timeout=5).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            return False
        time.sleep(poll_s)
