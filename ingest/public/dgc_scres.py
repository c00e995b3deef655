"""Reader of the Data Hub's "Resolutions and Decisions of the Security Council" (DGC-SCRES.json).

What is read: the 2,722 records whose symbol is a resolution ("S/RES/<n>(<year>)", with or without a
space before the parenthesis). Presidential statements, notes and committee decisions are skipped and
counted by kind (the symbol's first segment: "S/PRST", "S/AC...", ...).

Rules:
- number and year come from the symbol; the record's `date` (epoch milliseconds, UTC) is the Data Hub's
  date, a witness only: it is NOT reliable (placeholder 1949-10-11, wrong years; see `resolution_dates`).
- votes: `voting_yes` is "Adopted unanimously" (then no and abstain are empty) or a count; no and
  abstain are whole-number floats. All three empty: the Data Hub records no vote (206 resolutions).
- meeting: "4076th meeting" -> 4076 (two records write "3592 meeting").
- topics: the UNBIS list split on commas, each term stripped, empty terms dropped.
- text fields (description, topics, subjects) are repaired by `mojibake.repair` (the one written
  rule); a repaired field keeps its raw value in `raw`.
- duplicates: a second record with the same resolution number is not read; it is reported as a
  warning naming both record ids, and the record that comes first in the file is kept.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from ingest.public import SOURCES, Locator, SourceFileError, source_file
from ingest.public.mojibake import repair
from ingest.public.source_warning import SourceWarning

SOURCE = "un-psdata-dgc-scres"
FILE = f"{SOURCE}/DGC-SCRES.json"
UNANIMOUS = "Adopted unanimously"

_SYMBOL = re.compile(r"S/RES/(\d+) ?\((\d{4})\)")
_MEETING = re.compile(r"(\d+)(?:st|nd|rd|th)? meeting")


@dataclass(frozen=True)
class Votes:
    """A recorded vote: counts, or adopted unanimously (then the Data Hub gives no counts)."""

    unanimous: bool
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None

    def __str__(self) -> str:
        if self.unanimous:
            return "adopted unanimously"
        return f"{self.yes}-{self.no}-{self.abstain}"


@dataclass(frozen=True)
class DgcResolution:
    number: int
    symbol: str  # as the file writes it (spacing varies)
    year: int  # from the symbol
    date: date  # the Data Hub's date: a witness, not the preferred date
    title: str
    description: str | None  # the topic line, e.g. "on establishment of the UN ... (MONUC)"
    votes: Votes | None
    meeting: int | None
    topics: tuple[str, ...]
    subjects: str | None
    url: str | None
    locator: Locator
    raw: tuple[tuple[str, str], ...] = ()  # (field, raw value) for every field the mojibake rule repaired

    @property
    def canonical_symbol(self) -> str:
        return f"S/RES/{self.number} ({self.year})"


@dataclass(frozen=True)
class DgcRead:
    resolutions: tuple[DgcResolution, ...]
    skipped: dict[str, int]  # non-resolution records by kind
    warnings: tuple[SourceWarning, ...] = field(default=())

    def by_number(self) -> dict[int, DgcResolution]:
        return {r.number: r for r in self.resolutions}


@cache  # the resolutions and the personnel adapters read it in one run: parsed once
def read_dgc(folder: Path = SOURCES) -> DgcRead:
    """All resolutions of DGC-SCRES.json, in the file's order."""
    path = source_file(folder, FILE)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise SourceFileError(Locator(SOURCE, FILE), f"cannot read: {err}") from None
    if not isinstance(records, list):
        raise SourceFileError(Locator(SOURCE, FILE), "expected a JSON array of records")
    skipped: Counter[str] = Counter()
    seen: dict[int, str] = {}
    resolutions: list[DgcResolution] = []
    warnings: list[SourceWarning] = []
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            raise SourceFileError(Locator(SOURCE, FILE, key=f"#{index}"), "record is not an object")
        key = str(record.get("id", f"#{index}"))
        symbol = record.get("symbol")
        if not isinstance(symbol, str):
            raise SourceFileError(Locator(SOURCE, FILE, key=key, column="symbol"), f"no symbol: {symbol!r}")
        match = _SYMBOL.fullmatch(symbol)
        if match is None:
            if symbol.startswith("S/RES"):
                raise SourceFileError(Locator(SOURCE, FILE, key=key, column="symbol"), f"unreadable symbol {symbol!r}")
            skipped[_kind(symbol)] += 1
            continue
        resolution = _resolution(record, key, symbol, int(match[1]), int(match[2]))
        if resolution.number in seen:
            warnings.append(
                SourceWarning(
                    Locator(SOURCE, FILE, key=key),
                    f"repeats S/RES/{resolution.number} of record {seen[resolution.number]}; the first is kept",
                )
            )
            continue
        seen[resolution.number] = key
        resolutions.append(resolution)
    return DgcRead(tuple(resolutions), dict(skipped), tuple(warnings))


def _kind(symbol: str) -> str:
    """ "S/PRST/2004/1" -> "S/PRST", "[S/AC.26/Dec.1(1991)]" -> "S/AC", "S/14414" -> "S"."""
    head = symbol.strip("[]").split("/")
    if len(head) > 1 and head[1][:1].isalpha():
        return head[0] + "/" + re.split(r"[.\s(]", head[1])[0]
    return head[0]


def _resolution(record: dict[str, Any], key: str, symbol: str, number: int, year: int) -> DgcResolution:
    def at(column: str) -> Locator:
        return Locator(SOURCE, FILE, key=key, column=column)

    raw: list[tuple[str, str]] = []

    def text(column: str) -> str | None:
        value = record.get(column)
        if value is None:
            return None
        if not isinstance(value, str):
            raise SourceFileError(at(column), f"expected text, got {value!r}")
        repaired = repair(value)
        if repaired != value:
            raw.append((column, value))
        return repaired

    stamp = record.get("date")
    if not isinstance(stamp, int) or isinstance(stamp, bool):
        raise SourceFileError(at("date"), f"expected epoch milliseconds, got {stamp!r}")
    moment = datetime.fromtimestamp(stamp / 1000, tz=UTC)
    if (moment.hour, moment.minute, moment.second, moment.microsecond) != (0, 0, 0, 0):
        raise SourceFileError(at("date"), f"{stamp} is not midnight UTC ({moment.isoformat()})")
    topics = text("topics")
    return DgcResolution(
        number=number,
        symbol=symbol,
        year=year,
        date=moment.date(),
        title=text("title") or "",
        description=text("description"),
        votes=_votes(record, at),
        meeting=_meeting(record.get("meeting_number"), at("meeting_number")),
        topics=tuple(term.strip() for term in (topics or "").split(",") if term.strip()),
        subjects=text("subjects"),
        url=text("url"),
        locator=Locator(SOURCE, FILE, key=key),
        raw=tuple(raw),
    )


def _votes(record: dict[str, Any], at: Callable[[str], Locator]) -> Votes | None:
    yes, no, abstain = record.get("voting_yes"), record.get("voting_no"), record.get("voting_abstain")
    if yes is None and no is None and abstain is None:
        return None
    if yes == UNANIMOUS:
        if no is not None or abstain is not None:
            raise SourceFileError(at("voting_no"), f"adopted unanimously but no={no!r}, abstain={abstain!r}")
        return Votes(unanimous=True)
    if not (isinstance(yes, str) and yes.isdigit()):
        raise SourceFileError(at("voting_yes"), f"expected a count or {UNANIMOUS!r}, got {yes!r}")
    return Votes(False, int(yes), _count(no, at("voting_no")), _count(abstain, at("voting_abstain")))


def _count(value: object, locator: Locator) -> int:
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    raise SourceFileError(locator, f"expected a whole number of votes, got {value!r}")


def _meeting(value: object, locator: Locator) -> int | None:
    if value is None:
        return None
    match = _MEETING.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise SourceFileError(locator, f"expected e.g. '4076th meeting', got {value!r}")
    return int(match[1])
