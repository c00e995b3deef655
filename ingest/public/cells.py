"""CSV rows with their line numbers, and numbers read from cells with a clear error.

Shared by the personnel readers (Passmore, IPI, Geo-PKO), with the `Duplicate` they report.
Each row comes with the line it stands on (header = line 1; none of these files has a line break
inside a quoted field, so the reader's line count after a row is that row's line), and every
number that does not parse raises `SourceFileError` naming file, row and column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.public import Locator, SourceFileError
from ingest.public.columns import HEADER_ROW, require_columns


@dataclass(frozen=True)
class Duplicate:
    """A second row for a key already read, identical to the first, so kept once and reported."""

    key: tuple[str | int, ...]
    kept: Locator
    dropped: Locator


def csv_rows(path: Path, columns: set[str], where: Locator) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) for every data row; a file missing one of `columns` is refused up front."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        require_columns(reader.fieldnames, sorted(columns), replace(where, row=HEADER_ROW))
        for row in reader:
            yield reader.line_num, row


def _at(where: Locator, column: str | None) -> Locator:
    # The cell's locator, built only for an error: the readers parse a million cells.
    return where if column is None else replace(where, column=column)


def number(text: str, where: Locator, missing: frozenset[str], column: str | None = None) -> float | None:
    """A cell as a number; a cell in `missing` (e.g. "" or "NA") is None. `column`, if given, is
    put in `where` when the cell is refused."""
    if text.strip() in missing:
        return None
    try:
        return float(text)
    except ValueError:
        raise SourceFileError(_at(where, column), f"not a number: {text!r}") from None


def count(text: str, where: Locator, missing: frozenset[str], column: str | None = None) -> int | None:
    """A cell that must hold a whole number of people ("8.0" is 8; "8.5" is refused)."""
    value = number(text, where, missing, column)
    if value is None:
        return None
    if not value.is_integer() or value < 0:
        raise SourceFileError(_at(where, column), f"not a whole non-negative count: {text!r}")
    return int(value)
