"""The curated dataset: the YAML files in `data/` (ingest.dataset reads and validates them)."""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path

from ingest.dataset import KINDS, Problem, read_folder
from ingest.sources import Reading
from ingest.sources.crosswalk_records import new_mission_records, proposed_task_records
from schema.datasets import CURATED

# The crosswalk files whose records the curated source holds (ingest.sources.crosswalk_records).
CROSSWALK_FILES = ("missions_new.yaml", "tasks.yaml")


class CuratedYaml:
    """`data/*.yaml` (or another folder in the same format) as one source. Each file is read from
    disk once: the version and the records come from the same bytes."""

    id = CURATED

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @cached_property
    def _files(self) -> dict[str, bytes]:
        if not self.folder.is_dir():
            return {}
        paths = (self.folder / f"{kind}.yaml" for kind in KINDS)
        return {path.name: path.read_bytes() for path in paths if path.exists()}

    def version(self) -> str:
        """Content hash of the data files, in a fixed order (with the crosswalks that add records)."""
        digest = hashlib.sha256()
        for name in CROSSWALK_FILES:
            path = self.folder / "crosswalk" / name
            if path.exists():
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        for kind in KINDS:
            content = self._files.get(f"{kind}.yaml")
            if content is not None:
                digest.update(kind.encode() + b"\0" + content + b"\0")
        return digest.hexdigest()[:16]

    def read(self) -> Reading:
        records, problems = read_folder(self.folder, self._files)
        missions, warnings = new_mission_records(self.folder, records.ids("sources"))
        for kind, extra in (("missions", missions), ("tasks", proposed_task_records(self.folder))):
            by_id = records.kinds.setdefault(kind, {})
            for record in extra:
                if record.id in by_id:
                    problems.append(Problem(f"crosswalk/{kind}", record.id, "id", f"also in {kind}.yaml"))
                else:
                    by_id[record.id] = record
        return Reading(records, problems, warnings)
