"""What the PEMA and TAMM adapters share: the source's task codes as concepts of its own scheme."""

from __future__ import annotations

import re

from ingest import records
from ingest.public import Locator
from ingest.public.task_mappings import TaskMappings
from ingest.sources.public_common import record_locator


def code_slug(code: str) -> str:
    """`DisarmDemob` -> `disarm-demob`, `SGBViolence` -> `sgb-violence`, `peaceag_cease_monitor` ->
    `peaceag-cease-monitor`: a source's task code as a slug."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", code)
    return re.sub(r"[^a-z0-9]+", "-", spaced.lower()).strip("-")


def concept_id(scheme: str, code: str) -> str:
    return f"{scheme}-{code_slug(code)}"


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
            locator=record_locator(where),
            mappings=[records.TaskMatch(match=m.match, task=m.task, reason=m.reason) for m in found],
        )
        out[concept.id] = concept
    return out
