"""The resolve step for personnel records: raw names -> ids, unmapped names reported with file and rows."""

from __future__ import annotations

from collections import Counter

import pytest

from ingest.public import states as public_state_names
from ingest.public.crosswalk import Crosswalk
from ingest.public.geopko import read_presence
from ingest.public.ipi import read_contributions, read_mission_totals
from ingest.public.missions import excluded_names
from ingest.public.passmore import ceiling_changes, read_passmore
from ingest.public.personnel_names import (
    from_crosswalk,
    public_missions,
    public_states,
    resolve,
    states_from_crosswalk,
)
from tests.conftest import TESTS

pytestmark = pytest.mark.unit
FIXTURES = TESTS / "fixtures" / "personnel-crosswalk"
MISSIONS = from_crosswalk(Crosswalk.read(FIXTURES / "missions.yaml"))
STATES = states_from_crosswalk(Crosswalk.read(FIXTURES / "states.yaml"))
CONTRIBUTIONS = read_contributions().records
PRESENCE = read_presence()


def test_passmore_months_resolve_and_unmapped_are_listed() -> None:
    months = [m for m in read_passmore().months if m.mission in ("MONUC", "UNAVEM", "LBB")]
    result = resolve(months, MISSIONS)
    assert {r.mission_id for r in result.resolved} == {"monuc", "unavem-i"}
    assert all(r.state_id is None for r in result.resolved)
    assert [(u.kind, u.name, u.file) for u in result.unmapped] == [
        ("mission", "LBB", "passmore-shortfall/Personnel_shortfall_data.csv")]
    assert len(result.unmapped[0].rows) == sum(m.mission == "LBB" for m in months)
    assert "unmapped mission name 'LBB' at row(s)" in str(result.unmapped[0])


def test_source_specific_entry_only_for_its_source() -> None:
    totals = [t for t in read_mission_totals().records if t.mission == "UNAVEM"]
    result = resolve(totals, MISSIONS)  # the UNAVEM entry is Passmore's, not IPI's
    assert result.resolved == ()
    assert [(u.name, u.file) for u in result.unmapped] == [("UNAVEM", "ipi-peacekeeping/data_mission_1990-2017.csv")]


def test_contributions_need_both_names() -> None:
    records = [c for c in CONTRIBUTIONS if c.mission == "UNAMID" and c.date.isoformat() == "2013-12-31"]
    result = resolve(records, MISSIONS, STATES)
    assert {(r.state_id, r.mission_id) for r in result.resolved} == {("RWA", "unamid"), ("NGA", "unamid")}
    unmapped_states = {u.name for u in result.unmapped if u.kind == "state"}
    assert "Ethiopia" in unmapped_states
    assert {u.kind for u in result.unmapped} == {"state"}


def test_geopko_non_states_are_excluded_not_unmapped() -> None:
    rows = [p for p in PRESENCE if p.mission == "UNISFA" and p.year == 2022]
    result = resolve(rows, lambda name, source, period: name.lower(), STATES)
    assert "Un" in result.excluded  # data/crosswalk/states.yaml: not-a-state, with its reason
    assert all(r.record.contributor != "Un" for r in result.resolved)
    assert all(u.name != "Un" for u in result.unmapped)


def test_every_contributor_name_resolves_with_the_real_states_rule() -> None:
    # missions pass through unchanged here: only the state names are under test
    ipi = resolve(CONTRIBUTIONS, lambda name, source, period: name, public_states)
    assert ipi.unmapped == ()
    assert len(ipi.resolved) == len(CONTRIBUTIONS)
    geo = resolve(PRESENCE, lambda name, source, period: name, public_states)
    assert geo.unmapped == ()
    assert geo.excluded == ("CARICOM", "Multinational", "TCC name unknown", "Un")
    assert len(geo.resolved) == 8729 - 233


def test_ipi_names_resolve_to_their_own_iso3() -> None:
    pairs = {(c.state, c.state_iso3, c.date.year) for c in CONTRIBUTIONS}
    wrong = []
    for name, iso3, year in sorted(pairs):
        found = public_state_names.resolve(name, "ipi-peacekeeping", year)
        if found is None or found.code != iso3:
            wrong.append((name, iso3, year, found))
    assert wrong == []


def test_state_records_without_states_resolver_refused() -> None:
    records = CONTRIBUTIONS[:1]
    with pytest.raises(ValueError, match="no states resolver"):
        resolve(records, MISSIONS)


def test_every_record_resolves_with_the_real_crosswalks() -> None:
    passmore = resolve(read_passmore().months, public_missions)
    changes = resolve(ceiling_changes(read_passmore().months), public_missions)
    totals = resolve(read_mission_totals().records, public_missions)
    contributions = resolve(CONTRIBUTIONS, public_missions, public_states)
    presence = resolve(PRESENCE, public_missions, public_states)
    unmapped = {
        (u.kind, u.name, u.file, len(u.rows))
        for u in (*passmore.unmapped, *changes.unmapped, *totals.unmapped, *contributions.unmapped, *presence.unmapped)
    }
    # LBB: on data/crosswalk/missions_excluded.yaml with its reason (two months in Passmore and IPI)
    assert unmapped == {
        ("mission", "LBB", "passmore-shortfall/Personnel_shortfall_data.csv", 2),
        ("mission", "LBB", "ipi-peacekeeping/data_mission_1990-2017.csv", 2),
    }
    assert "lbb" in {name.casefold() for name in excluded_names()}
    counts = [len(r.resolved) for r in (passmore, totals, contributions, presence)]
    assert counts == [4831, 5328, 44054, 8496]
    assert len(changes.resolved) == 222
    # Passmore's "UNAVEM" is the combined UNAVEM (I & II) until 1995-01, UNAVEM III from 1995-02 (dated entries)
    unavem = Counter(r.mission_id for r in passmore.resolved if r.record.mission == "UNAVEM")
    assert unavem == {"unavem": 61, "unavem-iii": 29}
