"""Passmore et al. (2018) reader, the observer rule, ceiling changes and the resolution link (real file)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ingest.public import SOURCES, SourceFileError
from ingest.public.passmore import FILE, PassmoreMonth, Personnel, ceiling_changes, link_resolutions, read_passmore
from schema.paths import PROJECT_ROOT

pytestmark = pytest.mark.unit
DATA = read_passmore()


def month(mission: str, year: int, m: int) -> PassmoreMonth:
    return next(r for r in DATA.months if (r.mission, r.year, r.month) == (mission, year, m))


def test_counts() -> None:
    assert len(DATA.months) == 4833
    assert len({r.mission for r in DATA.months}) == 71
    assert DATA.duplicates == ()
    assert sum(not r.authorised.complete for r in DATA.months) == 446  # 445 without any, 1 without police
    assert sum(r.authorised == Personnel(None, None, None) for r in DATA.months) == 445


def test_known_row_with_locator() -> None:
    row = month("MONUC", 2008, 12)
    assert row.authorised == Personnel(19815, 1441, 760)
    assert row.locator.row == 797
    assert str(row.at("authtroop")) == f"{FILE}, row 797, column 'authtroop'"


def test_observer_rule_from_source_txt() -> None:
    monuc = month("MONUC", 2000, 7).military_ceiling  # res. 1291: 5,537 military incl. 500 observers
    assert (monuc.coding, monuc.troops_without_observers, monuc.military_total) == ("included", 5037, 5537)
    unmiss = month("UNMISS", 2012, 1).military_ceiling  # res. 1996: 6,834 + 166 = 7,000 military
    assert (unmiss.coding, unmiss.troops_without_observers, unmiss.military_total) == ("excluded", 6834, 7000)
    other = month("MONUC", 2008, 12).military_ceiling
    assert (other.coding, other.military_total) == ("unverified", None)
    codings = [r.military_ceiling.coding for r in DATA.months]
    assert (codings.count("included"), codings.count("excluded")) == (30, 29)


def test_interpolated_drawdown_kept_and_flagged() -> None:
    interpolated = [r for r in DATA.months if r.interpolated]
    assert len(interpolated) == 31
    assert {r.mission for r in interpolated} == {"UNMIL"}
    assert month("UNMIL", 2012, 10).authorised.troops == pytest.approx(7789.2)


def test_ceiling_changes_match_source_txt_count() -> None:
    changes = ceiling_changes(DATA.months)
    assert len(changes) == 222
    by_key = {(c.mission, c.year, c.month): c for c in changes}
    first = by_key[("MONUC", 2003, 1)]
    assert first.before == Personnel(5537, 75, 500)
    assert first.after == Personnel(9877, 75, 620)
    assert first.changed == ("troops", "military_observers")
    assert (first.locator.row, first.previous.row) == (726, 725)
    assert ("MONUC", 1999, 11) not in by_key  # a mission's first row is its initial ceiling, not a change
    assert sum(c.interpolated for c in changes) == 32


# (number, DGC-SCRES date, mission) as read from un-psdata-dgc-scres/DGC-SCRES.json
MONUC_RESOLUTIONS = [
    (1493, date(2003, 7, 28), "MONUC"),
    (1565, date(2004, 10, 1), "MONUC"),
    (1635, date(2005, 10, 28), "MONUC"),
    (1856, date(2008, 12, 22), "MONUC"),
]


def test_link_same_month_on_real_months() -> None:
    changes = [c for c in ceiling_changes(DATA.months) if c.mission == "MONUC"]
    linked = {(x.change.year, x.change.month): x for x in link_resolutions(changes, MONUC_RESOLUTIONS)}
    assert linked[(2008, 12)].resolution == 1856
    assert linked[(2005, 10)].resolution == 1635
    assert linked[(2003, 8)].candidates == ()  # res. 1493 of 28 July shows in August's figures
    assert linked[(2004, 11)].resolution is None


def test_link_with_lag_and_ambiguity() -> None:
    changes = [c for c in ceiling_changes(DATA.months) if c.mission == "MONUC"]
    lagged = {(x.change.year, x.change.month): x for x in link_resolutions(changes, MONUC_RESOLUTIONS, lag_months=1)}
    assert lagged[(2003, 8)].resolution == 1493
    assert lagged[(2004, 11)].resolution == 1565
    two = [*MONUC_RESOLUTIONS, (9999, date(2008, 12, 1), "MONUC")]
    both = next(x for x in link_resolutions(changes, two) if (x.change.year, x.change.month) == (2008, 12))
    assert both.candidates == (1856, 9999)
    assert both.resolution is None  # several candidates: none chosen
    mapped = link_resolutions(changes, [(1856, date(2008, 12, 22), "monuc")], mission_id=str.lower)
    assert [x.resolution for x in mapped if x.candidates] == [1856]
    with pytest.raises(ValueError, match="lag_months"):
        link_resolutions(changes, MONUC_RESOLUTIONS, lag_months=-1)


def _copy_with(tmp_path: Path, edit: str) -> Path:
    target = tmp_path / FILE
    target.parent.mkdir(parents=True)
    lines = (SOURCES / FILE).read_text(encoding="utf-8").splitlines(keepends=True)[:4]
    if edit == "duplicate":
        lines.append(lines[1])
    elif edit == "conflict":
        lines.append(lines[1].replace(",0,11,0,", ",0,12,0,", 1))
    elif edit == "bad":
        lines[2] = lines[2].replace(",15,8.0,", ",fifteen,8.0,", 1)
    target.write_text("".join(lines), encoding="utf-8")
    shutil.copy(SOURCES / "passmore-shortfall/SOURCE.txt", target.parent)
    return tmp_path


def test_duplicate_rule(tmp_path: Path) -> None:
    data = read_passmore(_copy_with(tmp_path, "duplicate"))
    assert len(data.months) == 3
    assert [(d.key, d.kept.row, d.dropped.row) for d in data.duplicates] == [(("BINUB", 2007, 1), 2, 5)]


def test_conflicting_duplicate_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceFileError, match=r"row 5: .*already read at row 2"):
        read_passmore(_copy_with(tmp_path, "conflict"))


def test_bad_cell_names_file_row_column(tmp_path: Path) -> None:
    where = r"Personnel_shortfall_data.csv, row 3, column 'authpolice': not a number"
    with pytest.raises(SourceFileError, match=where):
        read_passmore(_copy_with(tmp_path, "bad"))


SHARED = PROJECT_ROOT.parent / "shared" / "data"


def _tamm_candidates() -> list[tuple[int, date, str]]:
    """TAMM's (resolution, mission) pairs with the DGC-SCRES date, read from ../shared/data."""
    import csv
    import json
    import re
    from datetime import UTC, datetime

    dates = {}
    for record in json.loads((SHARED / "un-psdata-dgc-scres/DGC-SCRES.json").read_text(encoding="utf-8")):
        match = re.fullmatch(r"S/RES/(\d+) ?\(\d{4}\)", record["symbol"] or "")
        if match:
            dates[int(match[1])] = datetime.fromtimestamp(record["date"] / 1000, UTC).date()
    pairs = set()
    with (SHARED / "tamm/TAMM_mission-month_v2.1.csv").open(encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["unsc_resolution"].isdigit() and int(row["unsc_resolution"]) in dates:
                pairs.add((int(row["unsc_resolution"]), row["mission"]))
    return [(number, dates[number], mission) for number, mission in pairs]


@pytest.mark.skipif(not (SHARED / "tamm").is_dir(), reason="needs ../shared/data (TAMM, DGC-SCRES)")
def test_link_counts_with_tamm_resolutions() -> None:
    candidates = _tamm_candidates()
    changes = ceiling_changes(DATA.months)
    assert sum(x.resolution is not None for x in link_resolutions(changes, candidates)) == 5
    assert sum(x.resolution is not None for x in link_resolutions(changes, candidates, lag_months=1)) == 42
