"""Identity for the personnel records: raw mission and state names -> the graph's ids, as a step.

The readers (passmore, ipi, geopko) keep names exactly as each file writes them. `resolve` maps
them afterwards with whatever resolvers the caller gives, so the readers stay independent of the
crosswalks (the missions crosswalk and the states module are curated elsewhere):
- `missions(name, source, (year, month | None))` -> mission id or None; the period lets a dated
  crosswalk entry tell e.g. UNOSOM I from II. `public_missions` is the missions rule
  (`ingest.public.missions.resolve_mission`); `from_crosswalk` wraps any `Crosswalk` (tests).
- `states(name, source, year)` -> state id or None, for IPI and Geo-PKO contributors;
  `public_states()` is `ingest.public.states.resolve` (crosswalk, then pycountry). A name the
  states crosswalk explains as not a state (`excluded`, e.g. Geo-PKO's "Multinational", "Un") is
  not unmapped: the record is left out and the name listed in `excluded`. IPI's ISO-3 code is not
  used to resolve (the name is), but tests check that every IPI name resolves to its code.
A record is `resolved` only when every name it carries maps; otherwise each unmapped name is
reported once per (kind, name, file) with all its rows, and the record is left out of `resolved`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from ingest.public import states as public_state_names
from ingest.public.crosswalk import Crosswalk
from ingest.public.geopko import Presence
from ingest.public.ipi import Contribution, MissionTotal
from ingest.public.missions import resolve_mission
from ingest.public.passmore import CeilingChange, PassmoreMonth

Period = tuple[int, int | None]
MissionResolver = Callable[[str, str, Period], str | None]
StateResolver = Callable[[str, str, int | None], str | None]
Excluded = Callable[[str, str], bool]
Record = PassmoreMonth | CeilingChange | Contribution | MissionTotal | Presence
R = TypeVar("R", PassmoreMonth, CeilingChange, Contribution, MissionTotal, Presence)


@dataclass(frozen=True)
class Resolved(Generic[R]):
    record: R
    mission_id: str
    state_id: str | None  # None for records that name no state (Passmore, IPI totals)


@dataclass(frozen=True)
class Unmapped:
    kind: Literal["mission", "state"]
    name: str
    file: str
    rows: tuple[int, ...]

    def __str__(self) -> str:
        shown = ", ".join(map(str, self.rows[:5])) + (f" (+{len(self.rows) - 5} more)" if len(self.rows) > 5 else "")
        return f"{self.file}: unmapped {self.kind} name {self.name!r} at row(s) {shown}"


@dataclass(frozen=True)
class Resolution(Generic[R]):
    resolved: tuple[Resolved[R], ...]
    unmapped: tuple[Unmapped, ...]
    excluded: tuple[str, ...]  # contributor names the states crosswalk explains as not a state


def from_crosswalk(crosswalk: Crosswalk) -> MissionResolver:
    def resolve_mission(name: str, source: str, _period: Period) -> str | None:
        mapping = crosswalk.lookup(name, source)
        return mapping.id if mapping else None

    return resolve_mission


def states_from_crosswalk(crosswalk: Crosswalk) -> StateResolver:
    def resolve_state(name: str, source: str, _year: int | None) -> str | None:
        mapping = crosswalk.lookup(name, source)
        return mapping.id if mapping else None

    return resolve_state


def public_missions(name: str, source: str, period: Period) -> str | None:
    """The graph's mission id by the missions rule, for a row of that year (and month)."""
    year, month = period
    return resolve_mission(name, source, f"{year}-{month:02d}" if month else str(year))


def public_states(name: str, source: str, year: int | None) -> str | None:
    """The graph's state id by the states rule (ingest/public/states.py)."""
    found = public_state_names.resolve(name, source, year)
    return found.id if found else None


def _period(record: Record) -> Period:
    if isinstance(record, Presence):
        return (record.year, None)
    if isinstance(record, PassmoreMonth | CeilingChange):
        return (record.year, record.month)
    return record.month


def _state(record: Record) -> str | None:
    if isinstance(record, Contribution):
        return record.state
    if isinstance(record, Presence):
        return record.contributor
    return None


def resolve(
    records: Iterable[R],
    missions: MissionResolver,
    states: StateResolver | None = None,
    excluded: Excluded = public_state_names.is_excluded,
) -> Resolution[R]:
    """Each record with its mission (and state) id, or the names that did not map."""
    resolved: list[Resolved[R]] = []
    missing: dict[tuple[Literal["mission", "state"], str, str], list[int]] = {}
    left_out: set[str] = set()
    for record in records:
        where = record.locator
        row = where.row or 0
        ok = True
        mission_id = missions(record.mission, where.source, _period(record))
        if mission_id is None:
            missing.setdefault(("mission", record.mission, where.file), []).append(row)
            ok = False
        state_id = None
        name = _state(record)
        if name is not None:
            if excluded(name, where.source):
                left_out.add(name)
                continue
            if states is None:
                raise ValueError(f"{where}: record names a state ({name!r}) but no states resolver was given")
            state_id = states(name, where.source, _period(record)[0])
            if state_id is None:
                missing.setdefault(("state", name, where.file), []).append(row)
                ok = False
        if ok and mission_id is not None:
            resolved.append(Resolved(record, mission_id, state_id))
    unmapped = tuple(
        Unmapped(kind, name, file, tuple(sorted(set(rows)))) for (kind, name, file), rows in sorted(missing.items())
    )
    return Resolution(tuple(resolved), unmapped, tuple(sorted(left_out)))
