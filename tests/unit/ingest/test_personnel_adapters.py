"""The Passmore, IPI and Geo-PKO adapters on the real files, without Neo4j: counts, warnings, bad input."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from ingest.graph_rows import build_rows
from ingest.public import geopko, passmore
from ingest.public.missions import excluded_names
from ingest.sources import public_common
from ingest.sources.personnel import GeoPkoPresence, IpiPersonnel, PassmoreStrength, _read_all
from ingest.sources.scmembership import ScMembership
from schema.paths import DATA

PASSMORE = PassmoreStrength(DATA).read()
IPI = IpiPersonnel(DATA).read()
GEO = GeoPkoPresence(DATA).read()


def test_the_only_unmapped_names_are_the_excluded_lbb() -> None:
    # LBB (UN Logistics Base, Brindisi) is on data/crosswalk/missions_excluded.yaml: no mission
    for reading in (PASSMORE, IPI, GEO):
        assert reading.problems == []
        assert all("'LBB'" in str(w) for w in reading.warnings), [str(w) for w in reading.warnings]
    assert len(PASSMORE.warnings) == len(IPI.warnings) == 1
    assert GEO.warnings == []


def test_ceilings_are_the_initial_ones_and_the_222_changes() -> None:
    ceilings = [s for s in PASSMORE.records.kinds["strengths"].values() if s.measure.startswith("authorised")]
    changes = {(s.mission, s.month) for s in ceilings if s.change == "change"}
    assert len(changes) == 222
    assert Counter(s.change for s in ceilings) == {"initial": 186, "change": 361}
    linked = {link.start[1] for link in PASSMORE.records.links if link.type == "SET_BY"}
    months = {(s.mission, s.month) for s in ceilings if s.id in linked}
    assert len(months) == 42  # 5 in the month of the change (lag 0), 37 more a month later (lag 1)
    lags = Counter(link.props["lag_months"] for link in PASSMORE.records.links if link.type == "SET_BY")
    assert set(lags) == {0, 1}
    interpolated = [s for s in ceilings if s.interpolated]
    assert interpolated
    assert {s.mission for s in interpolated} == {"unmil"}


def test_deployed_strength_one_node_per_agreeing_figure_two_per_dispute() -> None:
    ipi = IPI.records.kinds["strengths"]
    ours = PASSMORE.records.kinds["strengths"]
    assert not set(ipi) & set(ours)
    outcomes = Counter(s.outcome for s in [*ipi.values(), *ours.values()] if s.measure.startswith("deployed"))
    assert outcomes["corroborated"] == 7804
    assert outcomes["disputed"] == 2 * 1293
    disputed = [s for s in ipi.values() if s.outcome == "disputed"]
    assert all(s.preferred and len(s.statements) == 2 for s in disputed)
    assert all(not s.preferred for s in ours.values() if s.outcome == "disputed")
    corroborating = [link for link in IPI.records.links if link.type == "CORROBORATED_BY"]
    assert len(corroborating) == 7804
    assert all(link.locator.source == "passmore-shortfall" for link in corroborating)


def test_contributions_and_presence_are_kept_apart_by_basis() -> None:
    contributes = [link for link in IPI.records.links if link.type == "CONTRIBUTES"]
    assert len(contributes) == 44054
    assert {link.props["basis"] for link in contributes} == {"official monthly count"}
    assert {link.props["type"] for link in contributes} == {"troops", "police", "formed_police", "experts"}
    presence = [link for link in GEO.records.links if link.type == "DEPLOYED_WITH"]
    assert len(presence) == 8496  # 8,729 presences less the 233 of names that are no state
    assert {link.props["basis"] for link in presence} == {"map estimate"}
    unknown = [link for link in presence if not link.props["size_known"]]
    assert unknown
    assert all(link.props["size"] is None for link in unknown)
    owned = GEO.records.kinds["organisations"]
    rows = build_rows(GEO.records)
    located = sum(len(edges) for (rel, _, _), edges in rows.edges.items() if rel == "LOCATED_IN")
    # the presences, and the contributors no earlier source holds (each FROM_SOURCE, in its territory)
    assert rows.count() == (len(owned), 8496 + len(owned) + located)


def test_every_contributor_is_a_state_record_of_exactly_one_source() -> None:
    council = ScMembership(DATA).read().records.kinds["organisations"]
    curated = {r["id"] for r in public_common.curated(DATA, "organisations") if r.get("kind") == "state"}
    ipi_states = IPI.records.kinds["organisations"]
    geo_states = GEO.records.kinds["organisations"]
    owners = [set(curated), set(council), set(ipi_states), set(geo_states)]
    assert all(not a & b for i, a in enumerate(owners) for b in owners[i + 1 :]), "a state written twice"
    known = set().union(*owners)
    for reading, relation in ((IPI, "CONTRIBUTES"), (GEO, "DEPLOYED_WITH")):
        starts = {link.start[1] for link in reading.records.links if link.type == relation}
        assert starts <= known, sorted(starts - known)
    assert {"fji", "civ", "mng"} <= known - set(council) - curated  # never on the Council
    assert all(r.kind == "state" and r.source == "ipi-peacekeeping" for r in ipi_states.values())
    # IPI writes each contributor's ISO-3 beside its name: every record IPI owns has that code
    codes = {(link.props["iso3"], link.start[1]) for link in IPI.records.links if link.type == "CONTRIBUTES"}
    for state_id, record in ipi_states.items():
        assert {code for code, start in codes if start == state_id} == {record.iso3}, state_id


def test_a_malformed_row_is_a_problem_naming_file_row_and_column(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "crosswalk", data / "crosswalk")
    shutil.copytree(DATA / "sources", data / "sources")
    path = data / "sources" / passmore.FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("troop")] = "many"
    lines[1] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")
    (problem,) = PassmoreStrength(data).read().problems
    assert problem.file == passmore.FILE
    assert (problem.line, problem.field) == (2, "troop")
    assert geopko.FILE not in str(problem)


def test_passmores_observer_coding_is_stated_on_every_military_ceiling() -> None:
    # SOURCE.txt: authtroop includes the military observers for some missions and not for others
    military = [
        s
        for s in PASSMORE.records.kinds["strengths"].values()
        if s.measure in ("authorised_troops", "authorised_observers")
    ]
    unverified = [s for s in military if s.observer_coding == "unverified"]
    assert unverified
    assert all(s.observer_note == passmore.UNVERIFIED_NOTE and s.military_total is None for s in unverified)
    verified = [s for s in military if s.observer_coding != "unverified"]
    assert {s.mission for s in verified} == {"monuc", "unmiss"}
    for ceiling in verified:
        (rule,) = [r for r in passmore.OBSERVER_CODINGS if r.mission.lower() == ceiling.mission]
        assert ceiling.observer_note is None
        assert ceiling.observer_evidence == rule.evidence
        if rule.coding == "included":
            assert (ceiling.troops_without_observers, ceiling.military_total) == (
                rule.authtroop - rule.authmilobs,
                rule.authtroop,
            )
        else:
            assert (ceiling.troops_without_observers, ceiling.military_total) == (
                rule.authtroop,
                rule.authtroop + rule.authmilobs,
            )


def test_every_unmapped_name_is_a_warning_with_file_and_row_and_is_explained() -> None:
    read = _read_all(DATA / "sources")
    assert not [u for u in read.unmapped if u.kind == "state"], "every contributor name maps to a state"
    explained = excluded_names()
    for unmapped in read.unmapped:
        assert unmapped.name.casefold() in {name.casefold() for name in explained}, str(unmapped)
        assert unmapped.rows
    warnings = [w for reading in (PASSMORE, IPI, GEO) for w in reading.warnings]
    assert len(warnings) == len(read.unmapped)
    for warning in warnings:
        assert warning.locator.file, str(warning)
        assert warning.locator.row, str(warning)
