"""Sources `passmore-shortfall`, `ipi-peacekeeping` and `geo-pko`: ceilings, deployed strength and
contributions, one adapter per source (each loaded and versioned on its own).

Strength: `(:Mission)-[:HAS_STRENGTH]->(:Strength {month: 'YYYY-MM', measure, value, source})`,
measures `authorised_troops|authorised_police|authorised_observers` (Passmore, at the months a
ceiling starts or changes: each mission's first authorised row, then the 222 changes of
`passmore.ceiling_changes`, one node per changed type) and `deployed_troops|deployed_police|
deployed_observers` (per mission-month, IPI's totals and Passmore's, compared by `strength`):
- corroborated: one node, IPI's (the preferred source), `corroborated_by` Passmore, with a
  CORROBORATED_BY relationship to Passmore's Source carrying Passmore's locator;
- disputed: a node per source (id suffix `-ipi` / `-passmore`), `preferred` on IPI's, which holds
  both values as Statements (field `value`, IPI preferred, the written reason);
- Passmore 0 against IPI NA, Passmore > 0 against IPI NA, and a month only one source gives: the
  one source's node (`outcome` says which case). IPI's NA is no figure (IPI wrote zeros as NA).
A ceiling is SET_BY the resolution adopted for that mission in the month it changed, by
`passmore.link_resolutions` with TAMM's mandate-changing resolutions dated by the Data Hub: the
same-month link (lag 0) where exactly one resolution was adopted that month; else the one-month lag
(lag 1: Passmore's monthly figures often show a ceiling the month after its adoption) where that
gives exactly one; the edge says which (`lag_months`). None or several: no link.
The observer coding (`passmore.OBSERVER_CODINGS`) and the interpolation flag are properties.

Contributions (IPI, Gender.Full.csv): `(state)-[:CONTRIBUTES {month, type: troops|police|
formed_police|experts, count, men, women, basis: 'official monthly count', source, file, row,
column}]->(mission)`, one per row and personnel type with people.
Presence (Geo-PKO): `(state)-[:DEPLOYED_WITH {year, location, lat, lon, size (None when unknown),
size_known, basis: 'map estimate', source, file, row, column}]->(mission)`, one per row and listed
contributor. States are the Organisation records of kind `state` (ids of ingest.public.states):
IPI and Geo-PKO write those no earlier source holds (ingest.sources.state_records); a state or
mission no source holds is left out with a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ingest import records
from ingest.dataset import Dataset, Link
from ingest.public import Locator, dgc_scres, geopko, ipi, passmore, sc_membership, tamm
from ingest.public.passmore import CeilingChange, PassmoreMonth, PersonnelType, ceiling_changes, link_resolutions
from ingest.public.personnel_names import Unmapped, public_missions, public_states, resolve
from ingest.public.source_warning import SourceWarning
from ingest.public.strength import IPI_COLUMNS, PASSMORE_COLUMNS, PREFERRED_SOURCE, StrengthFinding, compare_deployed
from ingest.sources import Reading
from ingest.sources.public_common import PublicSource, record_locator
from ingest.sources.state_records import OWNERS, organisations, owned_states

MEASURE: dict[str, dict[PersonnelType, str]] = {
    "authorised": {
        "troops": "authorised_troops",
        "police": "authorised_police",
        "military_observers": "authorised_observers",
    },
    "deployed": {"troops": "deployed_troops", "police": "deployed_police", "military_observers": "deployed_observers"},
}
CONTRIBUTION_TYPES: dict[str, str] = {
    "troops": "troops",
    "individual_police": "police",
    "formed_police_units": "formed_police",
    "experts_on_mission": "experts",
}
OFFICIAL = "official monthly count"
ESTIMATE = "map estimate"
PREFERRED_REASON = (
    "IPI's totals come from the UN DPKO/DPO monthly contributor reports themselves; Passmore's deployed "
    "figures are a secondary compilation (data/sources/README.md)"
)


def month_text(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def strength_id(mission: str, measure: str, month: str, source: str | None = None) -> str:
    """`monusco-deployed-troops-2010-07` (`-ipi` / `-passmore` where the two sources differ)."""
    suffix = {"ipi-peacekeeping": "-ipi", "passmore-shortfall": "-passmore"}.get(source or "", "")
    return f"{mission}-{measure.replace('_', '-')}-{month}{suffix}"


def _named(mission_id: str) -> Callable[[str], str | None]:
    """A mission resolver that names one mission, whatever the name: for records already resolved."""

    def mission(_name: str) -> str | None:
        return mission_id

    return mission


@dataclass(frozen=True)
class PersonnelRead:
    """What the three sources read, names resolved, shared by the three adapters (read once)."""

    months: tuple[tuple[PassmoreMonth, str], ...]  # with the mission id
    totals: tuple[tuple[ipi.MissionTotal, str], ...]
    findings: tuple[tuple[StrengthFinding, str], ...]
    changes: tuple[tuple[CeilingChange, str], ...]
    contributions: tuple[tuple[ipi.Contribution, str, str], ...]  # with mission and state id
    presences: tuple[tuple[geopko.Presence, str, str], ...]
    unmapped: tuple[Unmapped, ...]
    resolutions: dict[int, int]  # number -> year, for the resolution ids
    candidates: tuple[tuple[int, date, str], ...]  # (number, Data Hub date, mission id) from TAMM


@cache
def _read_all(sources: Path) -> PersonnelRead:
    pm = passmore.read_passmore(sources)
    totals = ipi.read_mission_totals(sources)
    contributions = ipi.read_contributions(sources)
    presences = geopko.read_presence(sources)
    months = resolve(pm.months, public_missions)
    mission_totals = resolve(totals.records, public_missions)
    contribution_ids = resolve(contributions.records, public_missions, public_states)
    presence_ids = resolve(presences, public_missions, public_states)
    changes = resolve(ceiling_changes(pm.months), public_missions)
    # Compared by mission id and month (the rule of ingest.public.strength, one pair at a time), so
    # two names of one mission (a dated crosswalk entry) meet as one.
    totals_by_id = {(r.mission_id, *r.record.month): r.record for r in mission_totals.resolved}
    findings = []
    for resolved_month in months.resolved:
        record, mission_id = resolved_month.record, resolved_month.mission_id
        total = totals_by_id.get((mission_id, record.year, record.month))
        if total is not None:
            findings += [(f, mission_id) for f in compare_deployed([record], [total], _named(mission_id))]
    dgc = dgc_scres.read_dgc(sources)
    dates = {r.number: r.date for r in dgc.resolutions}
    years = {r.number: r.year for r in dgc.resolutions}
    candidates = set()
    for row in tamm.read_tamm(sources).months:
        if row.instrument.isdigit() and int(row.instrument) in dates and row.mission is not None:
            candidates.add((int(row.instrument), dates[int(row.instrument)], row.mission))
    return PersonnelRead(
        months=tuple((r.record, r.mission_id) for r in months.resolved),
        totals=tuple((r.record, r.mission_id) for r in mission_totals.resolved),
        findings=tuple(findings),
        changes=tuple((r.record, r.mission_id) for r in changes.resolved),
        contributions=tuple((r.record, r.mission_id, r.state_id or "") for r in contribution_ids.resolved),
        presences=tuple((r.record, r.mission_id, r.state_id or "") for r in presence_ids.resolved),
        unmapped=(*months.unmapped, *mission_totals.unmapped, *contribution_ids.unmapped, *presence_ids.unmapped),
        resolutions=years,
        candidates=tuple(sorted(candidates, key=lambda c: (c[0], c[2]))),
    )


def _unmapped_warnings(read: PersonnelRead, source: str) -> list[SourceWarning]:
    return [
        SourceWarning(Locator(source, u.file, u.rows[0] if u.rows else None), str(u))
        for u in read.unmapped
        if u.file.startswith(source + "/")
    ]


class _PersonnelSource(PublicSource):
    """The three adapters' shared reading: one `_read_all` of the three sources, each taking its part."""

    files: tuple[str, ...]
    states_file = ""  # the file naming the contributors (IPI, Geo-PKO)

    def inputs(self) -> list[Path]:
        # The curated states and the earlier owners' files decide which state records are this source's.
        curated_files = (self.data / "organisations.yaml", self.data / "territories.yaml")
        return [*(self.sources / f for f in self.files), self.data / "crosswalk", *curated_files]

    def reading(self) -> Reading:
        read = _read_all(self.sources)
        dataset = Dataset(self.sources, files={"strengths": self.files[0], "statements": self.files[0]})
        strengths: dict[str, records.Strength] = {}
        warnings = _unmapped_warnings(read, self.id)
        for record, links in self._records(read):
            if record.id in strengths:
                warnings.append(
                    SourceWarning(
                        Locator(self.id, record.locator.file or "", record.locator.row),
                        f"{record.id} given twice (two names of one mission); first kept",
                    )
                )
                continue
            strengths[record.id] = record
            dataset.links.extend(links)
        dataset.links.extend(self._links(read))
        kinds: dict[str, dict[str, Any]] = {"strengths": strengths} if strengths else {}
        if self.id in OWNERS:
            # The contributors no earlier source holds: ingest.sources.state_records
            dataset.files["organisations"] = self.states_file
            kinds["organisations"] = organisations(self.data, self.id, owned_states(self.data, self.id))
        dataset.kinds = kinds
        return Reading(dataset, [], warnings)

    def _records(self, read: PersonnelRead) -> Iterator[tuple[records.Strength, list[Link]]]:
        return iter(())

    def _links(self, read: PersonnelRead) -> Iterator[Link]:
        return iter(())


def _strength(
    mission: str,
    month: str,
    measure: str,
    value: int | float,
    where: Locator,
    source: str | None = None,
    /,
    **extra: object,
) -> tuple[records.Strength, list[Link]]:
    node_id = strength_id(mission, measure, month, source)
    record = records.Strength.model_validate(
        {
            "id": node_id,
            "mission": mission,
            "month": month,
            "measure": measure,
            "value": value,
            "source": where.source,
            "locator": record_locator(where),
            **extra,
        }
    )
    has = Link("HAS_STRENGTH", ("missions", mission), ("strengths", node_id), where, optional=True)
    return record, [has]


class PassmoreStrength(_PersonnelSource):
    """`passmore-shortfall`: authorised ceilings at their changes, and the deployed figures IPI does
    not give or gives otherwise (its corroborated figures are IPI's nodes)."""

    id = passmore.SOURCE
    files = (passmore.FILE, ipi.TOTALS_FILE, tamm.FILE, dgc_scres.FILE)

    def _records(self, read: PersonnelRead) -> Iterator[tuple[records.Strength, list[Link]]]:
        yield from self._ceilings(read)
        compared = {(f.type, m, f.year, f.month): f for f, m in read.findings}
        for record, mission in read.months:
            month = month_text(record.year, record.month)
            for kind in passmore.TYPES:
                value = record.deployed.of(kind)
                if value is None:
                    continue
                measure = MEASURE["deployed"][kind]
                where = record.at(PASSMORE_COLUMNS[kind])
                finding = compared.get((kind, mission, record.year, record.month))
                outcome = finding.outcome if finding else "single_source"
                if outcome == "corroborated":
                    continue  # IPI's node, with this row as its second witness
                if outcome == "disputed":
                    yield _strength(
                        mission,
                        month,
                        measure,
                        value,
                        where,
                        self.id,
                        outcome=outcome,
                        preferred=False,
                        reason=PREFERRED_REASON,
                    )
                    continue
                yield _strength(mission, month, measure, value, where, outcome=outcome)

    def _ceilings(self, read: PersonnelRead) -> Iterator[tuple[records.Strength, list[Link]]]:
        first: dict[str, PassmoreMonth] = {}
        for record, mission in read.months:
            authorised = record.authorised
            if any(authorised.of(k) is not None for k in passmore.TYPES):
                held = first.get(mission)
                if held is None or (record.year, record.month) < (held.year, held.month):
                    first[mission] = record
        for mission, record in sorted(first.items()):
            for kind in passmore.TYPES:
                value = record.authorised.of(kind)
                if value is not None:
                    yield self._ceiling(mission, record, kind, value, "initial", None, None)
        for change, mission in read.changes:
            link = self._resolution(read, change, mission)
            row = next((m for m, mid in read.months if m.locator == change.locator), None)
            if row is None:
                continue
            for kind in change.changed:
                value = change.after.of(kind)
                assert value is not None  # a change compares complete rows
                yield self._ceiling(mission, row, kind, value, "change", change.before.of(kind), link)

    def _ceiling(
        self,
        mission: str,
        row: PassmoreMonth,
        kind: PersonnelType,
        value: int | float,
        change: str,
        previous: int | float | None,
        resolution: tuple[int, int, tuple[int, ...]] | None,
    ) -> tuple[records.Strength, list[Link]]:
        measure = MEASURE["authorised"][kind]
        month = month_text(row.year, row.month)
        where = row.at(passmore.AUTHORISED[passmore.TYPES.index(kind)])
        military = row.military_ceiling
        extra: dict[str, object] = {"change": change, "interpolated": row.interpolated}
        if previous is not None:
            extra["previous"] = previous
        if kind in ("troops", "military_observers"):
            extra["observer_coding"] = military.coding
            if military.evidence:
                extra["observer_evidence"] = military.evidence
            if military.coding == "unverified":
                extra["observer_note"] = passmore.UNVERIFIED_NOTE
            else:  # the derived military ceiling, only where a resolution text verified the coding
                extra["troops_without_observers"] = military.troops_without_observers
                extra["military_total"] = military.military_total
        record, links = _strength(mission, month, measure, value, where, **extra)
        if resolution is not None:
            number, lag, candidates = resolution
            year = _read_all(self.sources).resolutions[number]
            links.append(
                Link(
                    "SET_BY",
                    ("strengths", record.id),
                    ("resolutions", f"s-res-{number}-{year}"),
                    where,
                    {
                        "lag_months": lag,
                        "candidates": list(candidates),
                        "rule": "the one resolution adopted for the mission that month (lag 0), else "
                        "the month before (lag 1)",
                    },
                    optional=True,
                )
            )
        return record, links

    @staticmethod
    def _resolution(
        read: PersonnelRead, change: CeilingChange, mission: str
    ) -> tuple[int, int, tuple[int, ...]] | None:
        for lag in (0, 1):
            (linked,) = link_resolutions([change], read.candidates, _named(mission), lag)
            if linked.resolution is not None:
                return linked.resolution, lag, linked.candidates
            if linked.candidates:
                return None  # several in the month: none chosen
        return None


class IpiPersonnel(_PersonnelSource):
    """`ipi-peacekeeping`: deployed strength from the mission totals (the preferred witness), and
    the contributions of every state by month and personnel type."""

    id = ipi.SOURCE
    files = (ipi.TOTALS_FILE, ipi.CONTRIBUTIONS_FILE, passmore.FILE, sc_membership.FILE)
    states_file = ipi.CONTRIBUTIONS_FILE

    def _records(self, read: PersonnelRead) -> Iterator[tuple[records.Strength, list[Link]]]:
        compared = {(f.type, m, f.year, f.month): f for f, m in read.findings}
        for total, mission in read.totals:
            year, month_number = total.month
            month = month_text(year, month_number)
            for kind in passmore.TYPES:
                value = getattr(total, {"military_observers": "observers"}.get(kind, kind))
                if value is None:
                    continue  # NA: IPI reports no figure
                measure = MEASURE["deployed"][kind]
                where = total.at(IPI_COLUMNS[kind])
                finding = compared.get((kind, mission, year, month_number))
                if finding is None or finding.outcome not in ("corroborated", "disputed"):
                    yield _strength(mission, month, measure, value, where, outcome="single_source")
                    continue
                theirs = finding.witnesses[0]
                if finding.outcome == "corroborated":
                    record, links = _strength(
                        mission, month, measure, value, where, outcome="corroborated", corroborated_by=theirs.source
                    )
                    links.append(
                        Link(
                            "CORROBORATED_BY",
                            ("strengths", record.id),
                            ("sources", theirs.source),
                            theirs.locator,
                            {"value": theirs.value},
                        )
                    )
                    yield record, links
                    continue
                statements = [
                    records.Statement(
                        field="value",
                        value=value,
                        preferred=True,
                        reason=PREFERRED_REASON,
                        source=self.id,
                        locator=record_locator(where),
                    ),
                    records.Statement(
                        field="value", value=theirs.value, source=theirs.source, locator=record_locator(theirs.locator)
                    ),
                ]
                yield _strength(
                    mission,
                    month,
                    measure,
                    value,
                    where,
                    self.id,
                    outcome="disputed",
                    reason=PREFERRED_REASON,
                    statements=statements,
                )

    def _links(self, read: PersonnelRead) -> Iterator[Link]:
        for record, mission, state in read.contributions:
            month = month_text(*record.month)
            kind = CONTRIBUTION_TYPES[record.type]
            yield Link(
                "CONTRIBUTES",
                ("organisations", state),
                ("missions", mission),
                record.locator,
                {
                    "month": month,
                    "type": kind,
                    "count": record.total,
                    "men": record.men,
                    "women": record.women,
                    "basis": OFFICIAL,
                    "name": record.state,
                    "iso3": record.state_iso3,
                },
                key=f"{month}:{kind}",
                optional=True,
            )


class GeoPkoPresence(_PersonnelSource):
    """`geo-pko`: yearly presence of contributors per mission and location, sizes estimated."""

    id = geopko.SOURCE
    files = (geopko.FILE, passmore.FILE, ipi.TOTALS_FILE, ipi.CONTRIBUTIONS_FILE, sc_membership.FILE)
    states_file = geopko.FILE

    def _links(self, read: PersonnelRead) -> Iterator[Link]:
        for record, mission, state in read.presences:
            yield Link(
                "DEPLOYED_WITH",
                ("organisations", state),
                ("missions", mission),
                record.locator,
                {
                    "year": record.year,
                    "location": record.location,
                    "lat": record.latitude,
                    "lon": record.longitude,
                    "size": record.size,
                    "size_known": not record.size_unknown,
                    "basis": ESTIMATE,
                    "name": record.contributor,
                },
                key=f"{record.year}:{record.locator.row}",
                optional=True,
            )


def personnel_adapters(data: Path) -> list[PassmoreStrength | IpiPersonnel | GeoPkoPresence]:
    return [PassmoreStrength(data), IpiPersonnel(data), GeoPkoPresence(data)]


__all__ = ["PREFERRED_SOURCE", "GeoPkoPresence", "IpiPersonnel", "PassmoreStrength", "personnel_adapters"]
