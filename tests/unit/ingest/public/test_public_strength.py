"""Deployed strength agreement between Passmore et al. and IPI's mission totals, on real months."""

from __future__ import annotations

from collections import Counter

import pytest

from ingest.public.ipi import read_mission_totals
from ingest.public.passmore import read_passmore
from ingest.public.strength import StrengthFinding, compare_deployed

pytestmark = pytest.mark.unit
PASSMORE = read_passmore().months
IPI = read_mission_totals().records
FINDINGS = compare_deployed(PASSMORE, IPI)


def finding(mission: str, year: int, month: int, kind: str) -> StrengthFinding:
    return next(f for f in FINDINGS if (f.mission, f.year, f.month, f.type) == (mission, year, month, kind))


def test_agreeing_values_corroborate() -> None:
    troops = finding("UNAMID", 2013, 12, "troops")
    assert troops.outcome == "corroborated"
    assert troops.value == 14443
    assert [(w.source, w.value, w.locator.row, w.locator.column) for w in troops.witnesses] == [
        ("passmore-shortfall", 14443, 1333, "troop"), ("ipi-peacekeeping", 14443, 4618, "Troops")]
    assert finding("MONUC", 2008, 12, "military_observers").value == 740


def test_differing_values_are_statements_ipi_preferred() -> None:
    police = finding("IPTF", 1996, 2, "police")
    assert police.outcome == "disputed"
    assert [w.value for w in police.witnesses] == [374, 369]
    assert police.preferred is not None
    assert (police.preferred.source, police.value) == ("ipi-peacekeeping", 369)


def test_zero_against_na_is_not_a_dispute() -> None:
    troops = finding("IPTF", 1996, 2, "troops")
    assert troops.outcome == "zero_vs_na"
    assert [w.value for w in troops.witnesses] == [0, None]
    assert troops.value == 0


def test_outcome_counts() -> None:
    outcomes = Counter(f.outcome for f in FINDINGS)
    assert outcomes == {"corroborated": 7764, "zero_vs_na": 4503, "disputed": 1293, "one_witness": 12}
    months = {(m.mission, m.year, m.month) for m in PASSMORE} & {(t.mission, *t.month) for t in IPI}
    assert len(months) == 4725


def test_mission_key_maps_names_first() -> None:
    # with a key that drops every mission but MONUC, only MONUC's months are compared
    only = compare_deployed(PASSMORE, IPI, mission_key=lambda name: "monuc" if name == "MONUC" else None)
    assert {f.mission for f in only} == {"monuc"}
    assert len(only) == 3 * len({(f.year, f.month) for f in only})
