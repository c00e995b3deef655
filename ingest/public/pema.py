"""PEMA, the Peacekeeping Mandates dataset: `pema/PEMA_Feb22_v1.2.csv` (published v1.2) and
`pema/PEMA_raw_v2.csv` (pre-release v2), one row per Security Council resolution.

What is read, per row: the resolution number(s) of `Signature` ("S/RES/743", "S/RES/2410 (2018)",
"S/RES/758 AND S/RES/761" -> 758 and 761), the mission (`NamePKO`, through the missions
crosswalk), `Country`, `Year`, the date as written (`Date` dd/mm/yyyy in v1.2, `Date2` dd-Mon-yy in
v2) and parsed, the flags `Mandate_Renewal`, `Mandate_MinorAdjustment` (v1.2 only) and
`Mandate_CompleteAdjustment` (0/1; blank = not coded), v2's `Comments`, and every non-empty
`<Task>_<Modality>` cell: the operative-paragraph reference as written ("2a, 3b"), kept as the
locator of that task (row and column). The 41 tasks are the v1.2 header stems plus `UseOfForce`;
v2 spells two of them differently (`PolPartyAssist` = `PartyAssistance`, `RefugeeIDPs` =
`RefugeesIDPs`) and has `UseOfForce_Security` where v1.2 has a bare `UseOfForce` column, read as
the modality `security`. Modalities: monitor, assist, security, encouraged.

Rules:
- Dates: v2's two-digit years are 19yy from 46 on, else 20yy (the Council first met in 1946). A
  blank date is None (4 v2 rows); a date that does not parse raises SourceFileError. PEMA's dates
  are witnesses, not facts: `date_witnesses()` gives (resolution, date, locator) for every
  single-resolution row, for the resolution-date reconciliation (PEMA swaps day and month in
  some rows, e.g. S/RES/2410 "04-Oct-18" for 10 April 2018). A combined row's date is not a witness
  (one date for two resolutions).
- Duplicates: rows are grouped by (mission, resolution). Within one file the preferred row is, in
  this order: a row coding one resolution over a combined row ("S/RES/758 AND S/RES/761" is a
  witness for 758 and for 761, but their own rows are preferred); the row whose Signature is
  written as the file writes all others, "S/RES/<n>", over "S/RES/<n> (<year>)" (the MINUJUSTH
  2350, 2410 and 2466 rows twice in v2); then the earlier row. Across files v1.2 is preferred over
  v2 where both code a resolution (pema/SOURCE.txt: "prefer v1.2 where both code a resolution").
  Every row stays a witness of its (mission, resolution); each group with more than one row is
  reported as a `Duplicate` naming the rows and the one preferred.
- Names the missions crosswalk does not resolve are returned as warnings (file, row, name).
- Carry-forward (`tasks_gained_and_dropped`): PEMA codes the tasks a resolution's own operative
  paragraphs give; its website version of the same data (PEMA_For_Website_v4.csv, described in
  pema/SOURCE.txt) marks a task a later resolution does not restate as "Mandated in previous
  resolution in ...", so a task stays in force until the mission ends. PEMA never says a task was
  removed: a task is gained by the first resolution that codes it and is never dropped; the tasks
  in force that a resolution does not restate are listed as `not_restated`, not as dropped.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ingest.public import SOURCES, Locator, SourceFileError, source_file
from ingest.public.columns import header, require_columns
from ingest.public.missions import resolve_mission
from ingest.public.resolution_dates import DATASET, Witness
from ingest.public.source_warning import SourceWarning
from ingest.public.task_changes import TaskChange

SOURCE = "pema"
V12 = "pema/PEMA_Feb22_v1.2.csv"
V2 = "pema/PEMA_raw_v2.csv"
# The columns read by name in both files (besides the date column, which the version names; the
# minor-adjustment flag and the comments are optional, v2 lacks them).
REQUIRED = ("Signature", "NamePKO", "Year", "Country", "Mandate_Renewal", "Mandate_CompleteAdjustment")
MODALITIES = {"Monitor": "monitor", "Assist": "assist", "Security": "security", "Encouraged": "encouraged"}
# v2 header stem -> the v1.2 stem, the task code used here
ALIASES = {"PolPartyAssist": "PartyAssistance", "RefugeeIDPs": "RefugeesIDPs"}
_SIGNATURE = re.compile(r"^S/RES/(\d+)(?: ?\((\d{4})\))?$")


@dataclass(frozen=True)
class TaskCell:
    task: str  # PEMA task code (v1.2 header stem), e.g. "DisarmDemob"
    modality: str  # monitor | assist | security | encouraged
    paragraphs: str  # the cell as written: the operative paragraph(s)
    locator: Locator


@dataclass(frozen=True)
class PemaRow:
    version: str  # "v1.2" | "v2"
    signature: str
    resolutions: tuple[int, ...]
    mission_name: str
    mission: str | None  # graph mission id, None when the crosswalk does not resolve the name
    country: str
    year: int
    date_written: str
    date: date | None
    renewal: bool | None
    minor_adjustment: bool | None  # v1.2 only
    complete_adjustment: bool | None
    comments: str | None
    tasks: tuple[TaskCell, ...]
    locator: Locator

    @property
    def combined(self) -> bool:
        return len(self.resolutions) > 1

    @property
    def task_codes(self) -> frozenset[str]:
        return frozenset(cell.task for cell in self.tasks)


@dataclass(frozen=True)
class PemaMandate:
    """One (mission, resolution) PEMA codes: the preferred row and every row that codes it."""

    mission: str
    resolution: int
    preferred: PemaRow
    witnesses: tuple[PemaRow, ...]


@dataclass(frozen=True)
class Duplicate:
    mission: str
    resolution: int
    rows: tuple[Locator, ...]
    preferred: Locator
    rule: str


@dataclass(frozen=True)
class Pema:
    rows: tuple[PemaRow, ...]
    mandates: tuple[PemaMandate, ...]
    duplicates: tuple[Duplicate, ...]
    warnings: tuple[SourceWarning, ...]


def _task_column(column: str) -> tuple[str, str] | None:
    if column == "UseOfForce":
        return "UseOfForce", "security"
    stem, _, suffix = column.rpartition("_")
    if suffix not in MODALITIES or not stem:
        return None
    return ALIASES.get(stem, stem), MODALITIES[suffix]


def task_codes(sources: Path = SOURCES) -> dict[str, list[str]]:
    """PEMA's task codes (the 41 tasks) -> the header columns that code them, in both files."""
    codes: dict[str, list[str]] = {}
    for relative in (V12, V2):
        with source_file(sources, relative).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        for column in header:
            parsed = _task_column(column)
            if parsed is not None:
                codes.setdefault(parsed[0], []).append(f"{relative.split('/')[1]}:{column}")
    return codes


def _flag(value: str, locator: Locator) -> bool | None:
    if value.strip() == "":
        return None
    if value.strip() in ("0", "1"):
        return value.strip() == "1"
    raise SourceFileError(locator, f"expected 0, 1 or blank, not {value!r}")


def _resolutions(signature: str, locator: Locator) -> tuple[int, ...]:
    numbers = []
    for part in signature.split(" AND "):
        match = _SIGNATURE.match(part.strip())
        if match is None:
            raise SourceFileError(locator, f"not a resolution symbol: {signature!r}")
        numbers.append(int(match.group(1)))
    return tuple(numbers)


def _date(value: str, version: str, locator: Locator) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        if version == "v1.2":
            return datetime.strptime(value, "%d/%m/%Y").date()
        day, month, yy = value.split("-")
        year = int(yy) + (1900 if int(yy) >= 46 else 2000)
        return datetime.strptime(f"{day}-{month}-{year}", "%d-%b-%Y").date()
    except ValueError:
        raise SourceFileError(locator, f"not a date: {value!r}") from None


def _read(sources: Path, relative: str, version: str) -> tuple[list[PemaRow], list[SourceWarning]]:
    rows: list[PemaRow] = []
    warnings: list[SourceWarning] = []
    date_column = "Date" if version == "v1.2" else "Date2"
    with source_file(sources, relative).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        require_columns(reader.fieldnames, [*REQUIRED, date_column], header(SOURCE, relative))
        for line, record in enumerate(reader, start=2):

            def at(column: str, line: int = line) -> Locator:
                return Locator(SOURCE, relative, row=line, column=column)

            signature = record["Signature"].strip()
            name = record["NamePKO"].strip()
            try:
                year = int(record["Year"])
            except ValueError:
                raise SourceFileError(at("Year"), f"not a year: {record['Year']!r}") from None
            mission = resolve_mission(name, SOURCE, str(year))
            if mission is None:
                warnings.append(SourceWarning(at("NamePKO"), f"mission name {name!r} is not in the missions crosswalk"))
            written = record[date_column].strip()
            parsed = _date(written, version, at(date_column))
            if parsed is None:
                warnings.append(SourceWarning(at(date_column), "no date"))
            cells = []
            for column, value in record.items():
                task = _task_column(column)
                if task is not None and value.strip():
                    cells.append(TaskCell(task[0], task[1], value.strip(), at(column)))
            minor = record.get("Mandate_MinorAdjustment")
            rows.append(
                PemaRow(
                    version=version,
                    signature=signature,
                    resolutions=_resolutions(signature, at("Signature")),
                    mission_name=name,
                    mission=mission,
                    country=record["Country"].strip(),
                    year=year,
                    date_written=written,
                    date=parsed,
                    renewal=_flag(record["Mandate_Renewal"], at("Mandate_Renewal")),
                    minor_adjustment=None if minor is None else _flag(minor, at("Mandate_MinorAdjustment")),
                    complete_adjustment=_flag(record["Mandate_CompleteAdjustment"], at("Mandate_CompleteAdjustment")),
                    comments=(record.get("Comments") or "").strip() or None,
                    tasks=tuple(cells),
                    locator=Locator(SOURCE, relative, row=line),
                )
            )
    return rows, warnings


def _preference(row: PemaRow) -> tuple[int, int, int, int]:
    """Sort key of the duplicate rule: v1.2 first, single over combined, plain Signature, file order."""
    plain = _SIGNATURE.match(row.signature) is not None and "(" not in row.signature
    return (0 if row.version == "v1.2" else 1, int(row.combined), int(not plain), row.locator.row or 0)


DUPLICATE_RULE = (
    "v1.2 over v2 (pema/SOURCE.txt); a single-resolution row over a combined one; Signature 'S/RES/<n>' over "
    "'S/RES/<n> (<year>)'; then the earlier row. Every row stays a witness."
)


def read_pema(sources: Path = SOURCES) -> Pema:
    """Both PEMA files: every row, the (mission, resolution) mandates with their preferred row, the
    duplicates resolved by DUPLICATE_RULE, and the warnings (unmapped names, missing dates)."""
    rows12, warnings12 = _read(sources, V12, "v1.2")
    rows2, warnings2 = _read(sources, V2, "v2")
    rows = rows12 + rows2
    groups: dict[tuple[str, int], list[PemaRow]] = {}
    for row in rows:
        if row.mission is None:
            continue
        for number in row.resolutions:
            groups.setdefault((row.mission, number), []).append(row)
    mandates = []
    duplicates = []
    for (mission, number), group in groups.items():
        ranked = sorted(group, key=_preference)
        mandates.append(PemaMandate(mission, number, ranked[0], tuple(ranked)))
        same_file = [r for r in group if r.version == ranked[0].version]
        if len(same_file) > 1:
            duplicates.append(
                Duplicate(mission, number, tuple(r.locator for r in same_file), ranked[0].locator, DUPLICATE_RULE)
            )
    mandates.sort(key=lambda m: (m.mission, m.resolution))
    return Pema(tuple(rows), tuple(mandates), tuple(duplicates), tuple(warnings12 + warnings2))


@dataclass(frozen=True)
class DateWitness:
    resolution: int
    date: date
    written: str
    locator: Locator


def date_witnesses(pema: Pema) -> list[DateWitness]:
    """Every single-resolution row's date, both files: witnesses for the date reconciliation."""
    out = []
    for row in pema.rows:
        if row.date is None or row.combined:
            continue
        column = "Date" if row.version == "v1.2" else "Date2"
        locator = Locator(SOURCE, row.locator.file, row.locator.row, column=column)
        out.append(DateWitness(row.resolutions[0], row.date, row.date_written, locator))
    return out


def tasks_gained_and_dropped(mandates: Iterable[PemaMandate]) -> list[TaskChange]:
    """One mission's PEMA mandates in resolution order -> per resolution the tasks gained (first
    coded while not in force) and dropped (never: see the carry-forward rule in the docstring)."""
    # Resolution numbers follow adoption order, so they order a mission's resolutions.
    ordered: Sequence[PemaMandate] = sorted(mandates, key=lambda m: m.resolution)
    changes = []
    in_force: frozenset[str] = frozenset()
    for mandate in ordered:
        coded = mandate.preferred.task_codes
        gained = coded - in_force
        not_restated = in_force - coded
        in_force = in_force | coded
        changes.append(
            TaskChange(
                resolution=str(mandate.resolution),
                when=mandate.preferred.date.isoformat() if mandate.preferred.date else None,
                gained=gained,
                dropped=frozenset(),
                not_restated=not_restated,
                in_force=in_force,
                locator=mandate.preferred.locator,
            )
        )
    return changes


def witnesses(pema: Pema) -> list[Witness]:
    """`date_witnesses` as the resolution-date reconciliation takes them (resolution_dates.Witness)."""
    return [Witness(w.resolution, w.date, SOURCE, w.locator, kind=DATASET) for w in date_witnesses(pema)]
