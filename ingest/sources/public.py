"""What the PEMA and TAMM adapters share: the version hash over the files they read, a reader's
SourceFileError as a Problem, and the source's task codes as concepts of its own scheme."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from ingest import records
from ingest.dataset import Problem
from ingest.public import Locator, SourceFileError
from ingest.public.task_mappings import TaskMappings


def files_version(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def problem(err: SourceFileError) -> Problem:
    """A reader's error as the pipeline reports it: file, row (as line) and column (as field)."""
    where = err.locator
    message = str(err).removeprefix(f"{where}: ")
    return Problem(where.file, where.key, where.column, message, where.row)


def code_slug(code: str) -> str:
    """`DisarmDemob` -> `disarm-demob`, `SGBViolence` -> `sgb-violence`, `peaceag_cease_monitor` ->
    `peaceag-cease-monitor`: a source's task code as a slug."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", code)
    return re.sub(r"[^a-z0-9]+", "-", spaced.lower()).strip("-")


def concept_id(scheme: str, code: str) -> str:
    return f"{scheme}-{code_slug(code)}"


def locator(where: Locator) -> records.Locator:
    return records.Locator(file=where.file, row=where.row, key=where.key, column=where.column)


def task_concepts(
    scheme: str, codes: dict[str, tuple[Locator, str]], mappings: TaskMappings
) -> dict[str, records.Task]:
    """One Task per code (code -> (header locator, definition)), with its SKOS mappings."""
    out: dict[str, records.Task] = {}
    for code, (where, definition) in codes.items():
        found = mappings.of(scheme, code)
        concept = records.Task(
            id=concept_id(scheme, code),
            pref_label=found[0].label if found else code,
            definition=definition,
            scheme=scheme,
            source=scheme,
            locator=locator(where),
            mappings=[records.TaskMatch(match=m.match, task=m.task, reason=m.reason) for m in found],
        )
        out[concept.id] = concept
    return out
