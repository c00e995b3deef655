"""The curated dataset: the YAML files in `data/` (ingest.dataset reads and validates them)."""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path

from ingest.dataset import KINDS, read_folder
from ingest.sources import Reading
from schema.datasets import CURATED


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
        """Content hash of the data files, in a fixed order."""
        digest = hashlib.sha256()
        for kind in KINDS:
            content = self._files.get(f"{kind}.yaml")
            if content is not None:
                digest.update(kind.encode() + b"\0" + content + b"\0")
        return digest.hexdigest()[:16]

    def read(self) -> Reading:
        records, problems = read_folder(self.folder, self._files)
        return Reading(records, problems)
