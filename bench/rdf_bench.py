"""RDF export benchmark (issue 7): streamed N-Triples next to rdflib, at several scales, in one run.

    .venv/bin/python -m bench.rdf_bench                   # scales 1, 10, 100 of bench/generate.py
    .venv/bin/python -m bench.rdf_bench --scales 1 10     # fewer scales
    .venv/bin/python -m bench.rdf_bench --data FOLDER     # one given data folder instead

One private Neo4j (free ports, generated password) is loaded with each scale in turn; for each
scale both export paths run on the same graph, each in its own fresh Python process (so a
process's peak RSS is that path's peak memory, nothing left over from the other), `--repeat`
times alternately, best time kept:

- stream: `service.rdf.export.quad_pages` → `ntriples_chunks` → bytes written to /dev/null,
  exactly what `GET /rdf?format=nt` sends (nodes read from Neo4j a page at a time);
- rdflib: the same quads collected, an rdflib Graph built, serialised as N-Triples (what a
  service without the streaming path would do; also the path of Turtle, JSON-LD, RDF/XML, TriG).

Triples/s = triples written / wall time of the export (connect excluded). Peak memory = the
worker's peak RSS (VmHWM) minus its RSS just before the export (interpreter, libraries,
driver); the stream worker also samples its RSS every 200,000 triples. Results replace the
"RDF export (issue 7)" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEADING = "## RDF export (issue 7)"
BASE = "http://pkgraph.example/"


async def _worker(path: str, uri: str, password: str) -> dict[str, Any]:
    from bench.harness import status_kib
    from queries.driver import create_driver
    from schema.settings import Settings
    from service.rdf.export import collect, ntriples_chunks, quad_pages, to_graph
    from service.rdf.mapping import Mapper

    mapper = Mapper(BASE)
    settings = Settings.model_validate({"neo4j_uri": uri, "neo4j_password": password})
    async with create_driver(settings) as driver:
        await driver.verify_connectivity()
        baseline = status_kib("VmRSS")
        started = time.perf_counter()
        written = 0
        triples = 0
        # RSS every 200,000 triples: a growth with the graph shows as a rising series.
        samples: list[int] = []
        with open(os.devnull, "wb") as sink:
            if path == "stream":
                async for chunk in ntriples_chunks(quad_pages(driver, "neo4j", mapper)):
                    written += sink.write(chunk)
                    triples += chunk.count(b"\n")
                    if triples >= 200_000 * (len(samples) + 1):
                        samples.append(status_kib("VmRSS"))
            else:
                graph = to_graph(await collect(quad_pages(driver, "neo4j", mapper)), BASE)
                data = graph.serialize(format="nt", encoding="utf-8")
                written += sink.write(data)
                triples = len(graph)
        seconds = time.perf_counter() - started
    peak = status_kib("VmHWM")
    return {
        "path": path,
        "triples": triples,
        "bytes": written,
        "seconds": seconds,
        "baseline_kib": baseline,
        "peak_kib": peak,
        "rss_samples_kib": samples,
    }


@dataclass
class Measure:
    scale: str
    path: str
    triples: int
    seconds: float
    baseline_mib: float
    peak_mib: float
    samples_mib: list[float]

    @property
    def per_second(self) -> float:
        return self.triples / self.seconds

    @property
    def extra_mib(self) -> float:
        return self.peak_mib - self.baseline_mib

    @property
    def sampled(self) -> str:
        """RSS over the export, first and last sample and the highest, or '-' when too short to sample."""
        if not self.samples_mib:
            return "-"
        first, last, high = self.samples_mib[0], self.samples_mib[-1], max(self.samples_mib)
        return f"{first:.0f} → {last:.0f} (max {high:.0f})"


def _run_worker(path: str, uri: str, password: str) -> dict[str, Any]:
    env = {**os.environ, "PKGRAPH_BENCH_PASSWORD": password}
    done = subprocess.run(  # noqa: S603  # our own interpreter and module, fixed arguments
        [sys.executable, "-m", "bench.rdf_bench", "--worker", path, "--uri", uri],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=3600,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(scale: str, uri: str, password: str, repeat: int) -> list[Measure]:
    from bench.harness import log

    best: dict[str, dict[str, Any]] = {}
    for _ in range(repeat):
        for path in ("stream", "rdflib"):
            result = _run_worker(path, uri, password)
            log(
                f"scale {scale} {path}: {result['triples']:,} triples in {result['seconds']:.2f}s, "
                f"peak {result['peak_kib'] / 1024:.0f} MiB (before {result['baseline_kib'] / 1024:.0f}), "
                f"RSS samples MiB {[round(k / 1024) for k in result['rss_samples_kib']]}"
            )
            if path not in best or result["seconds"] < best[path]["seconds"]:
                best[path] = result
    if best["stream"]["triples"] != best["rdflib"]["triples"]:
        raise RuntimeError(f"the two paths wrote different triple counts: {best}")
    return [
        Measure(
            scale,
            path,
            r["triples"],
            r["seconds"],
            r["baseline_kib"] / 1024,
            r["peak_kib"] / 1024,
            [k / 1024 for k in r["rss_samples_kib"]],
        )
        for path, r in best.items()
    ]


def report(measures: list[Measure], facts: dict[str, str], repeat: int) -> str:
    from bench.harness import machine_table

    lines = [
        HEADING,
        "",
        "`.venv/bin/python -m bench.rdf_bench` (bench/rdf_bench.py). Synthetic data of bench/generate.py at each",
        "scale, loaded into a private Neo4j 5.26; both paths export the same graph, each in a fresh process,",
        f"best of {repeat} alternating runs. *stream* = `GET /rdf?format=nt` (N-Triples written page by page);",
        "*rdflib* = the same quads into an rdflib Graph, serialised as N-Triples. Memory = peak RSS (VmHWM) of",
        "the worker minus its RSS before the export (interpreter, libraries and driver excluded); *stream RSS*",
        "= the stream worker's whole RSS sampled every 200,000 triples (first → last, highest).",
        "",
        "| scale | triples | stream s | stream triples/s | rdflib s | rdflib triples/s | speed-up | stream peak MiB "
        "| rdflib peak MiB | stream RSS MiB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    by_scale: dict[str, dict[str, Measure]] = {}
    for m in measures:
        by_scale.setdefault(m.scale, {})[m.path] = m
    for scale, pair in by_scale.items():
        s, r = pair["stream"], pair["rdflib"]
        lines.append(
            f"| {scale} | {s.triples:,} | {s.seconds:.2f} | {s.per_second:,.0f} | {r.seconds:.2f} | "
            f"{r.per_second:,.0f} | {r.seconds / s.seconds:.1f}x | {s.extra_mib:.0f} | {r.extra_mib:.0f} | "
            f"{s.sampled} |"
        )
    lines += ["", *machine_table(facts), ""]
    return "\n".join(lines)


def _load(settings: Any, folder: Path) -> None:
    from bench.harness import log, start_empty
    from ingest.pipeline import ingest
    from ingest.sources.curated import CuratedYaml
    from queries.driver import create_sync_driver

    start_empty(settings)
    with create_sync_driver(settings) as driver:
        started = time.perf_counter()
        ingest(driver, settings.neo4j_database, [CuratedYaml(folder)])
        log(f"loaded {folder} in {time.perf_counter() - started:.0f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--data", type=Path, default=None, help="bench this data folder instead of generated scales")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="print the section, do not touch RESULTS.md")
    parser.add_argument("--worker", choices=["stream", "rdflib"], help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        result = asyncio.run(_worker(args.worker, args.uri, os.environ["PKGRAPH_BENCH_PASSWORD"]))
        print(json.dumps(result))
        return 0

    from bench.generate import generate
    from bench.harness import OUT, bench_settings, machine, write_section
    from db import local_server

    # A fresh home: the system database keeps the password of an earlier run.
    shutil.rmtree(OUT / "rdf" / "neo4j", ignore_errors=True)
    # The same server size as the ingest and API benchmarks, so their numbers compare.
    settings = bench_settings(OUT / "rdf" / "neo4j", heap="6g", pagecache="1g")
    password = settings.neo4j_password.get_secret_value()
    targets: list[tuple[str, Path]]
    if args.data is not None:
        targets = [(args.data.name, args.data)]
    else:
        targets = []
        for scale in args.scales:
            folder = OUT / "rdf" / f"g{scale}"
            if not (folder / "claims.yaml").exists():
                generate(scale, 1, folder)
            targets.append((str(scale), folder))
    measures: list[Measure] = []
    try:
        for name, folder in targets:
            _load(settings, folder)
            measures += measure(name, settings.neo4j_uri, password, args.repeat)
    finally:
        local_server.stop(settings)
    text = report(measures, machine(), args.repeat)
    print(text)
    if not args.no_write:
        write_section(HEADING, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
