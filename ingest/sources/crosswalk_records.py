"""Records the curated crosswalks add to the curated source: the missions public sources name that
data/missions.yaml lacks (data/crosswalk/missions_new.yaml), and the proposed project tasks
(data/crosswalk/tasks.yaml `proposals`).

Why curated, not the adapter of the source that names a mission first: 31 of the 35 are first
named by the Data Hub topic lines, others by TAMM, Passmore or IPI; owned by those adapters, a
PEMA or TAMM mandate of such a mission would load only after the other source. The crosswalk is
a reviewed curated file, so its records are curated ones, each still with the source row that
names it as its provenance (source, file, row or key, column).

A new mission whose first source is no Source record yet is not created (a warning says so): it
comes with that source's Source record. A proposed task joins the project scheme because each
has a source locator: the PEMA/TAMM header column that needs it, the source's own name for it.
"""

from __future__ import annotations

from pathlib import Path

from ingest import records
from ingest.public import Locator
from ingest.public.missions import new_missions
from ingest.public.source_warning import SourceWarning
from ingest.public.task_mappings import read_task_mappings

NEW_MISSIONS_NOTE = (
    "A mission the public sources name and data/missions.yaml lacks (data/crosswalk/missions_new.yaml); "
    "kind not given by the sources."
)


def _locator(locator: Locator) -> records.Locator:
    return records.Locator(file=locator.file, row=locator.row, key=locator.key, column=locator.column)


def new_mission_records(folder: Path, sources: set[str]) -> tuple[list[records.Mission], list[SourceWarning]]:
    crosswalks = folder / "crosswalk"
    if not (crosswalks / "missions_new.yaml").exists():
        return [], []
    out, warnings = [], []
    for mission in new_missions(crosswalks):
        if mission.locator.source not in sources:
            message = (
                f"mission {mission.id!r} not created: its source {mission.locator.source!r} is not in sources.yaml"
            )
            warnings.append(SourceWarning(mission.locator, message))
            continue
        out.append(
            records.Mission(
                id=mission.id,
                name=mission.name or mission.acronym,
                acronym=mission.acronym,
                kind="other",
                source=mission.locator.source,
                locator=_locator(mission.locator),
                quote=mission.quote,
                note=" ".join(part for part in (NEW_MISSIONS_NOTE, mission.note) if part),
            )
        )
    return out, warnings


def proposed_task_records(folder: Path) -> list[records.Task]:
    crosswalks = folder / "crosswalk"
    if not (crosswalks / "tasks.yaml").exists():
        return []
    out = []
    for proposal in read_task_mappings(crosswalks, folder).proposals:
        source, file, column = proposal.evidence[0]
        also = [f"{s} {f} column {c}" for s, f, c in proposal.evidence[1:]]
        out.append(
            records.Task(
                id=proposal.id,
                pref_label=proposal.pref_label,
                definition=proposal.definition,
                broader=proposal.broader,
                source=source,
                locator=records.Locator(file=file, row=1, column=column),
                note="Proposed in data/crosswalk/tasks.yaml for the source columns that need it"
                + (f"; also {', '.join(also)}" if also else ""),
            )
        )
    return out
