"""A hash of everything the bulk first load hands the importer, and the read + validate time.

`python -m bench.import_digest real` (every source of data/) or `... scale 10` (bench/generate.py,
seed 1) reads and validates the sources as `pkgraph ingest` does, writes the import CSVs
(ingest.bulk_import) into a temporary folder and prints one SHA-256 over every file's name and
bytes, the importer's arguments (paths relative), the empty-list rows and the summaries. Two
versions of the readers that print the same digest hand the importer the same bytes: run it on
main and on a branch to prove a speed-up changed no output. `--profile FILE` writes a cProfile
of the read + validate step.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import generate
from ingest import pipeline
from ingest.bulk_import import write_import_csvs
from ingest.gc_pause import gc_paused
from ingest.sources import SourceAdapter, default_adapters
from ingest.sources.curated import CuratedYaml
from schema.paths import DATA


def _adapters(kind: str, folder: Path) -> list[SourceAdapter]:
    return default_adapters(folder) if kind == "real" else [CuratedYaml(folder)]


def digest(kind: str, folder: Path, profile: Path | None = None) -> dict[str, Any]:
    """Read + validate `folder`, write its import files; their digest and the seconds taken."""
    profiler = cProfile.Profile() if profile else None
    began, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    validated = pipeline.validate(_adapters(kind, folder), {})
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile))
    parsed, parsed_cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory(prefix="pkgraph-digest-") as tmp:
        out = Path(tmp) / "csv"
        with gc_paused():  # as db.bulk_load writes them
            files = write_import_csvs(pipeline.source_loads(validated), out)
        written = time.perf_counter()
        sha = hashlib.sha256()
        for path in sorted(out.iterdir()):
            sha.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        facts = {
            "arguments": [arg.replace(str(out), "<out>") for arg in files.arguments()],
            "empty_lists": files.empty_lists,
            "summaries": [repr(summary) for summary in files.summaries],
            "versions": [repr(version) for version in files.versions],
        }
        sha.update(json.dumps(facts, sort_keys=True, default=str).encode())
    return {
        "digest": sha.hexdigest(),
        "elements": files.elements,
        "parse_validate_s": round(parsed - began, 2),
        # CPU seconds: the fair comparison on a machine other processes share
        "parse_validate_cpu_s": round(parsed_cpu - cpu, 2),
        "csv_s": round(written - parsed, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Digest of the bulk load's import files, and the read time")
    parser.add_argument("kind", choices=["real", "scale"])
    parser.add_argument("scale", type=int, nargs="?", default=10)
    parser.add_argument("--data", type=Path, help="the generated folder to reuse (scale; default: a fresh one)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of read + validate here")
    args = parser.parse_args(argv)
    if args.kind == "real":
        result = digest("real", DATA, args.profile)
    elif args.data is not None and args.data.exists():
        result = digest("scale", args.data, args.profile)
    else:
        with tempfile.TemporaryDirectory(prefix="pkgraph-scale-") as tmp:
            folder = args.data or Path(tmp) / "data"
            generate(args.scale, 1, folder)
            result = digest("scale", folder, args.profile)
    print(json.dumps({"dataset": args.kind if args.kind == "real" else f"scale {args.scale}", **result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
