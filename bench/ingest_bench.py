"""Ingest benchmark (issue 5): batched load vs. one MERGE per transaction vs. neo4j-admin import.

    .venv/bin/python -m bench.ingest_bench            # scales 1, 10, 100; writes bench/RESULTS.md
    .venv/bin/python -m bench.ingest_bench --real     # the full real dataset, every source (issue 12)

One run, side by side, on its own Neo4j (started through db.local_server in bench/out/, on
free ports, with a generated password):

- the ingest pipeline (`ingest.pipeline.write`) on synthetic data (bench/generate.py) at each scale, on a fresh
  database (deleted and the server restarted), then a second, idempotent run on the loaded graph.
  Each run is a child process that reports its own peak RSS (VmHWM: the whole ingest, YAML parse,
  validation, rows, driver). Not ru_maxrss: Linux carries the parent's peak into a child across
  fork and exec, and the parent holds the rows of every scale.
- the naive baseline: one MERGE per node or relationship, each in its own transaction
  (bench/queries/naive_*.cypher), through the same driver. Measured in full at scale 1; at larger scales on a sample
  (every k-th relationship, its end nodes and every k-th node), and extrapolated per element.
- the offline bulk importer (`neo4j-admin database import full`) on CSVs written from the same
  GraphRows, into a separate database home; the largest scale's import is started and counted.

Memory: the server gets 6 GB heap and 1 GB page cache (see HEAP/PAGECACHE), on a 2-core machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, LiteralString

from neo4j import Driver, ManagedTransaction

from bench.generate import generate
from bench.harness import bench_settings, log, machine, start_empty, status_kib, write_section
from db import local_server
from db.local_server import wait_until_online
from ingest import pipeline
from ingest.graph_rows import ACTOR_LABEL, GraphRows, build_rows
from ingest.loader import TX_ELEMENTS, checked_labels, checked_type
from ingest.sources.curated import CuratedYaml
from queries import statement
from queries.driver import create_sync_driver
from schema.datasets import CURATED
from schema.graph_schema import apply_schema
from schema.paths import PROJECT_ROOT
from schema.settings import Settings

OUT = PROJECT_ROOT / "bench" / "out" / "ingest"
SECTION = "## Ingest (issue 5)"
QUERIES = Path(__file__).parent / "queries"
# Sized for this 2-core, 24 GB machine: the scale-100 store (a few hundred MB) fits in the page
# cache, and the one-transaction load's state (> 1 GB at scale 100: a 2 GB heap's 1 GB limit was
# hit) fits under db.memory.transaction.total.max, which db.local_server sets to half the heap.
# Neo4j's G1 defaults are kept (2 cores: 2 GC threads).
HEAP = "6g"
PAGECACHE = "1g"
GOAL_THROUGHPUT = 50_000.0
GOAL_COST_GROWTH = 1.5
GOAL_NAIVE_RATIO = 20.0


def _query(name: str) -> LiteralString:
    return statement(name, QUERIES).text


# --- the measured ingest, in a child process ------------------------------------------------------


def child(data: Path, uri: str, database: str) -> dict[str, Any]:
    """Parse, validate and load `data` through the pipeline `pkgraph ingest` runs; time each part.
    (The one source is the whole graph, so the look-up of other sources' ids is left out.)"""
    settings = Settings.model_validate({"neo4j_uri": uri, "neo4j_password": os.environ["NEO4J_PASSWORD"]})
    started = time.perf_counter()
    validated = pipeline.validate([CuratedYaml(data)])
    parsed = time.perf_counter()
    steps: dict[str, float] = {}
    last = [0.0]

    def progress(step: str, _rows: int, _total: int) -> None:
        now = time.perf_counter()
        steps[step] = steps.get(step, 0.0) + now - last[0]
        last[0] = now

    with create_sync_driver(settings) as driver:
        driver.verify_connectivity()
        begin = time.perf_counter()
        last[0] = begin
        (summary,) = pipeline.write(driver, database, validated, progress=progress)
        end = time.perf_counter()
    return {
        "parse_s": parsed - started,
        "load_s": end - begin,
        # Time after the last batch: the Dataset node and the commit (everything, when nothing is written).
        "tail_s": end - last[0],
        "steps": steps,
        "written": sum(summary.changed(what) for what in ("created", "updated", "deleted")),
        "peak_kib": status_kib("VmHWM"),
        "transactions": summary.transactions,
    }


@dataclass
class Run:
    scale: int
    elements: int
    nodes: int
    relationships: int
    load_s: float
    parse_s: float
    tail_s: float
    max_rss_mb: float
    written: int
    transactions: int
    steps: dict[str, float] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.elements / self.load_s

    @property
    def us_per_element(self) -> float:
        return 1e6 * self.load_s / self.elements


def run_child(settings: Settings, data: Path, scale: int, counts: tuple[int, int]) -> Run:
    """The ingest in a child process, which reports its own peak RSS."""
    env = dict(os.environ) | {"NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    command = [sys.executable, "-m", "bench.ingest_bench", "child", str(data), settings.neo4j_uri]
    with (OUT / "child.out").open("w+b") as out, (OUT / "child.err").open("w+b") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=PROJECT_ROOT)  # noqa: S603
        _, status, _ = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise RuntimeError(f"ingest child failed ({process.returncode}):\n{err.read().decode()[-3000:]}")
        result = json.loads(out.read().decode().strip().splitlines()[-1])
    nodes, relationships = counts
    return Run(
        scale=scale,
        elements=nodes + relationships,
        nodes=nodes,
        relationships=relationships,
        load_s=result["load_s"],
        parse_s=result["parse_s"],
        tail_s=result["tail_s"],
        max_rss_mb=result["peak_kib"] / 1024,
        written=result["written"],
        transactions=result["transactions"],
        steps=result["steps"],
    )


# --- the server -----------------------------------------------------------------------------------


def server_version(driver: Driver) -> str:
    records, _, _ = driver.execute_query(statement("system/server_info").text, database_="system")
    return f"{records[0]['name']} {records[0]['version']} {records[0]['edition']}"


# --- naive baseline -------------------------------------------------------------------------------


@dataclass
class Naive:
    scale: int
    nodes: int
    relationships: int
    nodes_s: float
    relationships_s: float
    sampled: bool

    @property
    def elements(self) -> int:
        return self.nodes + self.relationships

    @property
    def us_per_node(self) -> float:
        return 1e6 * self.nodes_s / self.nodes

    @property
    def us_per_relationship(self) -> float:
        return 1e6 * self.relationships_s / self.relationships

    def extrapolate(self, nodes: int, relationships: int) -> float:
        """Seconds the naive load would take for the whole graph, at the measured cost per element."""
        return (nodes * self.us_per_node + relationships * self.us_per_relationship) / 1e6


def sample(rows: GraphRows, relationships: int, extra_nodes: int) -> GraphRows:
    """Every k-th relationship of each type, the nodes they join, and every k-th node besides."""
    total = sum(map(len, rows.edges.values()))
    step = max(total // relationships, 1)
    by_id: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for labels, node_rows in rows.nodes.items():
        for row in node_rows:
            by_id[(labels.split(":")[0], row["id"])] = (labels, row)
            if labels.endswith(ACTOR_LABEL):
                by_id[(ACTOR_LABEL, row["id"])] = (labels, row)
    out = GraphRows()
    wanted: dict[tuple[str, str], None] = {}
    for key, edge_rows in rows.edges.items():
        picked = edge_rows[::step]
        out.edges[key] = picked
        for row in picked:
            wanted[(key[1].split(":")[0], row["from"])] = None
            wanted[(key[2].split(":")[0], row["to"])] = None
    node_total = sum(map(len, rows.nodes.values()))
    node_step = max(node_total // extra_nodes, 1)
    for labels, node_rows in rows.nodes.items():
        for row in node_rows[::node_step]:
            wanted[(labels.split(":")[0], row["id"])] = None
    seen: set[tuple[str, str]] = set()
    for wanted_key in wanted:
        labels, row = by_id[wanted_key]
        if (labels, row["id"]) not in seen:
            seen.add((labels, row["id"]))
            out.nodes[labels].append(row)
    return out


def _node_query(template: LiteralString, labels: str) -> LiteralString:
    return template.replace("__LABELS__", ":".join(f"`{label}`" for label in checked_labels(labels)))


def _edge_query(template: LiteralString, rel: str, from_labels: str, to_labels: str) -> LiteralString:
    start, end = checked_labels(from_labels)[0], checked_labels(to_labels)[0]
    text = template.replace("__TYPE__", f"`{checked_type(rel)}`")
    return text.replace("__FROM__", f"`{start}`").replace("__TO__", f"`{end}`")


def _write_one(tx: ManagedTransaction, query: LiteralString, row: dict[str, Any]) -> None:
    tx.run(query, rows=[row]).consume()


def naive_load(driver: Driver, database: str, rows: GraphRows, scale: int, sampled: bool) -> Naive:
    """One transaction per node and per relationship, each a MERGE (bench/queries/naive_*.cypher);
    a node's FROM_SOURCE is a relationship of its own here."""
    node_template, edge_template = _query("naive_node"), _query("naive_edge")
    with driver.session(database=database) as session:
        begin = time.perf_counter()
        for labels, node_rows in rows.nodes.items():
            query = _node_query(node_template, labels)
            for row in node_rows:
                session.execute_write(_write_one, query, {"id": row["id"], "props": row["props"]})
        middle = time.perf_counter()
        for (rel, from_labels, to_labels), edge_rows in (rows.source_edges() | rows.edges).items():
            query = _edge_query(edge_template, rel, from_labels, to_labels)
            for row in edge_rows:
                session.execute_write(_write_one, query, row)
        end = time.perf_counter()
    nodes, relationships = rows.count()
    return Naive(scale, nodes, relationships, middle - begin, end - middle, sampled)


# --- neo4j-admin database import --------------------------------------------------------------------


ARRAY_DELIMITER = "\x1f"


def _column_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "double"
    if present and all(isinstance(v, list) for v in present):
        return "string[]"
    return "string"


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        return ARRAY_DELIMITER.join(map(str, value))
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


@dataclass
class CsvFiles:
    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)
    mixed: set[str] = field(default_factory=set)  # properties whose values have several types
    multiline: bool = False


def _write_csv(path: Path, fixed: list[str], fixed_rows: list[list[str]], props: list[dict[str, Any]]) -> CsvFiles:
    keys = list(dict.fromkeys(k for p in props for k in p))
    kinds = {k: _column_type([p.get(k) for p in props]) for k in keys}
    report = CsvFiles()
    for k in keys:
        types = {type(p[k]).__name__ for p in props if k in p}
        if len(types - {"int", "float"}) + (1 if types & {"int", "float"} else 0) > 1:
            report.mixed.add(k)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*fixed, *(f"{k}:{kinds[k]}" for k in keys)])
        for head, p in zip(fixed_rows, props, strict=True):
            cells = [_cell(p.get(k), kinds[k]) for k in keys]
            report.multiline |= any("\n" in c for c in cells)
            writer.writerow([*head, *cells])
    return report


def write_import_csvs(rows: GraphRows, folder: Path) -> CsvFiles:
    """Node and relationship CSVs with neo4j-admin headers; id spaces are the primary labels."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = CsvFiles()
    actor_space: dict[str, str] = {}
    for labels, node_rows in rows.nodes.items():
        space = labels.split(":")[0]
        if labels.endswith(ACTOR_LABEL):
            actor_space.update((row["id"], space) for row in node_rows)
        path = folder / f"nodes-{space}.csv"
        # The `id:ID` column is the id property already.
        props = [{k: v for k, v in row["props"].items() if k != "id"} for row in node_rows]
        report = _write_csv(
            path, [f"id:ID({space})", ":LABEL"], [[row["id"], labels.replace(":", ";")] for row in node_rows], props
        )
        files.nodes.append(path)
        files.mixed |= {f"{space}.{k}" for k in report.mixed}
        files.multiline |= report.multiline
    # A node's FROM_SOURCE travels with its row (GraphRows); the importer needs it as a relationship.
    for (rel, from_labels, to_labels), edge_rows in (rows.edges | rows.source_edges()).items():
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for row in edge_rows:
            start = actor_space[row["from"]] if from_labels == ACTOR_LABEL else from_labels.split(":")[0]
            end = actor_space[row["to"]] if to_labels == ACTOR_LABEL else to_labels.split(":")[0]
            groups.setdefault((start, end), []).append(row)
        for (start, end), group in groups.items():
            path = folder / f"rels-{rel}-{start}-{end}.csv"
            props = [row["props"] | {"key": row["key"]} for row in group]
            heads = [[row["from"], row["to"], rel] for row in group]
            report = _write_csv(path, [f":START_ID({start})", f":END_ID({end})", ":TYPE"], heads, props)
            files.relationships.append(path)
            files.mixed |= {f"{rel}.{k}" for k in report.mixed}
            files.multiline |= report.multiline
    return files


@dataclass
class Import:
    scale: int
    csv_s: float
    import_s: float
    mixed: list[str]
    verified: str = ""
    schema_s: float | None = None


def admin_import(settings: Settings, files: CsvFiles) -> float:
    """`neo4j-admin database import full` into a database home of its own; returns wall seconds."""
    local_server.write_conf(settings)
    java, mvn = local_server._require_tools()
    lib = local_server.resolve(settings, mvn)
    command = [
        java,
        "-Xmx1g",
        "-cp",
        f"{lib}/*",
        local_server.ADMIN_CLASS,
        "database",
        "import",
        "full",
        "neo4j",
        "--overwrite-destination=true",
        "--array-delimiter=U+001F",
        f"--multiline-fields={'true' if files.multiline else 'false'}",
        "--threads=2",
        # The importer writes its report to the working directory unless told otherwise.
        f"--report-file={(settings.db_home / 'import.report').resolve()}",
        *(f"--nodes={path}" for path in files.nodes),
        *(f"--relationships={path}" for path in files.relationships),
    ]
    env = dict(os.environ) | {
        "NEO4J_HOME": str(settings.db_home.resolve()),
        "NEO4J_CONF": str((settings.db_home / "conf").resolve()),
        "HEAP_SIZE": "1g",
    }
    begin = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)  # noqa: S603
    elapsed = time.perf_counter() - begin
    (settings.db_home / "import.log").write_text(done.stdout + done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"neo4j-admin import failed ({done.returncode}):\n{(done.stdout + done.stderr)[-3000:]}")
    return elapsed


def verify_import(settings: Settings, expected: tuple[int, int]) -> tuple[str, float]:
    """Start the imported database, count what it holds, and time creating the schema on it."""
    local_server.start(settings)
    try:
        with create_sync_driver(settings) as driver:
            wait_until_online(driver, "neo4j")
            records, _, _ = driver.execute_query(_query("counts"), database_="neo4j")
            found = (records[0]["nodes"], records[0]["relationships"])
            begin = time.perf_counter()
            apply_schema(driver, "neo4j")
            schema_s = time.perf_counter() - begin
    finally:
        local_server.stop(settings)
    verdict = "counts match" if found == expected else f"counts differ: {found} vs {expected}"
    return verdict, schema_s


# --- report ---------------------------------------------------------------------------------------


def _fmt_s(seconds: float) -> str:
    return f"{seconds:.2f}" if seconds < 100 else f"{seconds:,.0f}"


def report(
    facts: dict[str, str],
    generated: dict[int, tuple[float, int]],
    fresh: list[Run],
    rerun: list[Run],
    naive: list[Naive],
    imports: list[Import],
    note: str,
) -> str:
    by_scale = {run.scale: run for run in fresh}
    lines = [SECTION, ""]
    # The note is printed below, not repeated in the command line.
    args = sys.argv[1:]
    shown = ["…" if previous == "--note" else arg for previous, arg in zip(["", *args], args, strict=False)]
    lines.append(f"Run `{' '.join(['.venv/bin/python -m bench.ingest_bench', *shown])}` on {facts['date']}.")
    lines.append("")
    lines += [f"- {name}: {value}" for name, value in facts.items() if name != "date"]
    lines.append(f"- Neo4j server: heap {HEAP}, page cache {PAGECACHE}, transaction memory limit half the heap")
    lines.append("")
    lines.append(
        "Elements = nodes + relationships of `build_rows(dataset).count()`. Load = `ingest.pipeline.write` on a fresh "
        "database: build_rows, lock + read what the graph holds, plan (ingest/plan.py), batched CREATE writes, the "
        f"Dataset node, commit; plans above {TX_ELEMENTS:,} rows are staged in transactions of that many rows. "
        "Re-run = the same files again on the loaded graph (it compares and writes nothing but the Dataset node). "
        "Parse = `ingest.pipeline.validate` (YAML + validation), not in the load time. Peak RSS: VmHWM of the "
        "ingest child process (parse + load), reported by the child itself."
    )
    lines.append("")
    lines.append(
        "| scale | records | nodes | relationships | generate s | parse s | load s | transactions | elements/s "
        "| µs/element | re-run s | re-run writes | peak RSS MB |"
    )
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for run, again in zip(fresh, rerun, strict=True):
        gen_s, records = generated[run.scale]
        lines.append(
            f"| {run.scale} | {records:,} | {run.nodes:,} | {run.relationships:,} | {gen_s:.1f} | {run.parse_s:.1f} "
            f"| {_fmt_s(run.load_s)} | {run.transactions} | {run.per_second:,.0f} | {run.us_per_element:.1f} "
            f"| {_fmt_s(again.load_s)} | {again.written} | {max(run.max_rss_mb, again.max_rss_mb):,.0f} |"
        )
    lines.append("")
    lines.append("Where the fresh load's time goes at the largest scale (seconds per step, summed over batches):")
    lines.append("")
    top = max(fresh, key=lambda run: run.scale)
    steps = sorted(top.steps.items(), key=lambda item: -item[1])
    lines.append(
        ", ".join(f"{name} {seconds:.1f}" for name, seconds in steps[:12])
        + f"; after the last batch (Dataset node + last commit) {top.tail_s:.1f}. 'compare with the graph' is "
        "build_rows, the lock, the read of what the graph holds and the plan; 'commit' sums the commits of a "
        "staged load's transactions but the last."
    )
    lines.append("")
    lines.append(
        "Naive baseline: one transaction per node and per relationship, each a MERGE (bench/queries/naive_*.cypher)."
    )
    lines.append("")
    lines.append(
        "| scale | measured on | µs/node | µs/relationship | naive s (whole graph) | batched s | batched is x faster |"
    )
    lines.append("|---:|---|---:|---:|---:|---:|---:|")
    for n in naive:
        run = by_scale[n.scale]
        total = n.extrapolate(run.nodes, run.relationships)
        how = f"sample of {n.elements:,} elements, extrapolated" if n.sampled else f"all {n.elements:,} elements"
        lines.append(
            f"| {n.scale} | {how} | {n.us_per_node:,.0f} | {n.us_per_relationship:,.0f} | {_fmt_s(total)} "
            f"| {_fmt_s(run.load_s)} | {total / run.load_s:,.1f} |"
        )
    lines.append("")
    if imports:
        lines.append(
            "Offline bulk import: `neo4j-admin database import full` (2 threads, 1 GB heap) of CSVs written from the "
            "same GraphRows into a separate, new database home; wall time includes the JVM start. No constraints or "
            "indexes exist after an import: creating them is timed separately on the largest scale."
        )
        lines.append("")
        lines.append("| scale | write CSV s | import s | pipeline load s | import is x faster | check |")
        lines.append("|---:|---:|---:|---:|---:|---|")
        for imp in imports:
            run = by_scale[imp.scale]
            check = imp.verified + (
                f"; schema + index population {imp.schema_s:.1f}s" if imp.schema_s is not None else ""
            )
            lines.append(
                f"| {imp.scale} | {imp.csv_s:.1f} | {imp.import_s:.1f} | {_fmt_s(run.load_s)} "
                f"| {run.load_s / imp.import_s:,.2f} | {check} |"
            )
        mixed = sorted({m for imp in imports for m in imp.mixed})
        if mixed:
            lines.append("")
            lines.append(
                "Properties with values of several types are imported as strings (the loader keeps each value's "
                f"type): {', '.join(mixed)}."
            )
        lines.append("")
    lines += marginal(fresh, imports)
    lines += goals(fresh, naive)
    if note:
        lines += ["", note]
    return "\n".join(lines) + "\n"


def marginal(fresh: list[Run], imports: list[Import]) -> list[str]:
    """Elements per second between the smallest and the largest scale: fixed costs (JVM start, a cold
    server's first statements) cancel out, leaving what each extra element costs."""
    small, large = min(fresh, key=lambda r: r.scale), max(fresh, key=lambda r: r.scale)
    if small.scale == large.scale:
        return []
    extra = large.elements - small.elements
    rate = extra / (large.load_s - small.load_s)
    text = f"Marginal rate from scale {small.scale} to {large.scale}: the pipeline's load {rate:,.0f} elements/s"
    by_scale = {imp.scale: imp for imp in imports}
    if small.scale in by_scale and large.scale in by_scale:
        seconds = by_scale[large.scale].import_s - by_scale[small.scale].import_s
        text += f", neo4j-admin import {extra / seconds:,.0f} elements/s"
    return [text + ".", ""]


def goals(fresh: list[Run], naive: list[Naive]) -> list[str]:
    by_scale = {run.scale: run for run in fresh}
    top = max(by_scale)
    lines = ["| goal | measured | met |", "|---|---|---|"]
    run = by_scale[top]
    lines.append(
        f"| ≥ {GOAL_THROUGHPUT:,.0f} elements/s at scale {top} | {run.per_second:,.0f} "
        f"| {'yes' if run.per_second >= GOAL_THROUGHPUT else 'no'} |"
    )
    if 10 in by_scale and top != 10:
        growth = run.us_per_element / by_scale[10].us_per_element
        lines.append(
            f"| µs/element at {top} ≤ {GOAL_COST_GROWTH}x at 10 | {growth:.2f}x "
            f"| {'yes' if growth <= GOAL_COST_GROWTH else 'no'} |"
        )
    for n in naive:
        r = by_scale[n.scale]
        ratio = n.extrapolate(r.nodes, r.relationships) / r.load_s
        how = "extrapolated from a sample" if n.sampled else "measured"
        lines.append(
            f"| ≥ {GOAL_NAIVE_RATIO:.0f}x faster than naive at scale {n.scale} | {ratio:,.1f}x ({how}) "
            f"| {'yes' if ratio >= GOAL_NAIVE_RATIO else 'no'} |"
        )
    return lines


# --- main -----------------------------------------------------------------------------------------


@dataclass
class Options:
    scales: list[int]
    seed: int
    naive_sample: int
    skip_import: bool
    write: bool
    note: str


def _datasets(options: Options) -> Iterator[tuple[int, Path, float, int]]:
    for scale in options.scales:
        folder = OUT / f"data-{scale}"
        shutil.rmtree(folder, ignore_errors=True)
        begin = time.perf_counter()
        counts = generate(scale, options.seed, folder)
        yield scale, folder, time.perf_counter() - begin, sum(counts.values())


def run(options: Options) -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    settings = bench_settings(OUT / "neo4j", HEAP, PAGECACHE)
    shutil.rmtree(settings.db_home, ignore_errors=True)
    facts = machine()
    generated: dict[int, tuple[float, int]] = {}
    folders: dict[int, Path] = {}
    for scale, folder, seconds, records in _datasets(options):
        generated[scale] = (seconds, records)
        folders[scale] = folder
        log(f"generated scale {scale}: {records} records in {seconds:.1f}s")
    fresh: list[Run] = []
    rerun: list[Run] = []
    naive: list[Naive] = []
    rows_by_scale: dict[int, GraphRows] = {}
    try:
        for scale in options.scales:
            rows = build_rows(pipeline.validate([CuratedYaml(folders[scale])]).records[CURATED])
            rows_by_scale[scale] = rows
            start_empty(settings)
            if "neo4j version" not in facts:
                with create_sync_driver(settings) as driver:
                    facts["neo4j version"] = server_version(driver)
            first = run_child(settings, folders[scale], scale, rows.count())
            log(f"scale {scale}: {first.elements} elements in {first.load_s:.2f}s = {first.per_second:,.0f}/s")
            again = run_child(settings, folders[scale], scale, rows.count())
            log(f"scale {scale} re-run: {again.load_s:.2f}s, wrote {again.written}")
            fresh.append(first)
            rerun.append(again)
        for scale in options.scales:
            if scale not in (min(options.scales), max(options.scales)):
                continue
            rows = rows_by_scale[scale]
            sampled = sum(rows.count()) > options.naive_sample
            chosen = sample(rows, options.naive_sample * 2 // 5, options.naive_sample * 2 // 5) if sampled else rows
            start_empty(settings)
            with create_sync_driver(settings) as driver:
                result = naive_load(driver, settings.neo4j_database, chosen, scale, sampled)
            naive.append(result)
            log(
                f"naive scale {scale}: {result.elements} elements, {result.us_per_node:.0f} µs/node, "
                f"{result.us_per_relationship:.0f} µs/relationship"
            )
    finally:
        local_server.stop(settings)
    imports: list[Import] = []
    if not options.skip_import:
        for scale in options.scales:
            rows = rows_by_scale[scale]
            begin = time.perf_counter()
            files = write_import_csvs(rows, OUT / f"csv-{scale}")
            csv_s = time.perf_counter() - begin
            home = OUT / f"import-{scale}"
            shutil.rmtree(home, ignore_errors=True)
            import_settings = bench_settings(home, HEAP, PAGECACHE)
            seconds = admin_import(import_settings, files)
            imp = Import(scale, csv_s, seconds, sorted(files.mixed))
            if scale == max(options.scales):
                imp.verified, imp.schema_s = verify_import(import_settings, rows.count())
            imports.append(imp)
            log(f"import scale {scale}: {seconds:.1f}s {imp.verified}")
    facts["load average at end (1/5/15 min)"] = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    text = report(facts, generated, fresh, rerun, naive, imports, options.note)
    (OUT / "results.json").write_text(
        json.dumps(
            {
                "facts": facts,
                "fresh": [asdict(r) for r in fresh],
                "rerun": [asdict(r) for r in rerun],
                "naive": [asdict(n) for n in naive],
                "imports": [asdict(i) for i in imports],
            },
            indent=2,
        )
    )
    if options.write:
        write_section(SECTION, text)
    return text


REAL_SECTION = "## Ingest of the real dataset (issue 12)"


def real_dataset(write: bool, note: str) -> str:
    """Every source of data/ (`pkgraph ingest` without options) into an empty graph, then again
    unchanged: elements per source, seconds, on its own Neo4j (same memory as the scales)."""
    from ingest.sources import default_adapters
    from schema.paths import DATA

    settings = bench_settings(OUT / "real", HEAP, PAGECACHE)
    load_before = os.getloadavg()
    start_empty(settings)
    try:
        with create_sync_driver(settings) as driver:
            adapters = default_adapters(DATA)
            began = time.perf_counter()
            summaries = pipeline.ingest(driver, settings.neo4j_database, adapters)
            fresh = time.perf_counter() - began
            began = time.perf_counter()
            pipeline.ingest(driver, settings.neo4j_database, default_adapters(DATA))
            again = time.perf_counter() - began
    finally:
        local_server.stop(settings)
    lines = [
        REAL_SECTION,
        "",
        "`pkgraph ingest` of every source in data/ into an empty graph (read, validate, plan, write), then the",
        "same files again (nothing to write). Elements = nodes + relationships the source wrote.",
        "",
        "| source | nodes | relationships | transactions |",
        "|---|---|---|---|",
    ]
    total = 0
    for summary in summaries:
        nodes = sum(c.get("created", 0) for name, c in summary.tally.items() if not name.isupper())
        rels = sum(c.get("created", 0) for name, c in summary.tally.items() if name.isupper())
        total += nodes + rels
        lines.append(f"| {summary.dataset} | {nodes:,} | {rels:,} | {summary.transactions} |")
    lines += [
        "",
        f"All sources: {total:,} elements in {fresh:.1f} s ({total / fresh:,.0f} elements/s); "
        f"the unchanged re-run {again:.1f} s.",
        f"Machine load (1/5/15-min load average) at the start: {load_before[0]:.2f} / {load_before[1]:.2f} / "
        f"{load_before[2]:.2f} on {os.cpu_count()} cores (other helpers' test suites ran beside it).",
    ]
    if note:
        lines += ["", note]
    text = "\n".join(lines) + "\n"
    if write:
        write_section(REAL_SECTION, text)
    return text


# --- the bulk first load (issue 15) -------------------------------------------------------------

BULK_SECTION = "## Bulk first load (issue 15)"
GOAL_BULK_RATIO = 1.3
# The bulk load's steps, named by the line db.bulk_load says as each begins.
BULK_STEPS = (
    ("writing the import files", "csv_s"),
    ("stopping Neo4j", "stop_s"),
    ("neo4j-admin database import full", "import_s"),
    ("starting Neo4j", "start_s"),
    ("applying the schema", "schema_s"),
)


def _adapters(kind: str, data: Path) -> list[Any]:
    from ingest.sources import default_adapters

    return default_adapters(data) if kind == "real" else [CuratedYaml(data)]


def _child_settings() -> Settings:
    return Settings.model_validate(json.loads(os.environ["PKGRAPH_BENCH_SETTINGS"]))


def bulk_child(kind: str, data: Path) -> dict[str, Any]:
    """`pkgraph ingest`'s bulk path on an empty database, each step timed: read + validate, then
    db.bulk_load (CSV, stop, import, start, schema, version nodes)."""
    from db.bulk_load import bulk_load, why_not

    settings = _child_settings()
    began = time.perf_counter()
    with create_sync_driver(settings) as driver:
        reason = why_not(settings, driver)
        if reason is not None:
            raise RuntimeError(f"the bulk path does not apply: {reason}")
        validated = pipeline.validate(_adapters(kind, data), {})
    marks: dict[str, float] = {"parse_s": time.perf_counter()}

    def say(line: str) -> None:
        for prefix, name in BULK_STEPS:
            if line.startswith(f"bulk first load: {prefix}"):
                marks[name] = time.perf_counter()

    done = bulk_load(settings, validated, say=say, keep_csv=True)
    ended = time.perf_counter()
    # Each step lasts from its line to the next step's (the last one to the end).
    names = [name for _, name in BULK_STEPS]
    bounds = [marks[name] for name in names] + [ended]
    steps = {name: bounds[i + 1] - bounds[i] for i, name in enumerate(names)}
    return {
        "parse_s": marks["parse_s"] - began,
        **steps,
        "total_s": ended - began,
        "import_tool_s": done.import_run.seconds,
        "import_args": done.import_args,
        "import_peak_kib": done.import_run.peak_rss_kib,
        "python_peak_kib": status_kib("VmHWM"),
        "elements": sum(summary.changed("created") for summary in done.summaries),
    }


def reload_child(kind: str, data: Path) -> dict[str, Any]:
    """The unchanged files again, as `pkgraph ingest` loads a database that holds data: transactions."""
    settings = _child_settings()
    began = time.perf_counter()
    with create_sync_driver(settings) as driver:
        summaries = pipeline.ingest(driver, settings.neo4j_database, _adapters(kind, data))
    return {
        "reload_s": time.perf_counter() - began,
        "written": sum(s.changed(w) for s in summaries for w in ("created", "updated", "deleted")),
        "python_peak_kib": status_kib("VmHWM"),
    }


def _run_bulk_child(settings: Settings, mode: str, kind: str, data: Path) -> dict[str, Any]:
    values = {
        "neo4j_uri": settings.neo4j_uri,
        "neo4j_password": settings.neo4j_password.get_secret_value(),
        "db_home": str(settings.db_home),
        "db_bolt_port": settings.db_bolt_port,
        "db_http_port": settings.db_http_port,
        "db_heap": settings.db_heap,
        "db_pagecache": settings.db_pagecache,
    }
    env = dict(os.environ) | {"PKGRAPH_BENCH_SETTINGS": json.dumps(values)}
    command = [sys.executable, "-m", "bench.ingest_bench", mode, kind, str(data)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"{mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _server_peak_kib(settings: Settings) -> int:
    pid = local_server.status(settings).pid
    if pid is None:
        return 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def bulk_dataset(name: str, kind: str, data: Path) -> dict[str, Any]:
    """One dataset: the bulk path into an empty database, the unchanged re-load, then the importer
    alone on the same CSVs (the server stopped), side by side."""
    settings = bench_settings(OUT / f"bulk-{name}", HEAP, PAGECACHE)
    shutil.rmtree(settings.db_home, ignore_errors=True)
    start_empty(settings)
    try:
        first = _run_bulk_child(settings, "bulk-child", kind, data)
        server_after_load = _server_peak_kib(settings)
        log(f"{name}: bulk {first['total_s']:.1f}s (parse {first['parse_s']:.1f}s, import {first['import_s']:.1f}s)")
        again = _run_bulk_child(settings, "reload-child", kind, data)
        server_peak = max(server_after_load, _server_peak_kib(settings))
        log(f"{name}: re-load {again['reload_s']:.1f}s, wrote {again['written']}")
    finally:
        local_server.stop(settings)
    alone = local_server.run_admin(settings, first["import_args"])
    if alone.returncode != 0:
        raise RuntimeError(f"the importer alone failed:\n{alone.output[-3000:]}")
    log(f"{name}: importer alone {alone.seconds:.1f}s")
    shutil.rmtree(settings.db_home, ignore_errors=True)
    return first | {
        "name": name,
        "reload_s": again["reload_s"],
        "reload_written": again["written"],
        "reload_python_peak_kib": again["python_peak_kib"],
        "server_peak_kib": server_peak,
        "alone_s": alone.seconds,
        "alone_peak_kib": alone.peak_rss_kib,
    }


def bulk_run(scales: list[int], real: bool, seed: int, write: bool, note: str) -> str:
    from schema.paths import DATA

    OUT.mkdir(parents=True, exist_ok=True)
    facts = machine()
    facts["uptime at start"] = _uptime()
    results = []
    plan: list[tuple[str, str, Path | None, int | None]] = [
        (f"scale {s}", "synthetic", None, s) for s in scales if s < 100
    ]
    if real:
        plan.append(("real dataset", "real", DATA, None))
    plan += [(f"scale {s}", "synthetic", None, s) for s in scales if s >= 100]
    for name, kind, data, scale in plan:
        if scale is not None:
            data = OUT / f"data-{scale}"
            shutil.rmtree(data, ignore_errors=True)
            generate(scale, seed, data)
        assert data is not None
        results.append(bulk_dataset(name, kind, data))
        (OUT / "bulk-results.json").write_text(json.dumps(results, indent=2))
    facts["uptime at end"] = _uptime()
    text = bulk_report(facts, results, note)
    if write:
        write_section(BULK_SECTION, text)
    return text


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()  # noqa: S607


def bulk_report(facts: dict[str, str], results: list[dict[str, Any]], note: str) -> str:
    mb = 1024
    lines = [BULK_SECTION, ""]
    lines.append(f"Run `.venv/bin/python -m bench.ingest_bench --bulk ...` on {facts['date']}.")
    lines.append("")
    lines += [f"- {k}: {v}" for k, v in facts.items() if k != "date"]
    lines.append(f"- Neo4j server and importer: heap {HEAP}, page cache {PAGECACHE}")
    lines.append("")
    lines.append(
        "Bulk = `pkgraph ingest`'s path into an empty local database, end to end (db.bulk_load): read + validate "
        "every source, write the import CSVs, stop Neo4j, `neo4j-admin database import full`, start Neo4j, apply the "
        "schema, set the empty lists, write the :Dataset nodes. Importer alone = the same `neo4j-admin` command on "
        "the same CSVs, run next in the same run (JVM start included). Re-load = `pkgraph ingest` of the same "
        "files over the bulk-loaded database (transactional: compares everything, writes nothing). Peak RSS: "
        "VmHWM of the Python process, the importer's JVM (wait4), the server's JVM after load and re-load."
    )
    lines.append("")
    lines.append(
        "| dataset | elements | parse + validate s | CSV s | stop s | import s | start s | schema + versions s "
        "| bulk total s | importer alone s | ratio | bulk without parse : alone | re-load s | re-load writes "
        "| Python peak MB | importer JVM peak MB | server JVM peak MB |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        ratio = r["total_s"] / r["alone_s"]
        without = (r["total_s"] - r["parse_s"]) / r["alone_s"]
        python_peak = max(r["python_peak_kib"], r["reload_python_peak_kib"]) / mb
        lines.append(
            f"| {r['name']} | {r['elements']:,} | {r['parse_s']:.1f} | {r['csv_s']:.1f} | {r['stop_s']:.1f} "
            f"| {r['import_s']:.1f} | {r['start_s']:.1f} | {r['schema_s']:.1f} | {r['total_s']:.1f} "
            f"| {r['alone_s']:.1f} | {ratio:.2f} | {without:.2f} | {r['reload_s']:.1f} | {r['reload_written']} "
            f"| {python_peak:,.0f} | {max(r['import_peak_kib'], r['alone_peak_kib']) / mb:,.0f} "
            f"| {r['server_peak_kib'] / mb:,.0f} |"
        )
    lines.append("")
    met = [r for r in results if r["total_s"] / r["alone_s"] <= GOAL_BULK_RATIO]
    lines.append(
        f"Goal: bulk total ≤ {GOAL_BULK_RATIO}x the importer alone, parse and validation included: met for "
        f"{len(met)} of {len(results)} datasets."
    )
    if note:
        lines += ["", note]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "child":
        print(json.dumps(child(Path(args[1]), args[2], "neo4j")))
        return 0
    if args and args[0] in ("bulk-child", "reload-child"):
        measure = bulk_child if args[0] == "bulk-child" else reload_child
        print(json.dumps(measure(args[1], Path(args[2]))))
        return 0
    parser = argparse.ArgumentParser(description="Ingest benchmark: batched vs naive vs neo4j-admin import")
    parser.add_argument("--scales", default="1,10,100", help="comma-separated whole scales (default 1,10,100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--naive-sample", type=int, default=5_000, help="elements the naive baseline writes at most")
    parser.add_argument("--skip-import", action="store_true", help="leave out neo4j-admin import")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--note", default="", help="a paragraph appended to the section")
    parser.add_argument("--real", action="store_true", help="only the full real dataset (every source of data/)")
    parser.add_argument(
        "--bulk", action="store_true", help="the bulk first load against the importer alone (issue 15); with --real too"
    )
    parsed = parser.parse_args(args)
    if parsed.bulk:
        scales = sorted(int(s) for s in parsed.scales.split(",") if s)
        print(bulk_run(scales, parsed.real, parsed.seed, not parsed.no_write, parsed.note))
        return 0
    if parsed.real:
        print(real_dataset(not parsed.no_write, parsed.note))
        return 0
    options = Options(
        scales=sorted(int(s) for s in parsed.scales.split(",")),
        seed=parsed.seed,
        naive_sample=parsed.naive_sample,
        skip_import=parsed.skip_import,
        write=not parsed.no_write,
        note=parsed.note,
    )
    print(run(options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
