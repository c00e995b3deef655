"""The state records the public sources need, each written by exactly one source.

A state is an Organisation of kind `state` (ids of ingest.public.states). A state of
data/organisations.yaml keeps its curated record. Every other state named by a public source is a
record of the FIRST source in `OWNERS` that names it: the Security Council membership, then IPI's
contributors, then Geo-PKO's. So a contributor that never sat on the Council (Nepal, Fiji, ...)
still has a real record, and no state is written twice (two sources writing one node would
undo each other's loads). Each record's locator is the first row of its owner that names it; it
is LOCATED_IN the Territory with its ISO code, where one exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from ingest import records
from ingest.public import geopko, ipi, sc_membership
from ingest.public.states import Mention, StateRecord, state_records
from ingest.sources.public_common import curated, record_locator

# Who writes a state record no curated record holds: the first of these that names the state.
OWNERS: tuple[str, ...] = (sc_membership.SOURCE, ipi.SOURCE, geopko.SOURCE)


@cache
def _mentions(sources: Path, source: str) -> tuple[Mention, ...]:
    if source == sc_membership.SOURCE:
        return sc_membership.read_membership(sources).mentions()
    if source == ipi.SOURCE:
        return tuple(Mention(r.state, source, r.locator, r.date.year) for r in ipi.read_contributions(sources).records)
    if source == geopko.SOURCE:
        return tuple(Mention(r.contributor, source, r.locator, r.year) for r in geopko.read_presence(sources))
    raise ValueError(f"{source} writes no state records (ingest.sources.state_records.OWNERS)")


def _existing(data: Path) -> dict[str, dict[str, object]]:
    return {str(r["id"]): r for r in curated(data, "organisations") if r.get("kind") == "state"}


def states_named_by(data: Path, source: str) -> tuple[StateRecord, ...]:
    """Every state record `source`'s rows name (curated ones included, flagged `existing`)."""
    names = {state_id: str(record.get("name", state_id)) for state_id, record in _existing(data).items()}
    return state_records(_mentions(data / "sources", source), names)


def owned_states(data: Path, source: str) -> tuple[StateRecord, ...]:
    """The state records `source` writes: named by it, not curated, named by no earlier owner."""
    earlier = OWNERS[: OWNERS.index(source)]
    if not (data / "sources").is_dir():
        return ()
    taken = {
        state.id for other in earlier if (data / "sources" / other).is_dir() for state in states_named_by(data, other)
    }
    return tuple(s for s in states_named_by(data, source) if not s.existing and s.id not in taken)


def organisations(data: Path, source: str, states: Iterable[StateRecord]) -> dict[str, records.Organisation]:
    """`states` as Organisation records of `source`, each in the Territory of its ISO code."""
    territories = {r["iso3"]: r["id"] for r in curated(data, "territories") if r.get("iso3")}
    found: dict[str, records.Organisation] = {}
    for state in states:
        territory = territories.get(state.code) if state.code else None
        found[state.id] = records.Organisation(
            id=state.id,
            name=state.name,
            kind="state",
            iso3=state.code,
            historic=state.historic,
            territory=territory,
            source=source,
            locator=record_locator(state.named_by[0]),
        )
    return found
