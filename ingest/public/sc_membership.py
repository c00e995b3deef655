"""Reader of the Data Hub's Security Council membership by year (DPPA-SCMembership.csv).

What is read: one seat per row (`id,year,security_council_member,last_update`), 1946-2027; the member
name is resolved to a state record by `states.resolve` (with the row's year, so the Democratic Republic
of the Congo of 1982-83 and 1990-91 is Zaire).

Rules:
- permanent or elected: the five permanent members of the Charter (Article 23) as the file names them:
  China, France, the United Kingdom, the United States, the USSR (to 1991) and the Russian Federation
  (from 1992), i.e. the records `china`, `france`, `uk`, `usa`, `sun`, `russia`; every other seat is elected.
- blank member names (8 rows: ids 202, 212, 584, 599, 1003, 1018, 1135, 1148): reported, not invented.
  The seat is kept with no state and the warning quotes SOURCE.txt's reading (Côte d'Ivoire for the
  1964-65, 1990-91 and 2018-19 blanks by elimination; most likely the Democratic Republic of the
  Congo for 2026-27), which the graph does not adopt.
- a name no rule resolves is a warning (file, row, name); a repeated (year, state) is a warning and
  the first row is kept.
- "China" is one record across the change of the seat's representation in 1971, as the file has it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ingest.public import SOURCES, Locator, SourceFileError, source_file
from ingest.public.columns import header, require_columns
from ingest.public.source_warning import SourceWarning
from ingest.public.states import Mention, resolve

SOURCE = "un-psdata-scmembership"
FILE = f"{SOURCE}/DPPA-SCMembership.csv"
COLUMNS = ["id", "year", "security_council_member", "last_update"]
PERMANENT = frozenset({"china", "france", "uk", "usa", "sun", "russia"})
_BLANK_READING = {
    (1964, 1965): "Côte d'Ivoire by elimination",
    (1990, 1991): "Côte d'Ivoire by elimination",
    (2018, 2019): "Côte d'Ivoire by elimination",
    (2026, 2027): "most likely the Democratic Republic of the Congo",
}


@dataclass(frozen=True)
class Seat:
    year: int
    name: str  # as the file writes it ("" for the blank rows)
    state: str | None  # the state record id; None for a blank or unmapped name
    permanent: bool
    key: str  # the row's id column
    locator: Locator  # row = the CSV line, column security_council_member


@dataclass(frozen=True)
class MembershipRead:
    seats: tuple[Seat, ...]
    warnings: tuple[SourceWarning, ...]

    def members(self, year: int) -> tuple[Seat, ...]:
        return tuple(seat for seat in self.seats if seat.year == year)

    def mentions(self) -> tuple[Mention, ...]:
        return tuple(Mention(s.name, SOURCE, s.locator, s.year) for s in self.seats if s.name)


def read_membership(folder: Path = SOURCES) -> MembershipRead:
    path = source_file(folder, FILE)
    seats: list[Seat] = []
    warnings: list[SourceWarning] = []
    seen: dict[tuple[int, str], int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        require_columns(reader.fieldnames, COLUMNS, header(SOURCE, FILE))
        if reader.fieldnames != COLUMNS:  # an extra or reordered column
            raise SourceFileError(
                Locator(SOURCE, FILE, row=1), f"expected columns {','.join(COLUMNS)}, got {reader.fieldnames}"
            )
        for line, row in enumerate(reader, start=2):
            year_text = row["year"]
            if not (year_text.isdigit() and len(year_text) == 4):
                raise SourceFileError(Locator(SOURCE, FILE, row=line, column="year"), f"not a year: {year_text!r}")
            year, name = int(year_text), row["security_council_member"].strip()
            locator = Locator(SOURCE, FILE, row=line, column="security_council_member")
            if not name:
                reading = next((text for years, text in _BLANK_READING.items() if year in years), None)
                note = f"; SOURCE.txt reads it as {reading}, not adopted" if reading else ""
                warnings.append(SourceWarning(locator, f"blank member name (id {row['id']}, {year}){note}"))
                seats.append(Seat(year, name, None, False, row["id"], locator))
                continue
            resolved = resolve(name, SOURCE, year)
            if resolved is None:
                warnings.append(SourceWarning(locator, f"unmapped state name {name!r}"))
                seats.append(Seat(year, name, None, False, row["id"], locator))
                continue
            if (year, resolved.id) in seen:
                warnings.append(
                    SourceWarning(
                        locator, f"{name!r} repeats row {seen[(year, resolved.id)]} for {year}; the first is kept"
                    )
                )
                continue
            seen[(year, resolved.id)] = line
            seats.append(Seat(year, name, resolved.id, resolved.id in PERMANENT, row["id"], locator))
    return MembershipRead(tuple(seats), tuple(warnings))
