"""IPI readers: contributions by state x mission x month x type, mission totals, missions.json (real files)."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from ingest.public import SOURCES, SourceFileError
from ingest.public.ipi import (
    CONTRIBUTIONS_FILE,
    TOTALS_FILE,
    read_contributions,
    read_mission_totals,
    read_missions,
)

pytestmark = pytest.mark.unit
CONTRIBUTIONS = read_contributions()
TOTALS = read_mission_totals()
MISSIONS = {m.code: m for m in read_missions()}


def test_contribution_counts() -> None:
    assert CONTRIBUTIONS.rows == 29115
    assert CONTRIBUTIONS.duplicates == ()
    assert len(CONTRIBUTIONS.records) == 44054  # one per row and type with people
    assert Counter(r.type for r in CONTRIBUTIONS.records) == {
        "experts_on_mission": 17095, "individual_police": 13527, "troops": 11766, "formed_police_units": 1666,
    }
    assert len({r.state for r in CONTRIBUTIONS.records}) == 135
    assert len({r.mission for r in CONTRIBUTIONS.records}) == 25
    dates = {r.date for r in CONTRIBUTIONS.records}
    assert (min(dates), max(dates), len(dates)) == (date(2009, 11, 30), date(2014, 2, 28), 52)
    assert all(r.kind == "official monthly count" for r in CONTRIBUTIONS.records)


def test_a_states_personnel_in_a_month() -> None:
    rwanda = {r.type: r for r in CONTRIBUTIONS.records
              if (r.state_iso3, r.mission, r.date) == ("RWA", "UNAMID", date(2013, 12, 31))}
    assert {t: (r.total, r.men, r.women) for t, r in rwanda.items()} == {
        "individual_police": (132, 25, 107), "experts_on_mission": (12, 12, 0), "troops": (3259, 3210, 49),
    }
    assert str(rwanda["troops"].locator) == f"{CONTRIBUTIONS_FILE}, row 21445, column 'Troops Total'"


def test_names_kept_as_written_with_iso3() -> None:
    moldova = {r.state for r in CONTRIBUTIONS.records if r.state_iso3 == "MDA"}
    assert moldova == {"Moldova", "Moldova, Republic of"}
    assert {r.state for r in CONTRIBUTIONS.records if r.state_iso3 == "MKD"} == {
        "Macedonia", "The former Yugoslav Republic o", "The former Yugoslav Republic of Macedonia",
    }


def test_mission_totals() -> None:
    assert len(TOTALS.records) == 5330
    assert TOTALS.duplicates == ()
    assert len({r.mission for r in TOTALS.records}) == 78
    first = TOTALS.records[0]
    assert (first.mission, first.date, first.contributors, first.total) == ("ONUCA", date(1990, 11, 30), 11, 423)
    assert (first.troops, first.police, first.observers) == (423, None, None)  # NA = none reported
    unamid = next(r for r in TOTALS.records if (r.mission, r.date) == ("UNAMID", date(2013, 12, 31)))
    assert (unamid.troops, unamid.police, unamid.observers, unamid.total, unamid.locator.row) == (
        14443, 4674, 325, 19442, 4618)


def test_hq_coordinates_swap_as_documented() -> None:
    luanda = next(r for r in TOTALS.records if r.mission == "UNAVEM")
    assert (luanda.raw_longitude_column, luanda.raw_latitude_column) == (-8.8383, 13.2344)  # raw, as in the file
    assert (luanda.hq_latitude, luanda.hq_longitude) == (-8.8383, 13.2344)
    bamako = [r for r in TOTALS.records if r.mission == "MINUSMA"]
    assert (bamako[0].raw_longitude_column, bamako[0].raw_latitude_column) == (-8.0, 12.65)
    assert {(r.hq_latitude, r.hq_longitude) for r in bamako} == {(12.65, -8.0)}
    as_written = [r for r in TOTALS.records if not r.hq_swapped]
    assert [(r.mission, r.locator.row) for r in as_written][::8] == [("MINUSMA", 4533), ("MINUSMA", 4670)]
    assert len(as_written) == 9
    disagree = Counter(
        r.mission for r in TOTALS.records
        if MISSIONS[r.mission].hq_latitude is not None
        and (r.hq_latitude, r.hq_longitude) != (MISSIONS[r.mission].hq_latitude, MISSIONS[r.mission].hq_longitude)
    )
    assert disagree == {"UNMEE": 97}  # Asmara 12.1817 here, 15.3333 in missions.json: left to the missions record


def test_missions_json() -> None:
    assert len(MISSIONS) == 78
    assert set(MISSIONS) == {r.mission for r in TOTALS.records}
    assert (MISSIONS["UNMC"].hq_latitude, MISSIONS["UNMC"].hq_longitude, MISSIONS["UNMC"].hq) == (None, None, None)
    assert MISSIONS["UNMOGIP"].locator.key == "UNMOGIP"


def _folder(tmp_path: Path, file: str, edit: tuple[int, str, str] | None = None, append: int | None = None) -> Path:
    target = tmp_path / file
    target.parent.mkdir(parents=True)
    lines = (SOURCES / file).read_text(encoding="utf-8").splitlines(keepends=True)[:4]
    if edit:
        index, old, new = edit
        assert old in lines[index]
        lines[index] = lines[index].replace(old, new, 1)
    if append is not None:
        lines.append(lines[append])
    target.write_text("".join(lines), encoding="utf-8")
    shutil.copy(SOURCES / "ipi-peacekeeping/SOURCE.txt", target.parent)
    return tmp_path


def test_duplicate_contribution_row_kept_once(tmp_path: Path) -> None:
    data = read_contributions(_folder(tmp_path, CONTRIBUTIONS_FILE, append=2))
    assert data.rows == 4
    assert [(d.kept.row, d.dropped.row) for d in data.duplicates] == [(3, 5)]


def test_bad_sum_names_row_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path, CONTRIBUTIONS_FILE, edit=(1, '"UNMISS",1,0,1,', '"UNMISS",1,0,2,'))
    with pytest.raises(SourceFileError, match=r"row 2, column 'Individual Police Total': Male 1 \+ Female 0 != 2"):
        read_contributions(folder)


def test_bad_total_date(tmp_path: Path) -> None:
    folder = _folder(tmp_path, TOTALS_FILE, edit=(2, "1990-11-30", "1990-11-31"))
    with pytest.raises(SourceFileError, match=r"data_mission_1990-2017.csv, row 3, column 'Date': not a date"):
        read_mission_totals(folder)
