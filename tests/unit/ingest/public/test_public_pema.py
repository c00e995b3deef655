"""PEMA reader against the real files: counts, known rows, duplicates, date witnesses, carry-forward."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.public import SOURCES, SourceFileError
from ingest.public.dgc_scres import read_dgc
from ingest.public.pema import date_witnesses, read_pema, task_codes, tasks_gained_and_dropped, witnesses
from ingest.public.resolution_dates import reconcile_all

pytestmark = pytest.mark.unit
PEMA = read_pema()


def test_counts() -> None:
    assert sum(r.version == "v1.2" for r in PEMA.rows) == 365
    assert sum(r.version == "v2" for r in PEMA.rows) == 558
    assert len({m.mission for m in PEMA.mandates}) == 48
    assert len(PEMA.mandates) == 555
    assert sum(m.preferred.version == "v1.2" for m in PEMA.mandates) == 365


def test_41_tasks_in_both_files() -> None:
    codes = task_codes()
    assert len(codes) == 41
    assert codes["PartyAssistance"][-1].startswith("PEMA_raw_v2.csv:PolPartyAssist_")
    assert "PEMA_Feb22_v1.2.csv:UseOfForce" in codes["UseOfForce"]


def test_no_unmapped_mission_names() -> None:
    assert [w for w in PEMA.warnings if "crosswalk" in w.message] == []
    missing_dates = sorted(w.locator.row or 0 for w in PEMA.warnings if w.message == "no date")
    assert missing_dates == [169, 170, 171, 172]


def test_monuc_establishment_row() -> None:
    mandate = next(m for m in PEMA.mandates if m.mission == "monuc" and m.resolution == 1279)
    row = mandate.preferred
    assert (row.version, row.locator.row, row.date) == ("v1.2", 78, date(1999, 11, 30))
    assert (row.renewal, row.minor_adjustment, row.complete_adjustment) == (False, False, False)
    cells = {(c.task, c.modality): (c.paragraphs, c.locator.column) for c in row.tasks}
    assert cells[("Ceasefire", "assist")] == ("5a, 5b", "Ceasefire_Assist")
    witnesses = [str(w.locator) for w in mandate.witnesses]
    assert witnesses == ["pema/PEMA_Feb22_v1.2.csv, row 78", "pema/PEMA_raw_v2.csv, row 271"]


def test_combined_signature_is_two_resolutions() -> None:
    row = next(r for r in PEMA.rows if r.signature == "S/RES/758 AND S/RES/761")
    assert row.resolutions == (758, 761)
    assert row.mission == "unprofor"


def test_duplicates_resolved_by_the_rule() -> None:
    chosen = {(d.mission, d.resolution): d.preferred.row for d in PEMA.duplicates}
    assert chosen == {
        ("unprofor", 758): 3,  # its own row over the combined row 4
        ("unprofor", 761): 5,
        ("minujusth", 2350): 169,  # "S/RES/2350" over "S/RES/2350 (2017)" (row 172)
        ("minujusth", 2410): 166,
        ("minujusth", 2466): 167,
    }
    # every row stays a witness, never a second mandate
    keys = [(m.mission, m.resolution) for m in PEMA.mandates]
    assert len(keys) == len(set(keys))
    both = next(m for m in PEMA.mandates if m.mission == "minujusth" and m.resolution == 2410)
    assert sorted(w.locator.row or 0 for w in both.witnesses) == [165, 166]


def test_date_witnesses_keep_pema_swaps() -> None:
    witnesses = {(w.resolution, w.locator.file, w.locator.row): w for w in date_witnesses(PEMA)}
    swapped = witnesses[(2410, "pema/PEMA_raw_v2.csv", 166)]
    assert (swapped.written, swapped.date, swapped.locator.column) == ("04-Oct-18", date(2018, 10, 4), "Date2")
    assert witnesses[(2053, "pema/PEMA_Feb22_v1.2.csv", 110)].date == date(2012, 7, 27)
    assert witnesses[(2466, "pema/PEMA_raw_v2.csv", 167)].written == "04-Dec-19"
    assert not any(r == 758 and row == 4 for r, _, row in witnesses)  # a combined row is no witness


def test_carry_forward_never_drops() -> None:
    monuc = [m for m in PEMA.mandates if m.mission == "monuc"]
    changes = tasks_gained_and_dropped(monuc)
    assert [c.resolution for c in changes[:3]] == ["1279", "1291", "1316"]
    assert changes[0].gained == {"Ceasefire", "ChildRights", "HumanRelief", "HumanRights", "RefugeesIDPs"}
    assert {"DisarmDemob", "CivProtect", "UseOfForce"} <= changes[1].gained
    assert all(c.dropped == frozenset() for c in changes)
    assert changes[2].gained == frozenset()
    assert len(changes[2].not_restated) == 13


def test_bad_cell_names_file_row_and_column(tmp_path: Path) -> None:
    (tmp_path / "pema").mkdir()
    for name in ("PEMA_Feb22_v1.2.csv", "PEMA_raw_v2.csv"):
        (tmp_path / "pema" / name).write_bytes((SOURCES / "pema" / name).read_bytes())
    path = tmp_path / "pema" / "PEMA_Feb22_v1.2.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[2].split(",")
    cells[4] = "31/13/1999"  # the Date column: no month 13
    lines[2] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(SourceFileError, match=r"PEMA_Feb22_v1.2.csv, row 3, column 'Date': not a date"):
        read_pema(tmp_path)


def test_witnesses_disagree_with_the_data_hub_as_source_txt_says() -> None:
    """pema/SOURCE.txt: 17 of 365 v1.2 rows and 23 of 553 single-resolution v2 rows disagree with DGC-SCRES."""
    hub = {r.number: r for r in read_dgc().resolutions}
    mine = date_witnesses(PEMA)
    for file, rows, disagree in (("pema/PEMA_Feb22_v1.2.csv", 365, 17), ("pema/PEMA_raw_v2.csv", 553, 23)):
        these = [w for w in mine if w.locator.file == file]
        assert (len(these), sum(w.date != hub[w.resolution].date for w in these)) == (rows, disagree)


def test_reconciliation_sets_pema_swaps_aside() -> None:
    """The resolution-date rule with PEMA's witnesses: PEMA's two files are one source, so its day/month
    swap of S/RES/2410 (04-Oct-18) never outvotes the Data Hub's 2018-04-10."""
    hub = {r.number: r for r in read_dgc().resolutions}
    reconciled = {r.number: r for r in reconcile_all([hub[2410], hub[2053]], others=witnesses(PEMA))}
    assert reconciled[2410].preferred is not None
    assert reconciled[2410].preferred.date == date(2018, 4, 10)
    assert {w.source for w in reconciled[2410].witnesses} == {"un-psdata-dgc-scres", "pema"}
    # S/RES/2053: PEMA v1.2 and v2 both say 27 July 2012, but they are one source: the Data Hub's 27 June
    assert reconciled[2053].preferred is not None
    assert reconciled[2053].preferred.date == date(2012, 6, 27)
