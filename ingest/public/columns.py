"""The one check of a source file's header: every column a reader uses is there.

A garbled or renamed header then stops the reader with one `SourceFileError` at the header (a
CSV file's line 1; a JSON record's key) naming the first missing column (and every other one in the
message), instead of a KeyError or a silently empty field further on; the adapter turns it into the
run's Problem, so nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ingest.public import Locator, SourceFileError

HEADER_ROW = 1  # a CSV file's header line


def header(source: str, file: str) -> Locator:
    """The locator of a CSV file's header row."""
    return Locator(source, file, row=HEADER_ROW)


def require_columns(present: Iterable[str] | None, required: Iterable[str], where: Locator) -> None:
    """Refuse the file (or JSON record) at `where` unless `present` holds every `required` column."""
    have = list(present or ())
    missing = [column for column in required if column not in set(have)]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise SourceFileError(
            replace(where, column=missing[0]),
            f"the header lacks column(s) {names} (it has: {', '.join(have) or 'nothing'})",
        )
