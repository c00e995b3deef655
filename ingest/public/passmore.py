"""Passmore, Shannon & Hart (2018): authorised ceilings and deployed strength per mission-month.

File: `passmore-shortfall/Personnel_shortfall_data.csv` (4,833 rows, 71 missions, 1990-2015).
Read: `mission`, `year`, `month`; the authorised ceilings `authtroop`, `authpolice`, `authmilobs`;
the deployed strength `troop`, `police`, `milobs`. Everything else (shortfalls, proportions,
totals) is derived by the authors from these and is not read.

Rules
- Missing cells ("") are None, never 0 (445 rows have no authorisation at all, 1 no police ceiling).
- One row per (mission, year, month). A second row for the same key is a duplicate: identical
  figures are kept once and reported, differing figures refuse the file (none occur).
- Interpolated ceilings: 31 UNMIL rows (2012-10 .. 2015-05) carry non-whole authorised values
  (7789.2, ...), the authors' month-by-month interpolation of a phased drawdown. They are kept as
  given and flagged `interpolated`; a ceiling change in such a month is flagged too, since no
  resolution set that figure.
- Observers inside `authtroop` (SOURCE.txt): the coding is inconsistent. The authors' own
  `totmilauth` is `authtroop + authmilobs` in 4,375 of 4,384 rows, i.e. they read `authtroop` as
  troops WITHOUT observers, but SOURCE.txt shows MONUC 2000 (authtroop 5,537, authmilobs 500 =
  res. 1291's "up to 5,537 military personnel, including up to 500 military observers") where the
  observers are INSIDE authtroop, and UNMISS 2011 (6,834 + 166 = res. 1996's 7,000 military) where
  they are not. Rule: `authtroop` is kept as Passmore's figure; whether it includes the observers
  is `"included"` / `"excluded"` only where a resolution text was checked (OBSERVER_CODINGS, each
  with its evidence) and `"unverified"` otherwise. The derived military ceiling (troops without
  observers, and troops + observers) is given only for verified codings; for unverified rows the
  graph must say "as coded by Passmore et al., observer inclusion not verified", not "ceiling".
- Ceiling changes: a month whose (authtroop, authpolice, authmilobs) differs from the same
  mission's previous row (by year, month) while both rows have all three values. A mission's first
  row is its initial ceiling, not a change; a move from or to missing values is not a change.
  This gives the 222 change events SOURCE.txt counts.
- Resolution link: `link_resolutions` pairs each change with the resolutions adopted in that
  calendar month for that mission, from any list of (number, date, mission id) the caller gives
  (TAMM's `unsc_resolution`, DGC-SCRES dates, or the reconciled dates later). No match or several
  matches are kept as such, never guessed. With TAMM's mandate-changing resolutions (DGC-SCRES
  dates) 5 of the 222 changes find a resolution in the same month, 42 with `lag_months=1`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Literal

from ingest.public import SOURCES, Locator, SourceFileError, source_file
from ingest.public.cells import Duplicate, count, csv_rows, number

SOURCE = "passmore-shortfall"
FILE = "passmore-shortfall/Personnel_shortfall_data.csv"
MISSING = frozenset({""})
AUTHORISED = ("authtroop", "authpolice", "authmilobs")
DEPLOYED = ("troop", "police", "milobs")
PersonnelType = Literal["troops", "police", "military_observers"]
TYPES: tuple[PersonnelType, ...] = ("troops", "police", "military_observers")
ObserverCoding = Literal["included", "excluded", "unverified"]


def _whole(value: float | None) -> int | float | None:
    return int(value) if value is not None and value.is_integer() else value


@dataclass(frozen=True)
class Personnel:
    """One figure per personnel type; None where the source has no value."""

    troops: int | float | None
    police: int | float | None
    military_observers: int | float | None

    def of(self, kind: PersonnelType) -> int | float | None:
        value: int | float | None = getattr(self, kind)
        return value

    @property
    def complete(self) -> bool:
        return None not in (self.troops, self.police, self.military_observers)


@dataclass(frozen=True)
class ObserverRule:
    """A checked coding: this mission's `authtroop` of this value does/does not include its observers."""

    mission: str
    authtroop: int
    authmilobs: int
    coding: ObserverCoding
    evidence: str


# What an unverified troop or observer ceiling says of itself (SOURCE.txt: not "the ceiling").
UNVERIFIED_NOTE = "as coded by Passmore et al., observer inclusion not verified"

OBSERVER_CODINGS: tuple[ObserverRule, ...] = (
    ObserverRule(
        "MONUC", 5537, 500, "included",
        "passmore-shortfall/SOURCE.txt: res. 1291 authorises 'up to 5,537 military personnel, including up to "
        "500 military observers'",
    ),
    ObserverRule(
        "UNMISS", 6834, 166, "excluded",
        "passmore-shortfall/SOURCE.txt: authtroop 6,834 + authmilobs 166 = the 7,000 military of res. 1996 (2011)",
    ),
)


@dataclass(frozen=True)
class MilitaryCeiling:
    """The military part of an authorisation, read through the observer rule."""

    coding: ObserverCoding
    troops_without_observers: int | float | None
    military_total: int | float | None
    evidence: str | None


@dataclass(frozen=True)
class PassmoreMonth:
    mission: str  # as Passmore writes it (Kathman/IPI style: UNAVEM, UNOSOM, UNPF, LBB, ...)
    year: int
    month: int
    authorised: Personnel
    deployed: Personnel
    interpolated: bool
    locator: Locator

    def at(self, column: str) -> Locator:
        return replace(self.locator, column=column)

    @property
    def military_ceiling(self) -> MilitaryCeiling:
        troops, observers = self.authorised.troops, self.authorised.military_observers
        if troops is None or observers is None:
            return MilitaryCeiling("unverified", None, None, None)
        for rule in OBSERVER_CODINGS:
            if (rule.mission, rule.authtroop, rule.authmilobs) == (self.mission, troops, observers):
                if rule.coding == "included":
                    return MilitaryCeiling("included", troops - observers, troops, rule.evidence)
                return MilitaryCeiling("excluded", troops, troops + observers, rule.evidence)
        return MilitaryCeiling("unverified", None, None, None)


@dataclass(frozen=True)
class PassmoreData:
    months: tuple[PassmoreMonth, ...]
    duplicates: tuple[Duplicate, ...] = field(default=())


def _row(line: int, row: dict[str, str]) -> PassmoreMonth:
    where = Locator(SOURCE, FILE, row=line)

    def cells(columns: tuple[str, ...]) -> tuple[float | None, ...]:
        return tuple(number(row[c], where, MISSING, c) for c in columns)

    year = count(row["year"], where, MISSING, "year")
    month = count(row["month"], where, MISSING, "month")
    if year is None or month is None or not 1 <= month <= 12:
        raise SourceFileError(replace(where, column="year" if year is None else "month"), "no valid year/month")
    mission = row["mission"].strip()
    if not mission:
        raise SourceFileError(replace(where, column="mission"), "empty mission name")
    authorised = cells(AUTHORISED)
    for column in DEPLOYED:  # deployed people are whole numbers; refuse anything else
        count(row[column], where, MISSING, column)
    deployed = cells(DEPLOYED)
    return PassmoreMonth(
        mission=mission,
        year=year,
        month=month,
        authorised=Personnel(*(_whole(v) for v in authorised)),
        deployed=Personnel(*(_whole(v) for v in deployed)),
        interpolated=any(v is not None and not v.is_integer() for v in authorised),
        locator=where,
    )


def read_passmore(folder: Path = SOURCES) -> PassmoreData:
    """Every mission-month of the file, in file order, with duplicates resolved by the rule above."""
    path = source_file(folder, FILE)
    seen: dict[tuple[str, int, int], PassmoreMonth] = {}
    months: list[PassmoreMonth] = []
    duplicates: list[Duplicate] = []
    for line, row in csv_rows(path, {"mission", "year", "month", *AUTHORISED, *DEPLOYED}, Locator(SOURCE, FILE)):
        record = _row(line, row)
        key = (record.mission, record.year, record.month)
        first = seen.get(key)
        if first is None:
            seen[key] = record
            months.append(record)
        elif (first.authorised, first.deployed) == (record.authorised, record.deployed):
            duplicates.append(Duplicate(key, first.locator, record.locator))
        else:
            raise SourceFileError(record.locator, f"{key} already read at row {first.locator.row} with other figures")
    return PassmoreData(tuple(months), tuple(duplicates))


@dataclass(frozen=True)
class CeilingChange:
    mission: str
    year: int
    month: int
    before: Personnel
    after: Personnel
    changed: tuple[PersonnelType, ...]
    interpolated: bool  # the new or the old figure is the authors' interpolation, not a resolution's
    locator: Locator  # the row of the month the new ceiling first appears
    previous: Locator  # the row of the month before


def _by_mission(months: Iterable[PassmoreMonth]) -> Iterator[list[PassmoreMonth]]:
    groups: dict[str, list[PassmoreMonth]] = {}
    for record in months:
        groups.setdefault(record.mission, []).append(record)
    for records in groups.values():
        yield sorted(records, key=lambda r: (r.year, r.month))


def ceiling_changes(months: Iterable[PassmoreMonth]) -> list[CeilingChange]:
    """The months in which a mission's authorised figures change (rule in the module docstring)."""
    changes = []
    for records in _by_mission(months):
        for previous, current in pairwise(records):
            before, after = previous.authorised, current.authorised
            if not (before.complete and after.complete) or before == after:
                continue
            changed = tuple(kind for kind in TYPES if before.of(kind) != after.of(kind))
            changes.append(
                CeilingChange(
                    current.mission, current.year, current.month, before, after, changed,
                    previous.interpolated or current.interpolated, current.locator, previous.locator,
                )
            )
    return changes


@dataclass(frozen=True)
class LinkedChange:
    change: CeilingChange
    candidates: tuple[int, ...]  # resolutions adopted that month for that mission, ascending

    @property
    def resolution(self) -> int | None:
        """The resolution that set the ceiling: only when exactly one was adopted that month."""
        return self.candidates[0] if len(self.candidates) == 1 else None


def link_resolutions(
    changes: Iterable[CeilingChange],
    resolutions: Iterable[tuple[int, date, str]],
    mission_id: Callable[[str], str | None] = lambda name: name,
    lag_months: int = 0,
) -> list[LinkedChange]:
    """Each change with the resolutions (number, adoption date, mission id) adopted in its month.

    `lag_months` also accepts resolutions adopted up to that many months before the change month
    (Passmore's monthly figures often show a new ceiling the month after its adoption); the
    default 0 is the strict rule.

    `mission_id` turns Passmore's mission name into the id the resolutions use (the missions
    crosswalk once resolved; the raw name by default). A pure function: the lead can feed it the
    reconciled resolution dates later.
    """
    if lag_months < 0:
        raise ValueError("lag_months must be >= 0")
    by_month: dict[tuple[str, int, int], set[int]] = {}
    for number_, adopted, mission in resolutions:
        for lag in range(lag_months + 1):
            index = adopted.year * 12 + adopted.month - 1 + lag
            by_month.setdefault((mission, index // 12, index % 12 + 1), set()).add(number_)
    linked = []
    for change in changes:
        target = mission_id(change.mission)
        found = by_month.get((target, change.year, change.month), set()) if target is not None else set()
        linked.append(LinkedChange(change, tuple(sorted(found))))
    return linked
