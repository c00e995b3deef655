"""Identity for the personnel records: raw mission and state names -> the graph's ids, as a step.

The readers (passmore, ipi, geopko) keep names exactly as each file writes them. `resolve` maps
them afterwards with whatever resolvers the caller gives, so the readers stay independent of the
crosswalks (the missions crosswalk and the states module are curated elsewhere):
- `missions(name, source, (year, month | None))` -> mission id or None; the period lets a dated
  crosswalk entry tell e.g. UNOSOM I from II. `from_crosswalk` wraps a `Crosswalk`.
- `states(name, iso3 | None)` -> state id or None, for IPI contributors (with IPI's ISO-3 code
  as evidence) and Geo-PKO contributors (no code). Geo-PKO's non-state contributors
  (geopko.NON_STATE_CONTRIBUTORS, each with its reason) are not looked up: they are `excluded`.
A record is `resolved` only when every name it carries maps; otherwise each unmapped name is
reported once per (kind, name, file) with all its rows, and the record is left out of `resolved`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from ingest.public.crosswalk import Crosswalk
from ingest.public.geopko import NON_STATE_CONTRIBUTORS, Presence
from ingest.public.ipi import Contribution, MissionTotal
from ingest.public.passmore import CeilingChange, PassmoreMonth

Period = tuple[int, int | None]
MissionResolver = Callable[[str, str, Period], str | None]
StateResolver = Callable[[str, str | None], str | None]
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
    excluded: tuple[tuple[str, str], ...]  # (name, reason) of non-state contributors left out


def from_crosswalk(crosswalk: Crosswalk) -> MissionResolver:
    def resolve_mission(name: str, source: str, _period: Period) -> str | None:
        mapping = crosswalk.lookup(name, source)
        return mapping.id if mapping else None

    return resolve_mission


def states_from_crosswalk(crosswalk: Crosswalk, source: str | None = None) -> StateResolver:
    def resolve_state(name: str, _iso3: str | None) -> str | None:
        mapping = crosswalk.lookup(name, source)
        return mapping.id if mapping else None

    return resolve_state


def _period(record: Record) -> Period:
    if isinstance(record, Presence):
        return (record.year, None)
    if isinstance(record, PassmoreMonth | CeilingChange):
        return (record.year, record.month)
    return record.month


def _state(record: Record) -> tuple[str, str | None] | None:
    if isinstance(record, Contribution):
        return (record.state, record.state_iso3)
    if isinstance(record, Presence):
        return (record.contributor, None)
    return None


def resolve(records: Iterable[R], missions: MissionResolver, states: StateResolver | None = None) -> Resolution[R]:
    """Each record with its mission (and state) id, or the names that did not map."""
    resolved: list[Resolved[R]] = []
    missing: dict[tuple[Literal["mission", "state"], str, str], list[int]] = {}
    excluded: dict[str, str] = {}
    for record in records:
        where = record.locator
        row = where.row or 0
        ok = True
        mission_id = missions(record.mission, where.source, _period(record))
        if mission_id is None:
            missing.setdefault(("mission", record.mission, where.file), []).append(row)
            ok = False
        state_id = None
        named = _state(record)
        if named is not None:
            name, iso3 = named
            if isinstance(record, Presence) and name in NON_STATE_CONTRIBUTORS:
                excluded[name] = NON_STATE_CONTRIBUTORS[name]
                continue
            if states is None:
                raise ValueError(f"{where}: record names a state ({name!r}) but no states resolver was given")
            state_id = states(name, iso3)
            if state_id is None:
                missing.setdefault(("state", name, where.file), []).append(row)
                ok = False
        if ok and mission_id is not None:
            resolved.append(Resolved(record, mission_id, state_id))
    unmapped = tuple(
        Unmapped(kind, name, file, tuple(sorted(set(rows)))) for (kind, name, file), rows in sorted(missing.items())
    )
    return Resolution(tuple(resolved), unmapped, tuple(sorted(excluded.items())))
