"""TAMM v2.1, Tasks Assigned to Missions in their Mandates: `tamm/TAMM_mission-month_v2.1.csv`.

What is read: per mission-month row, `mission` (through the missions crosswalk), `year`, `month`
(checked against `yearmon`, Stata months since 1960m1), `unsc_resolution` (the mandate in force
that month), the task dummies (0/1; every column from `peaceag_cease_monitor` to `coop_other`
except `ch7`, plus `govpolicies_assist`: 49 columns in this file) and `ch7` (Chapter VII).
The mission-resolution table is derived: the first month of each (mission, unsc_resolution) pair
with its task vector and ch7, keeping every month row's locator. A pair whose vector or ch7 differs
between its months raises SourceFileError (it does not occur; TAMM codes one vector per mandate);
a second row for the same mission and month is reported as a duplicate and the first row kept.

Rule for `unsc_resolution` values that are not one Security Council resolution number:
- "425/426" (UNIFIL): two SC resolutions coded as one mandate: `sc_resolutions` (425, 426);
- "S/2008/354", "S/1998/500": Security Council document symbols, not resolutions (SOURCE.txt:
  S/2008/354 is UNMIK's reconfiguration by an SG report): kind "sc-document", no resolution;
- "GA 1752" (UNSF): a General Assembly resolution: kind "ga-resolution", no SC resolution.
The instrument is kept as written; only SC resolutions take part in resolution -> mission acts.

Carry-forward (`tasks_gained_and_dropped`): TAMM lists only the resolutions that change a mandate
(codebook as quoted in tamm/SOURCE.txt: "only resolutions that change that mandate in some way are
coded") and each month carries the full task vector in force. So a task absent from a later TAMM
mandate was dropped BY that mandate; a task present was kept or gained.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.public import SOURCES, Locator, SourceFileError, source_file
from ingest.public.columns import header, require_columns
from ingest.public.missions import resolve_mission
from ingest.public.source_warning import SourceWarning
from ingest.public.task_changes import TaskChange

SOURCE = "tamm"
FILE = "tamm/TAMM_mission-month_v2.1.csv"
FIRST_TASK, LAST_TASK, EXTRA_TASK = "peaceag_cease_monitor", "coop_other", "govpolicies_assist"
# The columns read by name (the task columns are the header's run FIRST_TASK..LAST_TASK, and EXTRA_TASK).
REQUIRED = ("mission", "year", "month", "yearmon", "unsc_resolution", "ch7", FIRST_TASK, LAST_TASK, EXTRA_TASK)


@dataclass(frozen=True)
class TammMonth:
    mission_name: str
    mission: str | None
    year: int
    month: int
    instrument: str  # unsc_resolution as written
    tasks: frozenset[str]
    ch7: bool
    locator: Locator

    @property
    def when(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class TammMandate:
    """One (mission, unsc_resolution) pair: its first month, task vector and every month's row."""

    mission: str
    instrument: str  # as written: "1279", "425/426", "S/2008/354", "GA 1752"
    kind: str  # sc-resolution | sc-document | ga-resolution
    sc_resolutions: tuple[int, ...]
    first_month: str  # YYYY-MM
    tasks: frozenset[str]
    ch7: bool
    locator: Locator  # the first month's row
    months: tuple[Locator, ...]


@dataclass(frozen=True)
class Tamm:
    months: tuple[TammMonth, ...]
    mandates: tuple[TammMandate, ...]
    task_codes: tuple[str, ...]
    warnings: tuple[SourceWarning, ...]


def instrument_kind(value: str, locator: Locator) -> tuple[str, tuple[int, ...]]:
    """The kind of a TAMM `unsc_resolution` value and the SC resolutions it names (rule above)."""
    if re.fullmatch(r"\d+(/\d+)*", value):
        return "sc-resolution", tuple(int(n) for n in value.split("/"))
    if re.fullmatch(r"S/\d{4}/\d+", value):
        return "sc-document", ()
    if re.fullmatch(r"GA \d+", value):
        return "ga-resolution", ()
    raise SourceFileError(locator, f"not a resolution or document symbol: {value!r}")


def _task_columns(header: list[str]) -> list[str]:
    first, last = header.index(FIRST_TASK), header.index(LAST_TASK)
    return [c for c in header[first : last + 1] if c != "ch7"] + [EXTRA_TASK]


def _dummy(value: str, line: int, column: str) -> bool:
    if value not in ("0", "1"):
        raise SourceFileError(Locator(SOURCE, FILE, row=line, column=column), f"expected 0 or 1, not {value!r}")
    return value == "1"


@cache  # the TAMM and the personnel adapters read it in one run: parsed once
def read_tamm(sources: Path = SOURCES) -> Tamm:
    months: list[TammMonth] = []
    warnings: list[SourceWarning] = []
    with source_file(sources, FILE).open(encoding="ascii", newline="") as handle:
        reader = csv.DictReader(handle)
        require_columns(reader.fieldnames, REQUIRED, header(SOURCE, FILE))
        columns = _task_columns(list(reader.fieldnames or []))
        for line, row in enumerate(reader, start=2):

            def at(column: str, line: int = line) -> Locator:
                return Locator(SOURCE, FILE, row=line, column=column)

            try:
                year, month, yearmon = int(row["year"]), int(row["month"]), int(row["yearmon"])
            except ValueError:
                raise SourceFileError(at("yearmon"), "year, month and yearmon must be integers") from None
            if yearmon != (year - 1960) * 12 + month - 1:
                raise SourceFileError(at("yearmon"), f"{yearmon} is not {year}-{month:02d}")
            name = row["mission"].strip()
            when = f"{year:04d}-{month:02d}"
            mission = resolve_mission(name, SOURCE, when)
            if mission is None:
                warnings.append(SourceWarning(at("mission"), f"mission name {name!r} is not in the missions crosswalk"))
            tasks = frozenset(c for c in columns if _dummy(row[c], line, c))
            ch7 = _dummy(row["ch7"], line, "ch7")
            instrument = row["unsc_resolution"].strip()
            here = Locator(SOURCE, FILE, row=line)
            months.append(TammMonth(name, mission, year, month, instrument, tasks, ch7, here))
    seen: dict[tuple[str, str], TammMonth] = {}
    kept = []
    for m in months:
        key = (m.mission_name, m.when)
        if key in seen:
            first_row = seen[key].locator.row
            message = f"second row for {m.mission_name} {m.when} (first: row {first_row}); not used"
            warnings.append(SourceWarning(m.locator, message))
            continue
        seen[key] = m
        kept.append(m)
    return Tamm(tuple(months), _mandates(kept), tuple(columns), tuple(warnings))


def _mandates(months: list[TammMonth]) -> tuple[TammMandate, ...]:
    groups: dict[tuple[str, str], list[TammMonth]] = {}
    for m in months:
        if m.mission is not None:
            groups.setdefault((m.mission, m.instrument), []).append(m)
    out = []
    for (mission, instrument), group in groups.items():
        group.sort(key=lambda m: m.when)
        first = group[0]
        for other in group[1:]:
            if (other.tasks, other.ch7) != (first.tasks, first.ch7):
                message = f"task vector differs from row {first.locator.row} of the same mandate"
                raise SourceFileError(other.locator, message)
        kind, numbers = instrument_kind(instrument, Locator(SOURCE, FILE, first.locator.row, column="unsc_resolution"))
        out.append(
            TammMandate(
                mission=mission,
                instrument=instrument,
                kind=kind,
                sc_resolutions=numbers,
                first_month=first.when,
                tasks=first.tasks,
                ch7=first.ch7,
                locator=Locator(SOURCE, FILE, row=first.locator.row, column="unsc_resolution"),
                months=tuple(m.locator for m in group),
            )
        )
    out.sort(key=lambda m: (m.mission, m.first_month))
    return tuple(out)


def tasks_gained_and_dropped(mandates: Iterable[TammMandate]) -> list[TaskChange]:
    """One mission's TAMM mandates in order of their first month -> per mandate the tasks gained
    and dropped: TAMM codes the full vector in force, so an absent task was dropped by it."""
    changes = []
    before: frozenset[str] = frozenset()
    for mandate in sorted(mandates, key=lambda m: m.first_month):
        changes.append(
            TaskChange(
                resolution=mandate.instrument,
                when=mandate.first_month,
                gained=mandate.tasks - before,
                dropped=before - mandate.tasks,
                in_force=mandate.tasks,
                locator=mandate.locator,
            )
        )
        before = mandate.tasks
    return changes
