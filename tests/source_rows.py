"""Rows of the real personnel files, read with the csv module alone: what a test expects is looked
up in the source file itself, not copied into the test (and not read through the readers under test)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from schema.paths import DATA

SOURCES = DATA / "sources"
# Gender.Full.csv column prefix -> the personnel type of a CONTRIBUTES edge
IPI_TYPES = {
    "Troops": "troops",
    "Individual Police": "police",
    "Formed Police Units": "formed_police",
    "Experts on Mission": "experts",
}


@dataclass(frozen=True)
class Row:
    file: str  # as the graph's locators write it: <folder>/<name>
    line: int  # the file's line (the header is line 1)
    cells: dict[str, str]

    def int(self, column: str) -> int:
        return int(float(self.cells[column]))


@cache
def rows(file: str) -> tuple[Row, ...]:
    with (SOURCES / file).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return tuple(Row(file, reader.line_num, dict(cells)) for cells in reader)


def ipi_contributions(mission: str, month: str) -> list[Row]:
    """Gender.Full.csv's rows of `mission` (IPI's code) in `month` (YYYY-MM)."""
    return [
        r
        for r in rows("ipi-peacekeeping/Gender.Full.csv")
        if r.cells["Mission"] == mission and r.cells["Date"].startswith(month)
    ]


def ipi_contribution(iso3: str, mission: str, month: str) -> Row:
    (row,) = [r for r in ipi_contributions(mission, month) if r.cells["Contributor ISO-3"] == iso3]
    return row


def ipi_types(row: Row) -> dict[str, tuple[int, int, int]]:
    """The personnel types a Gender.Full.csv row gives people for: type -> (total, men, women)."""
    return {
        kind: (row.int(f"{prefix} Total"), row.int(f"{prefix} Male"), row.int(f"{prefix} Female"))
        for prefix, kind in IPI_TYPES.items()
        if row.int(f"{prefix} Total")
    }


def ipi_total(mission: str, month: str) -> Row:
    (row,) = [
        r
        for r in rows("ipi-peacekeeping/data_mission_1990-2017.csv")
        if r.cells["Mission"] == mission and r.cells["Date"].startswith(month)
    ]
    return row


def passmore(mission: str, year: int, month: int) -> Row:
    (row,) = [
        r
        for r in rows("passmore-shortfall/Personnel_shortfall_data.csv")
        if r.cells["mission"] == mission and r.cells["year"] == str(year) and r.cells["month"] == str(month)
    ]
    return row


def passmore_year(mission: str, year: int) -> list[Row]:
    """Personnel_shortfall_data.csv's rows of `mission` (Passmore's name) in `year`, by month."""
    found = [
        r
        for r in rows("passmore-shortfall/Personnel_shortfall_data.csv")
        if r.cells["mission"] == mission and r.cells["year"] == str(year)
    ]
    return sorted(found, key=lambda r: int(r.cells["month"]))
