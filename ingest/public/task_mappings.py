"""SKOS mappings of PEMA's and TAMM's task codes to the project's task scheme.

The curated file is `data/crosswalk/tasks.yaml`: `mappings` ({scheme, code, label, match, task,
reason}; `<code> skos:<match> <task>`) and `proposals` (project tasks that no concept of
`data/tasks.yaml` covers yet, with the source columns that need them). A mapping's task is a
concept of data/tasks.yaml or a proposal. Nothing here edits data/tasks.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ingest.public.crosswalk import CROSSWALKS, CrosswalkError
from schema.paths import DATA

MATCHES = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch")
SCHEMES = ("pema", "tamm")


@dataclass(frozen=True)
class TaskMapping:
    scheme: str
    code: str
    label: str
    match: str
    task: str
    reason: str
    proposed: bool  # the task is a proposal, not yet in data/tasks.yaml


@dataclass(frozen=True)
class TaskProposal:
    id: str
    pref_label: str
    broader: str
    definition: str
    evidence: tuple[tuple[str, str, str], ...]  # (source, file, column)


@dataclass(frozen=True)
class TaskMappings:
    mappings: tuple[TaskMapping, ...]
    proposals: tuple[TaskProposal, ...]

    def of(self, scheme: str, code: str) -> list[TaskMapping]:
        return [m for m in self.mappings if m.scheme == scheme and m.code == code]


def read_task_mappings(folder: Path = CROSSWALKS, data: Path = DATA) -> TaskMappings:
    path = folder / "tasks.yaml"
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    scheme = {t["id"] for t in yaml.load((data / "tasks.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)}
    proposals = []
    for index, entry in enumerate(document["proposals"], start=1):
        if entry["id"] in scheme:
            raise CrosswalkError(f"{path}: proposal {index}: {entry['id']!r} is already in data/tasks.yaml")
        if entry["broader"] not in scheme:
            raise CrosswalkError(f"{path}: proposal {index}: broader {entry['broader']!r} is not in data/tasks.yaml")
        evidence = tuple((e["source"], e["file"], e["column"]) for e in entry["evidence"])
        proposals.append(
            TaskProposal(entry["id"], entry["pref_label"], entry["broader"], entry["definition"], evidence)
        )
    proposed = {p.id for p in proposals}
    mappings = []
    for index, entry in enumerate(document["mappings"], start=1):
        where = f"{path}: mapping {index} ({entry.get('scheme')}:{entry.get('code')})"
        if entry["scheme"] not in SCHEMES or entry["match"] not in MATCHES:
            raise CrosswalkError(f"{where}: scheme must be one of {SCHEMES}, match one of {MATCHES}")
        if entry["task"] not in scheme | proposed:
            raise CrosswalkError(f"{where}: task {entry['task']!r} is neither in data/tasks.yaml nor proposed")
        if not str(entry.get("reason", "")).strip():
            raise CrosswalkError(f"{where}: needs a reason")
        mappings.append(
            TaskMapping(
                entry["scheme"],
                entry["code"],
                entry["label"],
                entry["match"],
                entry["task"],
                entry["reason"],
                entry["task"] in proposed,
            )
        )
    return TaskMappings(tuple(mappings), tuple(proposals))
