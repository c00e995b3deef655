"""IPI Peacekeeping Database (partial): contributions by state, and mission totals, per month.

Files (`ipi-peacekeeping/`):
- `Gender.Full.csv` (29,115 rows; month-ends 2009-11-30 .. 2014-02-28; 135 contributors; 25
  missions): one row per contributor x mission x month; Male / Female / Total for Individual
  Police, Formed Police Units, Experts on Mission, Troops, and their Total. Read into one
  `Contribution` per personnel type whose Total is not 0 (a 0 cell says "none of that type", not
  a contribution), with men and women as given. Each row's "Total" columns must equal the sum of
  the four types, and Male + Female = Total within each type; a row that breaks this refuses the
  file (none do). The contributor keeps its name AND its ISO-3 code as IPI writes them (names vary:
  "Moldova" / "Moldova, Republic of", a truncated "The former Yugoslav Republic o"; the ISO-3 is
  constant), so states resolve by name through the crosswalk with the code as evidence.
- `data_mission_1990-2017.csv` (5,330 rows, 1990-11-30 .. 2017-03-31, 78 missions): mission-month
  totals: Number of Contributors, Troops, Police, Observers, Total, host country and HQ. "NA" is
  None: IPI turned zeros into NA (README step 5), so None means "none reported", never a guess.
  Total equals Troops + Police + Observers (NA as 0) in every row. HQ coordinates: SOURCE.txt
  documents that this file's 'Mission HQ Longitude' and 'Mission HQ Latitude' values are SWAPPED
  (Luanda = -8.8383 "longitude"); both raw column values are kept under their column names, and
  `hq_latitude` / `hq_longitude` read them the documented way round (`hq_swapped`), except in a
  row whose values as written equal missions.json's (y = lat, x = long) for that mission while the
  swapped reading does not: the 9 MINUSMA rows 2013-07-31 .. 2014-03-31 (Bamako: 'Latitude' 12.65,
  'Longitude' -8; the later 35 MINUSMA rows are swapped like all others). Every other row agrees
  with missions.json once swapped, except the 97 UNMEE rows (Asmara 12.1817 / 38.8367 against
  missions.json 15.3333 / 38.9245): read the documented way; the HQ itself is the missions record's
  fact, not this reader's.
- `missions.json` (78 codes): mission code -> host country, ISO-3, HQ and HQ coordinates (y = lat,
  x = long; 0/0 = unknown, e.g. UNMC). It maps codes to host data only, not to other names.

Duplicates: one row per (date, contributor ISO-3, mission) and per (date, mission) in the totals;
an identical repeat would be kept once and reported, a differing one refuses the file (none occur).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from ingest.public import SOURCES, Locator, SourceFileError, source_file
from ingest.public.cells import Duplicate, count, csv_rows, number
from ingest.public.columns import require_columns

SOURCE = "ipi-peacekeeping"
CONTRIBUTIONS_FILE = "ipi-peacekeeping/Gender.Full.csv"
TOTALS_FILE = "ipi-peacekeeping/data_mission_1990-2017.csv"
MISSIONS_FILE = "ipi-peacekeeping/missions.json"
NA = frozenset({"NA", ""})
MISSION_FIELDS = ("country", "country_id", "hq", "mission_loc")  # each entry of missions.json
KIND = "official monthly count"  # UN DPKO monthly contributor reports as scraped by IPI

ContributionType = Literal["individual_police", "formed_police_units", "experts_on_mission", "troops"]
TYPE_COLUMNS: dict[ContributionType, str] = {
    "individual_police": "Individual Police",
    "formed_police_units": "Formed Police Units",
    "experts_on_mission": "Experts on Mission",
    "troops": "Troops",
}


def _month_end(text: str, where: Locator) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SourceFileError(where, f"not a date (YYYY-MM-DD): {text!r}") from None


@dataclass(frozen=True)
class Contribution:
    state: str  # contributor name as IPI writes it
    state_iso3: str
    mission: str
    date: date  # the month-end of the UN report
    type: ContributionType
    total: int
    men: int
    women: int
    locator: Locator  # row and the type's Total column
    kind: str = KIND

    @property
    def month(self) -> tuple[int, int]:
        return (self.date.year, self.date.month)


def _cell(row: dict[str, str], column: str, where: Locator) -> int:
    value = count(row[column], where, NA, column)
    if value is None:
        raise SourceFileError(replace(where, column=column), "empty count")
    return value


def _contribution_row(line: int, row: dict[str, str]) -> list[Contribution]:
    where = Locator(SOURCE, CONTRIBUTIONS_FILE, row=line)
    day = _month_end(row["Date"], replace(where, column="Date"))
    state, iso3, mission = row["Contributor"].strip(), row["Contributor ISO-3"].strip(), row["Mission"].strip()
    for column, value in (("Contributor", state), ("Contributor ISO-3", iso3), ("Mission", mission)):
        if not value:
            raise SourceFileError(replace(where, column=column), "empty")
    records = []
    sums = [0, 0, 0]
    for kind, label in TYPE_COLUMNS.items():
        men, women, total = (_cell(row, f"{label} {part}", where) for part in ("Male", "Female", "Total"))
        if men + women != total:
            raise SourceFileError(replace(where, column=f"{label} Total"), f"Male {men} + Female {women} != {total}")
        sums = [sums[0] + men, sums[1] + women, sums[2] + total]
        if total:
            records.append(
                Contribution(
                    state, iso3, mission, day, kind, total, men, women, replace(where, column=f"{label} Total")
                )
            )
    for part, expected in zip(("Male", "Female", "Total"), sums, strict=True):
        if _cell(row, f"Total {part}", where) != expected:
            raise SourceFileError(replace(where, column=f"Total {part}"), f"is not the sum of the types ({expected})")
    return records


@dataclass(frozen=True)
class Contributions:
    records: tuple[Contribution, ...]
    rows: int
    duplicates: tuple[Duplicate, ...]


@cache  # the states' owners and the personnel adapters read it in one run: parsed once
def read_contributions(folder: Path = SOURCES) -> Contributions:
    """Gender.Full.csv as one Contribution per (row, personnel type with people)."""
    path = source_file(folder, CONTRIBUTIONS_FILE)
    columns = {"Date", "Contributor", "Contributor ISO-3", "Mission"} | {
        f"{label} {part}" for label in (*TYPE_COLUMNS.values(), "Total") for part in ("Male", "Female", "Total")
    }
    seen: dict[tuple[str, ...], tuple[Locator, dict[str, str]]] = {}
    records: list[Contribution] = []
    duplicates: list[Duplicate] = []
    rows = 0
    for line, row in csv_rows(path, columns, Locator(SOURCE, CONTRIBUTIONS_FILE)):
        rows += 1
        where = Locator(SOURCE, CONTRIBUTIONS_FILE, row=line)
        key = (row["Date"], row["Contributor ISO-3"].strip(), row["Mission"].strip())
        figures = {c: row[c] for c in columns}
        if key in seen:
            kept, first = seen[key]
            if {c: v for c, v in first.items() if c != "Contributor"} != {
                c: v for c, v in figures.items() if c != "Contributor"
            }:
                raise SourceFileError(where, f"{key} already read at row {kept.row} with other figures")
            duplicates.append(Duplicate(key, kept, where))
            continue
        seen[key] = (where, figures)
        records.extend(_contribution_row(line, row))
    return Contributions(tuple(records), rows, tuple(duplicates))


@dataclass(frozen=True)
class MissionTotal:
    mission: str
    date: date
    contributors: int
    troops: int | None  # None = "NA" (IPI wrote zeros as NA)
    police: int | None
    observers: int | None
    total: int
    country: str
    country_iso3: str
    hq: str
    raw_longitude_column: float | None  # the value in 'Mission HQ Longitude' (a latitude, see docstring)
    raw_latitude_column: float | None  # the value in 'Mission HQ Latitude' (a longitude)
    locator: Locator
    hq_swapped: bool = True  # the two HQ columns hold each other's values (SOURCE.txt); see docstring
    kind: str = KIND

    @property
    def hq_latitude(self) -> float | None:
        return self.raw_longitude_column if self.hq_swapped else self.raw_latitude_column

    @property
    def hq_longitude(self) -> float | None:
        return self.raw_latitude_column if self.hq_swapped else self.raw_longitude_column

    @property
    def month(self) -> tuple[int, int]:
        return (self.date.year, self.date.month)

    def at(self, column: str) -> Locator:
        return replace(self.locator, column=column)


TOTAL_COLUMNS = {
    "Date", "Mission", "Country of Mission", "Country of Mission ISO-3", "Mission HQ", "Mission HQ Longitude",
    "Mission HQ Latitude", "Number of Contributors", "Troops", "Police", "Observers", "Total",
}


def _total_row(line: int, row: dict[str, str]) -> MissionTotal:
    where = Locator(SOURCE, TOTALS_FILE, row=line)

    def people(column: str) -> int | None:
        return count(row[column], where, NA, column)

    contributors, total = people("Number of Contributors"), people("Total")
    if contributors is None or total is None:
        raise SourceFileError(replace(where, column="Total" if total is None else "Number of Contributors"), "NA")
    troops, police, observers = people("Troops"), people("Police"), people("Observers")
    if (troops or 0) + (police or 0) + (observers or 0) != total:
        raise SourceFileError(replace(where, column="Total"), "is not Troops + Police + Observers")
    mission = row["Mission"].strip()
    if not mission:
        raise SourceFileError(replace(where, column="Mission"), "empty")
    return MissionTotal(
        mission=mission,
        date=_month_end(row["Date"], replace(where, column="Date")),
        contributors=contributors,
        troops=troops,
        police=police,
        observers=observers,
        total=total,
        country=row["Country of Mission"].strip(),
        country_iso3=row["Country of Mission ISO-3"].strip(),
        hq=row["Mission HQ"].strip(),
        raw_longitude_column=number(row["Mission HQ Longitude"], where, NA, "Mission HQ Longitude"),
        raw_latitude_column=number(row["Mission HQ Latitude"], where, NA, "Mission HQ Latitude"),
        locator=where,
    )


@dataclass(frozen=True)
class MissionTotals:
    records: tuple[MissionTotal, ...]
    duplicates: tuple[Duplicate, ...]


def _written_order(record: MissionTotal, hq: MissionInfo | None) -> bool:
    """True where missions.json confirms the columns as written and refutes the swapped reading."""
    if hq is None or hq.hq_latitude is None:
        return False
    written = (record.raw_latitude_column, record.raw_longitude_column)
    swapped = (record.raw_longitude_column, record.raw_latitude_column)
    return written == (hq.hq_latitude, hq.hq_longitude) != swapped


def read_mission_totals(folder: Path = SOURCES) -> MissionTotals:
    """data_mission_1990-2017.csv: deployed strength per mission-month (HQ order checked with missions.json)."""
    path = source_file(folder, TOTALS_FILE)
    hqs = {info.code: info for info in read_missions(folder)} if source_file(folder, MISSIONS_FILE).is_file() else {}
    seen: dict[tuple[str, ...], MissionTotal] = {}
    records: list[MissionTotal] = []
    duplicates: list[Duplicate] = []
    for line, row in csv_rows(path, TOTAL_COLUMNS, Locator(SOURCE, TOTALS_FILE)):
        record = _total_row(line, row)
        if _written_order(record, hqs.get(record.mission)):
            record = replace(record, hq_swapped=False)
        key = (record.date.isoformat(), record.mission)
        first = seen.get(key)
        if first is None:
            seen[key] = record
            records.append(record)
        elif replace(first, locator=record.locator) == record:
            duplicates.append(Duplicate(key, first.locator, record.locator))
        else:
            raise SourceFileError(record.locator, f"{key} already read at row {first.locator.row} with other figures")
    return MissionTotals(tuple(records), tuple(duplicates))


@dataclass(frozen=True)
class MissionInfo:
    code: str
    country: str
    country_iso3: str
    hq: str | None
    hq_latitude: float | None  # y; None where the file gives 0/0
    hq_longitude: float | None  # x
    locator: Locator


def read_missions(folder: Path = SOURCES) -> tuple[MissionInfo, ...]:
    """missions.json: the host country and HQ of each IPI mission code."""
    path = source_file(folder, MISSIONS_FILE)
    where = Locator(SOURCE, MISSIONS_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise SourceFileError(where, str(err)) from None
    if not isinstance(data, dict):
        raise SourceFileError(where, "expected an object keyed by mission code")
    infos = []
    for code, entry in data.items():
        at = replace(where, key=code)
        if isinstance(entry, dict):
            require_columns(entry.keys(), MISSION_FIELDS, at)
        try:
            loc = entry["mission_loc"]
            y, x = float(loc["y"]), float(loc["x"])
            country, iso3, hq = str(entry["country"]), str(entry["country_id"]), str(entry["hq"])
        except (KeyError, TypeError, ValueError) as err:
            raise SourceFileError(at, f"needs country, country_id, hq and mission_loc y/x ({err})") from None
        unknown = (y, x) == (0.0, 0.0)
        infos.append(MissionInfo(code, country, iso3, hq or None, None if unknown else y, None if unknown else x, at))
    return tuple(infos)
