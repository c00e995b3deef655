"""The missions crosswalk: every mission name every public file uses is mapped or explained."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ingest.public.crosswalk import CROSSWALKS, Crosswalk, CrosswalkError, crosswalk
from ingest.public.missions import (
    excluded_names,
    mission_ids,
    mission_names,
    new_missions,
    passmore_codes,
    resolve_mission,
    topic_acronyms,
    unmapped_names,
)
from schema.paths import DATA

pytestmark = pytest.mark.unit


def test_no_name_of_any_public_file_is_unmapped() -> None:
    unmapped = sorted({(u.locator.file, u.name, str(u.locator)) for u in unmapped_names()})
    assert unmapped == []


def test_every_source_contributes_names() -> None:
    files = {u.locator.file for u in mission_names()}
    assert {
        "pema/PEMA_Feb22_v1.2.csv",
        "pema/PEMA_raw_v2.csv",
        "tamm/TAMM_mission-month_v2.1.csv",
        "passmore-shortfall/Personnel_shortfall_data.csv",
        "ipi-peacekeeping/Gender.Full.csv",
        "ipi-peacekeeping/data_mission_1990-2017.csv",
        "ipi-peacekeeping/missions.json",
        "geo-pko/TCCMap_v.2.3.csv",
        "un-psdata-dgc-scres/DGC-SCRES.json",
        "un-psdata-pko/DPPADPOSS-PKO.csv",
    } == files


def test_every_mapping_points_at_a_graph_mission_or_one_to_create() -> None:
    ids = mission_ids()
    assert [m.id for m in crosswalk("missions").mappings if m.id not in ids] == []
    existing = {r["id"] for r in yaml.safe_load((DATA / "missions.yaml").read_text(encoding="utf-8"))}
    assert [m.id for m in new_missions() if m.id in existing] == []


def test_every_mapping_and_exclusion_gives_a_reason() -> None:
    assert all(len(m.reason) > 20 for m in crosswalk("missions").mappings)
    assert all(len(reason) > 10 for reason in excluded_names().values())
    new = yaml.safe_load((CROSSWALKS / "missions_new.yaml").read_text(encoding="utf-8"))
    assert all(entry["locator"]["file"] and entry["named_in"] for entry in new)


@pytest.mark.parametrize(
    ("name", "source", "when", "mission"),
    [
        ("UNOMOZ", "pema", "1992", "onumoz"),
        ("UNCSPG", "pema", "1997", "unpsg"),
        ("UNOSOM I", "pema", "1992", "unosom-i"),
        ("UNOSOM II", "pema", "1993", "unosom-ii"),
        ("UNAVEM II", "pema", "1991", "unavem-ii"),
        ("UNOSOM", "tamm", "1992-10", "unosom-i"),
        ("UNOSOM", "passmore-shortfall", "1993-06", "unosom"),
        ("UNAVEM", "passmore-shortfall", "1994-12", "unavem"),
        ("UNAVEM", "passmore-shortfall", "1995-02", "unavem-iii"),
        ("UNAVEM", "ipi-peacekeeping", "1996-01-31", "unavem-iii"),
        ("ONUCI", "ipi-peacekeeping", "2005-05-31", "unoci"),
        ("MISCA", "tamm", "2014-01", "misca"),
        ("UNTAG", "tamm", "1989-10", "untag"),
        ("EUFOR ALTHEA", "un-psdata-dgc-scres", None, "eufor-althea"),
        ("MONUC", None, None, "monuc"),
    ],
)
def test_known_names(name: str, source: str | None, when: str | None, mission: str) -> None:
    assert resolve_mission(name, source, when) == mission


def test_dated_mapping_needs_a_date() -> None:
    # Passmore's UNAVEM is two records over time: an undated row resolves to neither by its entries.
    assert crosswalk("missions").lookup("UNAVEM", "passmore-shortfall") is None


def test_topic_acronyms() -> None:
    line = "on extension of the mandate of the UN Angola Verification Mission III (UNAVEM III) (b) (II) (1994) (Benin)"
    assert topic_acronyms(line) == ["UNAVEM III"]
    assert topic_acronyms("deployment of the Group of Five for the Sahel Joint Force (FC-G5S)") == ["FC-G5S"]


def test_passmore_codes_stand_for_one_name() -> None:
    codes = passmore_codes()
    assert len(codes) == 72
    assert codes["1.0"] == "BINUB"
    assert sorted(code for code, name in codes.items() if name == "UNOCI") == ["21.0", "55.0"]


def test_a_dated_entry_needs_year_and_month(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text("- {name: UNAVEM, id: unavem, reason: r, source: s, until: '1995'}\n")
    with pytest.raises(CrosswalkError, match="until must be YYYY-MM"):
        Crosswalk.read(tmp_path / "m.yaml")


def test_a_dated_entry_holds_only_in_its_period(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(
        "- {name: UNAVEM, id: unavem, reason: r, source: s, until: 1995-01}\n"
        "- {name: UNAVEM, id: unavem-iii, reason: r, source: s, from: 1995-02}\n"
    )
    walk = Crosswalk.read(tmp_path / "m.yaml")
    assert [getattr(walk.lookup("UNAVEM", "s", when), "id", None) for when in ("1995-01-31", "1995-02", None)] == [
        "unavem",
        "unavem-iii",
        None,
    ]
