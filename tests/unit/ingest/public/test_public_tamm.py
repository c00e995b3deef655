"""TAMM reader against the real file: counts, the mission-resolution table, non-SC sources, carry-forward."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.public import SOURCES, Locator, SourceFileError
from ingest.public.tamm import instrument_kind, read_tamm, tasks_gained_and_dropped

pytestmark = pytest.mark.unit
TAMM = read_tamm()


def test_counts() -> None:
    assert len(TAMM.months) == 5920
    assert len(TAMM.mandates) == 146
    assert len({m.mission for m in TAMM.mandates}) == 72
    assert len(TAMM.task_codes) == 49
    assert TAMM.warnings == ()


def test_mandate_keeps_its_first_month_and_all_month_rows() -> None:
    mandate = next(m for m in TAMM.mandates if m.mission == "monuc" and m.instrument == "1279")
    assert (mandate.kind, mandate.sc_resolutions, mandate.first_month) == ("sc-resolution", (1279,), "1999-11")
    assert {"children_protect", "humaid_assist", "humrts_protect", "peaceag_cease_monitor"} <= mandate.tasks
    assert len(mandate.months) == 3  # 1999-11 .. 2000-01, until resolution 1291
    assert mandate.locator.column == "unsc_resolution"


@pytest.mark.parametrize(
    ("value", "kind", "numbers"),
    [
        ("1279", "sc-resolution", (1279,)),
        ("425/426", "sc-resolution", (425, 426)),
        ("S/2008/354", "sc-document", ()),
        ("S/1998/500", "sc-document", ()),
        ("GA 1752", "ga-resolution", ()),
    ],
)
def test_non_sc_sources(value: str, kind: str, numbers: tuple[int, ...]) -> None:
    assert instrument_kind(value, Locator("tamm", "tamm/x.csv", 2)) == (kind, numbers)
    if value != "1279":
        assert any(m.instrument == value and m.kind == kind for m in TAMM.mandates)


def test_unknown_instrument_is_an_error() -> None:
    with pytest.raises(SourceFileError, match="row 2, column 'unsc_resolution'"):
        instrument_kind("SG letter", Locator("tamm", "tamm/x.csv", 2, column="unsc_resolution"))


def test_carry_forward_drops_what_a_later_mandate_omits() -> None:
    monusco = [m for m in TAMM.mandates if m.mission == "monusco"]
    changes = tasks_gained_and_dropped(monusco)
    assert [c.resolution for c in changes] == ["1925", "2147"]
    assert changes[1].gained == {"au_coop", "goodoffices", "peaceag_cease_monitor"}
    assert changes[1].in_force == changes[0].in_force - changes[1].dropped | changes[1].gained
    monuc = tasks_gained_and_dropped([m for m in TAMM.mandates if m.mission == "monuc"])
    assert [c.resolution for c in monuc] == ["1258", "1279", "1291", "1565", "1856"]


def test_a_task_dropped_by_a_real_resolution() -> None:
    unamsil = {c.resolution: c for c in tasks_gained_and_dropped(m for m in TAMM.mandates if m.mission == "unamsil")}
    assert unamsil["1436"].dropped == {"election_assist", "election_security"}
    unmik = {c.resolution: c for c in tasks_gained_and_dropped(m for m in TAMM.mandates if m.mission == "unmik")}
    # the reconfiguration by S/2008/354 (an SC document, not a resolution) drops seven tasks
    assert {"humaid_assist", "refugees_assist", "policereform_assist"} <= unmik["S/2008/354"].dropped
    assert unmik["S/2008/354"].when == "2008-06"


def test_bad_dummy_names_file_row_and_column(tmp_path: Path) -> None:
    (tmp_path / "tamm").mkdir()
    text = (SOURCES / "tamm" / "TAMM_mission-month_v2.1.csv").read_text(encoding="ascii").splitlines(keepends=True)
    cells = text[1].split(",")
    cells[5] = "2"  # peaceag_cease_monitor
    text[1] = ",".join(cells)
    (tmp_path / "tamm" / "TAMM_mission-month_v2.1.csv").write_text("".join(text), encoding="ascii")
    with pytest.raises(SourceFileError, match=r"row 2, column 'peaceag_cease_monitor': expected 0 or 1"):
        read_tamm(tmp_path)
