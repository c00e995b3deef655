"""What the public-data adapters share: the `PublicSource` frame (inputs hashed as the version, the
files read once, a reader's error as the pipeline's Problem), turning a reader's locator into a
record's, and the curated records they link to (read from the YAML, never written: those nodes
are the curated source's)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from ingest import records
from ingest.dataset import Dataset, Problem
from ingest.public import Locator, SourceFileError
from ingest.sources import Reading


def files_digest(paths: Iterable[Path]) -> str:
    """Content hash of `paths` (files, or folders whose files count in name order)."""
    digest = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def record_locator(locator: Locator) -> records.Locator:
    """A reader's locator (file under data/sources/, row or key, column) as a record's."""
    return records.Locator(file=locator.file, row=locator.row, key=locator.key, column=locator.column)


def problem(err: SourceFileError) -> Problem:
    """A reader's error as the pipeline reports it: file, record (key or row), column."""
    where = err.locator
    record = where.key if where.key is not None else (f"row {where.row}" if where.row is not None else None)
    return Problem(where.file, record, where.column, str(err).removeprefix(f"{where}: "), where.row)


def unreadable(err: OSError, sources: Path) -> Problem:
    """A file a reader could not open (missing, unreadable), named relative to data/sources/."""
    name = Path(str(err.filename)) if err.filename else sources
    shown = name.relative_to(sources) if name.is_relative_to(sources) else name
    return Problem(str(shown), None, None, f"cannot read: {err.strerror or err}")


def curated(data: Path, kind: str) -> list[dict[str, Any]]:
    """The raw records of one curated file (ids and plain fields; validated by the curated source,
    which reports a file that is not UTF-8 or not YAML with its line: here it gives no records)."""
    path = data / f"{kind}.yaml"
    if not path.exists():
        return []
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    except (UnicodeDecodeError, yaml.YAMLError, ValueError):  # ValueError: an impossible date
        return []
    return [item for item in loaded if isinstance(item, dict)] if isinstance(loaded, list) else []


class PublicSource:
    """A public dataset as a source adapter; each fills in only its `inputs` and `reading`.

    `read` gives the reading once per adapter (the pipeline and `file_ids` both ask), and a file a
    reader cannot parse or open as the pipeline's Problem rather than an exception, so one run
    lists every source's problems.
    """

    id: str

    def __init__(self, data: Path) -> None:
        self.data = data
        self.sources = data / "sources"

    def inputs(self) -> list[Path]:
        """Every file (or folder) that decides the records: the version hashes them in this order."""
        raise NotImplementedError

    def reading(self) -> Reading:
        """Read the inputs into records; a reader's SourceFileError or OSError is left to `read`."""
        raise NotImplementedError

    def version(self) -> str:
        return files_digest(self.inputs())

    def read(self) -> Reading:
        try:
            return self._read
        except SourceFileError as err:
            return Reading(Dataset(self.sources), [problem(err)])
        except OSError as err:
            return Reading(Dataset(self.sources), [unreadable(err, self.sources)])

    @cached_property
    def _read(self) -> Reading:
        return self.reading()
