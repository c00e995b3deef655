"""Page benchmark (issue 14): how fast each page for people answers, p50 and p99, sequential.

    make run                                     # (elsewhere) the service on data/, as a reader uses it
    .venv/bin/python -m bench.page_bench --base http://127.0.0.1:8000 [--runs 100]
        [--uncached http://127.0.0.1:8001]       # the same data served with PKGRAPH_CACHE_BYTES=0

Each page is asked `--runs` times one after the other (after two warm-up requests, which also fill
the answer cache) with the Accept header Chromium sends, so the HTML is rendered as for a browser;
the time is the whole HTTP answer at the client. The goal is a p50 under 100 ms. `--uncached`
measures a second service without the answer cache as well: what a page costs when it is built
(statements, read model, template), where the cache has not seen it yet or the data has changed.
The services must already serve data/ (curated and public sources as `pkgraph ingest` loads them);
the bench writes its section of bench/RESULTS.md with the machine and its load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import httpx

from bench.harness import log, machine, machine_table, write_section

HEADING = "## Pages for people (issue 14)"
GOAL_MS = 100.0
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
PAGES = [
    ("home", "/"),
    ("mission (MONUSCO)", "/explore/mission/monusco"),
    ("mission (UNMIK)", "/explore/mission/unmik"),
    ("organisation (UNSC)", "/explore/organisation/unsc"),
    ("resolution 1244", "/explore/resolution/1244"),
    ("interview drc-14", "/explore/interview/drc-14"),
    ("claim", "/explore/claim/c-5-3-3"),
    ("code", "/explore/code/power-dependency"),
    ("mandate (thesis, MONUC 1291)", "/explore/mandate/monuc-1291"),
    ("mandate (PEMA, MONUC 1291)", "/explore/mandate/pema-monuc-1291"),
    ("state (Pakistan)", "/explore/organisation/pak"),
    ("network", "/explore/network"),
    ("network, one mission", "/explore/network?mission=unmik"),
    ("claims browser", "/explore/claims"),
    ("claims browser, two facets", "/explore/claims?code=power-dependency&chapter=5"),
    ("finding", "/explore/finding/f-7-2-4"),
    ("findings browser", "/explore/findings"),
    ("findings browser, a facet", "/explore/findings?research_question=rq1"),
    ("search", "/explore/search?q=budget"),
    ("list as HTML: tasks", "/tasks"),
    ("list as HTML: statements", "/statements"),
    # API routes the pages are built from, in the same run: what the machine gives at that moment.
    ("reference: mandate evolution (JSON)", "/missions/monusco/mandate-evolution"),
    ("reference: centrality (JSON)", "/centrality"),
    ("reference: health", "/health"),
]


def measure(client: httpx.Client, path: str, runs: int) -> tuple[float, float, int]:
    """p50 and p99 in ms, and the page's size in bytes."""
    for _ in range(2):
        client.get(path, headers=HTML).raise_for_status()
    times = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path, headers=HTML)
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
        size = len(response.content)
    return statistics.median(times), statistics.quantiles(times, n=100)[98], size


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--uncached", help="a second service on the same data with PKGRAPH_CACHE_BYTES=0")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    rows = []
    load_before = load()
    with (
        httpx.Client(base_url=args.base, timeout=60) as client,
        httpx.Client(base_url=args.uncached or args.base, timeout=60) as uncached,
    ):
        for name, path in PAGES:
            p50, p99, size = measure(client, path, args.runs)
            cold = ""
            if args.uncached:
                u50, u99, _ = measure(uncached, path, max(args.runs // 5, 10))
                cold = f" {u50:.1f} | {u99:.1f} |"
            log(f"{name}: p50 {p50:.1f} ms, p99 {p99:.1f} ms{cold}")
            rows.append(
                f"| {name} | `{path}` | {p50:.1f} | {p99:.1f} | {size / 1024:.0f} | "
                f"{'yes' if p50 < GOAL_MS else 'no'} |{cold}"
            )
    columns = "| page | path | p50 ms | p99 ms | KiB | p50 < 100 ms |"
    rule = "|---|---|---:|---:|---:|---|"
    if args.uncached:
        columns += " uncached p50 ms | uncached p99 ms |"
        rule += "---:|---:|"
    text = "\n".join(
        [
            HEADING,
            "",
            f"`.venv/bin/python -m bench.page_bench --base URL --runs {args.runs}"
            + (" --uncached URL2" if args.uncached else "")
            + "` (bench/page_bench.py): each page asked one request after another with a browser's Accept header "
            "(HTML rendered), after two warm-up requests that also fill the answer cache; the service (`pkgraph "
            "serve`, one process) on data/ as `pkgraph ingest` loads it"
            + (
                f"; *uncached*: a second service on the same Neo4j with PKGRAPH_CACHE_BYTES=0, "
                f"{max(args.runs // 5, 10)} requests per page"
                if args.uncached
                else ""
            )
            + f". Goal: p50 under {GOAL_MS:.0f} ms.",
            "",
            columns,
            rule,
            *rows,
            "",
            *machine_table({**machine(), "load average (uptime) before": load_before, "after": load()}),
        ]
    )
    write_section(HEADING, text)


if __name__ == "__main__":
    main()
