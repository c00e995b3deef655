"""Source `un-psdata-scmembership`: the Security Council's members by year, and the states they are.

States: the Organisation records of kind `state` the seats need (`states.state_records`): a state
of data/organisations.yaml keeps its record (the curated source's node; this source adds its ISO
code as a statement on it), any other is a record of this source with id = its ISO 3166 alpha-3
code lowercased (or former code, for a historic state), `iso3` and `historic`. States and
territories stay apart: a state is LOCATED_IN the Territory with its ISO code, where one exists.

Seats: (state) -[:HELD_SEAT {year, permanent}]-> (unsc), one per row, the row as locator. A blank
member name is no seat of anyone: the reader's warning says so.
"""

from __future__ import annotations

from pathlib import Path

from ingest import records
from ingest.dataset import Dataset, Link
from ingest.public import Locator
from ingest.public.sc_membership import FILE, SOURCE, read_membership
from ingest.public.states import state_records
from ingest.sources import Reading
from ingest.sources.public_common import PublicSource, curated, record_locator
from ingest.sources.state_records import organisations as state_organisations
from schema.registry import ADOPTER


class ScMembership(PublicSource):
    id = SOURCE

    def inputs(self) -> list[Path]:
        return [
            self.sources / FILE,
            self.data / "crosswalk",
            self.data / "organisations.yaml",
            self.data / "territories.yaml",
        ]

    def reading(self) -> Reading:
        membership = read_membership(self.sources)
        existing = {r["id"]: r for r in curated(self.data, "organisations") if r.get("kind") == "state"}
        territories = {r["iso3"]: r["id"] for r in curated(self.data, "territories") if r.get("iso3")}
        dataset = Dataset(self.sources, files={"organisations": FILE, "statements": FILE})
        statements: dict[str, records.Statement] = {}
        names = {state_id: str(record.get("name", state_id)) for state_id, record in existing.items()}
        named = state_records(membership.mentions(), names)
        for state in named:
            if not state.existing:
                continue  # a record of this source: state_records.organisations
            first = state.named_by[0]
            if state.code is not None:
                statement_id = f"{state.id}-{SOURCE}-statement-1"
                statements[statement_id] = records.Statement(
                    field="iso3", value=state.code, source=SOURCE, locator=record_locator(first)
                )
                dataset.links.append(
                    Link("HAS_STATEMENT", ("organisations", state.id), ("statements", statement_id), first)
                )
            territory = territories.get(state.code) if state.code else None
            if territory is not None and not existing[state.id].get("territory"):
                dataset.links.append(Link("LOCATED_IN", ("organisations", state.id), ("territories", territory), first))
        organisations = state_organisations(self.data, SOURCE, (s for s in named if not s.existing))
        for seat in membership.seats:
            if seat.state is None:
                continue  # blank or unmapped: the reader's warning names the row
            dataset.links.append(
                Link(
                    "HELD_SEAT",
                    ("organisations", seat.state),
                    ("organisations", ADOPTER),
                    Locator(SOURCE, seat.locator.file, seat.locator.row, column=seat.locator.column),
                    {"year": seat.year, "permanent": seat.permanent, "name": seat.name},
                    key=str(seat.year),
                )
            )
        dataset.kinds = {"organisations": organisations, "statements": statements}
        return Reading(dataset, [], list(membership.warnings))
