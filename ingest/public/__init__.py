"""Readers of the public datasets copied verbatim into `data/sources/<folder>/`.

Each reader turns one source file into typed records, and attaches the provenance itself: the
Source id, the file (relative to `data/sources/`), the row (a CSV row's line number in the file,
the header being line 1) or key (a JSON record's id) and the column. Nothing is typed by hand.
A value that cannot be read raises `SourceFileError` naming file, row and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from schema.paths import DATA

SOURCES = DATA / "sources"


@dataclass(frozen=True)
class Locator:
    """Where one fact stands in a public file."""

    source: str  # the Source record's id, e.g. "un-psdata-dgc-scres"
    file: str  # relative to data/sources/, e.g. "un-psdata-dgc-scres/DGC-SCRES.json"
    row: int | None = None  # CSV: the row's line number (header = 1)
    key: str | None = None  # JSON: the record's id
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.key is not None:
            where += f", record {self.key}"
        if self.column is not None:
            where += f", column {self.column!r}"
        return where


class SourceFileError(Exception):
    """A value in a public file that cannot be read; the message says where."""

    def __init__(self, locator: Locator, message: str) -> None:
        self.locator = locator
        super().__init__(f"{locator}: {message}")


def source_file(folder: Path, relative: str) -> Path:
    """A file under a sources folder (default `data/sources/`), refusing paths that leave it."""
    path = (folder / relative).resolve()
    if folder.resolve() not in path.parents:
        raise ValueError(f"{relative!r} is not inside {folder}")
    return path
