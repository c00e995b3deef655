"""Geo-PKO v2.3 (Cil, Fjelde, Hultman & Nilsson 2020): yearly presence per mission and location.

File: `geo-pko/TCCMap_v.2.3.csv` (4,927 rows, 34 missions, 1994-2024), the dashboard's yearly
aggregate: mission, year, location, latitude, longitude, No.TCC and `year.overview`, a list such as
"Jordan (150), Kenya (150), Nigeria (650)". Read into one `Presence` per (row, listed contributor).

Rules
- Sizes are ESTIMATES from unit symbols on UN deployment maps (the dashboard: "Troop numbers are
  based on units identified in each map, in line with standard UN and NATO military unit sizes");
  every record says so (`kind = "estimate"`), against IPI's "official monthly count".
- "(size unknown)" is kept as unknown: `size` None and `size_unknown` True, never a guess.
- The overview must parse as "<name> (<whole number> | size unknown)" items joined by ", ", and
  the number of items must equal No.TCC; otherwise the row refuses the file (all 4,927 parse).
- Contributor names are free text (e.g. "Drc", "Us", "Britain", leading spaces); they are kept as
  written (trimmed) and resolved by the states rule. Four are not states ("TCC name unknown",
  "Multinational", "CARICOM", "Un"; 233 records): data/crosswalk/states.yaml explains each as
  `not-a-state`, and the resolve step (personnel_names.py) leaves them out.
- Same mission, year and location name twice (10 pairs, e.g. UNOCI 2006 Sakassou): the two rows
  have different coordinates, i.e. two map positions with one place name, so both are kept as
  distinct sites (their locators differ); `same_place_names` reports them. Sizes are not summed here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from ingest.public import SOURCES, Locator, SourceFileError, source_file
from ingest.public.cells import count, csv_rows, number

SOURCE = "geo-pko"
FILE = "geo-pko/TCCMap_v.2.3.csv"
KIND = "estimate"
NA = frozenset({"NA", ""})
_ITEM = re.compile(r"\s*(?P<name>[^,]+?)\s*\((?P<size>\d+|size unknown)\)\s*")


@dataclass(frozen=True)
class Presence:
    mission: str
    year: int
    location: str
    latitude: float | None
    longitude: float | None
    contributor: str  # as written, trimmed
    size: int | None  # estimated troops; None when the map gives no size
    size_unknown: bool
    locator: Locator  # row, column year.overview
    kind: str = KIND


def _overview(text: str, where: Locator) -> list[tuple[str, int | None]]:
    items = []
    position = 0
    while position < len(text):
        match = _ITEM.match(text, position)
        if match is None:
            raise SourceFileError(where, f"cannot read contributor list at {text[position:]!r}")
        size = match["size"]
        items.append((match["name"], None if size == "size unknown" else int(size)))
        position = match.end()
        if position < len(text):
            if text[position] != ",":
                raise SourceFileError(where, f"expected ', ' between contributors at {text[position:]!r}")
            position += 1
    return items


@cache  # the states' owners and the personnel adapters read it in one run: parsed once
def read_presence(folder: Path = SOURCES) -> tuple[Presence, ...]:
    path = source_file(folder, FILE)
    columns = {"mission", "year", "location", "latitude", "longitude", "No.TCC", "year.overview"}
    records = []
    for line, row in csv_rows(path, columns, Locator(SOURCE, FILE)):
        where = Locator(SOURCE, FILE, row=line)
        year = count(row["year"], where, NA, "year")
        if year is None:
            raise SourceFileError(replace(where, column="year"), "empty year")
        mission, location = row["mission"].strip(), row["location"].strip()
        if not mission:
            raise SourceFileError(replace(where, column="mission"), "empty mission")
        latitude = number(row["latitude"], where, NA, "latitude")
        longitude = number(row["longitude"], where, NA, "longitude")
        at = replace(where, column="year.overview")
        items = _overview(row["year.overview"], at)
        stated = count(row["No.TCC"], where, NA, "No.TCC")
        if stated is not None and stated != len(items):
            raise SourceFileError(at, f"lists {len(items)} contributors, No.TCC says {stated}")
        for name, size in items:
            records.append(Presence(mission, year, location, latitude, longitude, name, size, size is None, at))
    return tuple(records)


def same_place_names(records: tuple[Presence, ...]) -> list[tuple[str, int, str, tuple[int, ...]]]:
    """(mission, year, location, rows) where one location name stands on several rows."""
    rows: dict[tuple[str, int, str], set[int]] = {}
    for record in records:
        assert record.locator.row is not None
        rows.setdefault((record.mission, record.year, record.location), set()).add(record.locator.row)
    return [(*key, tuple(sorted(lines))) for key, lines in rows.items() if len(lines) > 1]


def contributor_counts(records: tuple[Presence, ...]) -> Counter[str]:
    return Counter(record.contributor for record in records)
