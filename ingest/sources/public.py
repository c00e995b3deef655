"""What the PEMA and TAMM adapters share: their inputs (the source's files and the crosswalk's
missions and task mappings), the source's task codes as concepts of its own scheme, and an act
of the source's rule as a mandate's act."""

from __future__ import annotations

import re
from pathlib import Path

from ingest import records
from ingest.public import Locator
from ingest.public.acts import Act
from ingest.public.task_mappings import read_task_mappings
from ingest.sources.public_common import PublicSource, record_locator

# The crosswalk files that decide a mandate source's records: missions resolved, tasks mapped.
_CROSSWALK = ("missions.yaml", "missions_new.yaml", "tasks.yaml")


class MandateSource(PublicSource):
    """A public source of mandates and task concepts; `files` are its own, under data/sources/."""

    files: tuple[str, ...]

    def inputs(self) -> list[Path]:
        return [*(self.sources / file for file in self.files), *(self.data / "crosswalk" / name for name in _CROSSWALK)]

    def task_concepts(self, scheme: str, codes: dict[str, tuple[Locator, str]]) -> dict[str, records.Task]:
        """One Task per code (code -> (header locator, definition)), with its SKOS mappings."""
        mappings = read_task_mappings(self.data / "crosswalk", self.data)
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


def code_slug(code: str) -> str:
    """`DisarmDemob` -> `disarm-demob`, `SGBViolence` -> `sgb-violence`, `peaceag_cease_monitor` ->
    `peaceag-cease-monitor`: a source's task code as a slug."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", code)
    return re.sub(r"[^a-z0-9]+", "-", spaced.lower()).strip("-")


def concept_id(scheme: str, code: str) -> str:
    return f"{scheme}-{code_slug(code)}"


def mandate_act(act: Act) -> records.MandateAct:
    return records.MandateAct(
        act=act.act,
        resolution_number=act.resolution,
        evidence=act.evidence,
        source=act.source,
        locator=record_locator(act.locator),
    )
