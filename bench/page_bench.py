"""Page benchmark (issue 14): how fast each page for people answers, p50 and p90, sequential.

    make run                                     # (elsewhere) the service on data/, as a reader uses it
    .venv/bin/python -m bench.page_bench --base http://127.0.0.1:8000 [--runs 30]

Each page is asked `--runs` times one after the other (after two warm-up requests) with the
Accept header Chromium sends, so the HTML is rendered as for a browser; the time is the whole
HTTP answer at the client (statements, read model, template). The goal is a p50 under 100 ms.
The service must already serve data/ (curated and public sources as `pkgraph ingest` loads them);
the bench writes its section of bench/RESULTS.md with the machine it ran on.
"""

from __future__ import annotations

import argparse
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
    ("network", "/explore/network"),
    ("network, one mission", "/explore/network?mission=unmik"),
    ("claims browser", "/explore/claims"),
    ("claims browser, two facets", "/explore/claims?code=power-dependency&chapter=5"),
    ("search", "/explore/search?q=budget"),
    # API routes the pages are built from, in the same run: what the machine gives at that moment.
    ("reference: mandate evolution (JSON)", "/missions/monusco/mandate-evolution"),
    ("reference: centrality (JSON)", "/centrality"),
    ("reference: health", "/health"),
]


def measure(client: httpx.Client, path: str, runs: int) -> tuple[float, float, int]:
    """p50 and p90 in ms, and the page's size in bytes."""
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
    quantiles = statistics.quantiles(times, n=10)
    return statistics.median(times), quantiles[8], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    rows = []
    with httpx.Client(base_url=args.base, timeout=60) as client:
        for name, path in PAGES:
            p50, p90, size = measure(client, path, args.runs)
            log(f"{name}: p50 {p50:.1f} ms, p90 {p90:.1f} ms")
            rows.append(
                f"| {name} | `{path}` | {p50:.1f} | {p90:.1f} | {size / 1024:.0f} | "
                f"{'yes' if p50 < GOAL_MS else 'no'} |"
            )
    text = "\n".join(
        [
            HEADING,
            "",
            f"`.venv/bin/python -m bench.page_bench --base URL --runs {args.runs}` (bench/page_bench.py): each page "
            "asked one request after another with a browser's Accept header (HTML rendered), after two warm-up "
            f"requests; the service (`pkgraph serve`, one process) on data/ as `pkgraph ingest` loads it. Goal: p50 "
            f"under {GOAL_MS:.0f} ms.",
            "",
            "| page | path | p50 ms | p90 ms | KiB | p50 < 100 ms |",
            "|---|---|---:|---:|---:|---|",
            *rows,
            "",
            *machine_table(machine()),
        ]
    )
    write_section(HEADING, text)


if __name__ == "__main__":
    main()
