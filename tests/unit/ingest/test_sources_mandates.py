"""The PEMA and TAMM adapters over the real files, and the mandate evolution's carry-forward rule
against the readers' own `tasks_gained_and_dropped`, without Neo4j."""

from __future__ import annotations

import csv
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from ingest import records
from ingest.dataset import Dataset
from ingest.graph_rows import build_rows
from ingest.pipeline import SourcesInvalid, validate
from ingest.public import pema as pema_reader
from ingest.public import tamm as tamm_reader
from ingest.sources import default_adapters
from ingest.sources.curated import CuratedYaml
from ingest.sources.pema import PemaSource
from ingest.sources.public import code_slug, concept_id
from ingest.sources.tamm import TammSource
from schema.paths import DATA
from service.read_models.mandate_evolution import source_histories

pytestmark = pytest.mark.unit


@cache
def _pema() -> Dataset:
    return PemaSource(DATA).read().records


@cache
def _tamm() -> Dataset:
    return TammSource(DATA).read().records


def test_default_sources_are_the_curated_then_resolutions_then_mandates_then_personnel() -> None:
    """The mandates' SETS and acts link to resolutions by number: the resolutions' sources come first;
    the personnel sources link ceilings to resolutions and contributions to states, so they come last."""
    assert [adapter.id for adapter in default_adapters(DATA)] == [
        "curated",
        "un-psdata-dgc-scres",
        "un-psdata-scmembership",
        "pema",
        "tamm",
        "passmore-shortfall",
        "ipi-peacekeeping",
        "geo-pko",
    ]


def test_counts_one_mandate_per_mission_and_resolution_and_every_task_code() -> None:
    assert len(_pema().kinds["tasks"]) == 41
    assert len(_tamm().kinds["tasks"]) == 49
    assert len(_pema().kinds["mandates"]) == len(pema_reader.read_pema().mandates) == 555
    assert len(_tamm().kinds["mandates"]) == len(tamm_reader.read_tamm().mandates) == 146


def test_ids_keep_sources_apart() -> None:
    assert "pema-monuc-1291" in _pema().kinds["mandates"]
    assert {"tamm-monuc-1291", "tamm-unmik-1244", "tamm-unmik-s-2008-354"} <= set(_tamm().kinds["mandates"])
    assert code_slug("DisarmDemob") == "disarm-demob"
    assert code_slug("SGBViolence") == "sgb-violence"
    assert concept_id("tamm", "peaceag_cease_monitor") == "tamm-peaceag-cease-monitor"


def test_every_task_concept_maps_into_the_project_scheme_with_a_reason() -> None:
    for dataset in (_pema(), _tamm()):
        for task in dataset.kinds["tasks"].values():
            assert task.scheme in ("pema", "tamm")
            assert task.mappings, task.id
            assert all(m.reason for m in task.mappings)
            assert task.locator.row == 1
            assert task.locator.column


def test_a_pema_inclusion_keeps_modality_paragraph_and_cell() -> None:
    mandate: records.Mandate = _pema().kinds["mandates"]["pema-minusma-2100"]
    assert mandate.resolution_numbers == [2100]
    assert mandate.date == "2013-04-25"
    civ = [i for i in mandate.inclusions if i.task == "pema-civ-protect"]
    assert [(i.modality, i.paragraph) for i in civ] == [("security", "16c, 16c(i), 26")]
    assert civ[0].locator.file == pema_reader.V12
    assert civ[0].locator.column == "CivProtect_Security"


def test_acts_from_pema_flags_and_the_tamm_rule() -> None:
    pema_acts = _pema().kinds["mandates"]["pema-minusma-2164"].acts
    assert {(a.act, a.locator.column) for a in pema_acts} >= {
        ("extends", "Mandate_Renewal"),
        ("adjusts", "Mandate_MinorAdjustment"),
    }
    tamm = _tamm().kinds["mandates"]
    assert [(a.act, a.resolution_number) for a in tamm["tamm-minusma-2100"].acts] == [("establishes", 2100)]
    assert [(a.act, a.resolution_number) for a in tamm["tamm-minusma-2164"].acts] == [("adjusts", 2164)]
    assert tamm["tamm-unmik-s-2008-354"].acts == []  # an SG report, no resolution: no act


def test_rows_link_by_number_only_to_resolutions_some_source_holds() -> None:
    curated = CuratedYaml(DATA).read().records
    elsewhere = {kind: set(by_id) for kind, by_id in curated.kinds.items()}
    rows = build_rows(_tamm(), elsewhere)
    sets = {(e["from"], e["to"]) for e in rows.edges[("SETS", "Resolution", "Mandate")]}
    assert ("s-res-1244-1999", "tamm-unmik-1244") in sets
    assert not any(to == "tamm-minusma-2100" for _, to in sets)  # 2100 is not loaded by curated
    established = rows.edges[("ESTABLISHES", "Resolution", "Mission:Actor")]
    assert any(e["from"] == "s-res-1244-1999" and e["to"] == "unmik" and e["props"]["row"] for e in established)
    corresponds = {(e["from"], e["to"]) for e in rows.edges[("CORRESPONDS_TO", "Mandate", "Mandate")]}
    assert ("tamm-monuc-1291", "monuc-1291") in corresponds


def _rows(dataset: Dataset, mission: str) -> list[dict[str, Any]]:
    out = []
    for mandate in dataset.kinds["mandates"].values():
        if mandate.mission != mission:
            continue
        out.append(
            {
                "mandate": {
                    "id": mandate.id,
                    "coding": mandate.coding,
                    "resolution_numbers": mandate.resolution_numbers,
                    "date": mandate.date,
                    "source": mandate.source,
                    "file": mandate.locator.file,
                    "row": mandate.locator.row,
                },
                "mission": {"id": mission},
                "tasks": [{"code": i.task, "modality": i.modality, "project": []} for i in mandate.inclusions],
                "acts": [],
            }
        )
    return out


@pytest.mark.parametrize("mission", ["monuc", "minusma", "unmiss", "unamsil"])
def test_pema_history_follows_the_reader_rule_nothing_dropped(mission: str) -> None:
    (history,) = source_histories(_rows(_pema(), mission))
    assert history.carry_forward == "accumulates"
    changes = pema_reader.tasks_gained_and_dropped(m for m in pema_reader.read_pema().mandates if m.mission == mission)
    assert [s.resolutions[0] for s in history.mandates] == [int(c.resolution) for c in changes]
    for step, change in zip(history.mandates, changes, strict=True):
        assert step.gained == sorted(concept_id("pema", t) for t in change.gained)
        assert step.not_restated == sorted(concept_id("pema", t) for t in change.not_restated)
        assert step.dropped == [] == sorted(change.dropped)


@pytest.mark.parametrize("mission", ["unmik", "minusma", "unifil", "monuc"])
def test_tamm_history_follows_the_reader_rule_absent_is_dropped(mission: str) -> None:
    (history,) = source_histories(_rows(_tamm(), mission))
    assert history.carry_forward == "full-vector"
    changes = tamm_reader.tasks_gained_and_dropped(m for m in tamm_reader.read_tamm().mandates if m.mission == mission)
    for step, change in zip(history.mandates, changes, strict=True):
        assert step.gained == sorted(concept_id("tamm", t) for t in change.gained)
        assert step.dropped == sorted(concept_id("tamm", t) for t in change.dropped)
        assert step.not_restated == []


def test_unmik_reconfiguration_by_sg_report_drops_tasks_in_tamm() -> None:
    (history,) = source_histories(_rows(_tamm(), "unmik"))
    step = next(s for s in history.mandates if s.mandate == "tamm-unmik-s-2008-354")
    assert step.dropped  # TAMM: absent from the vector = dropped by this instrument
    assert step.resolutions == []


def test_new_missions_and_proposed_tasks_are_curated_records_with_their_source_row() -> None:
    reading = CuratedYaml(DATA).read()
    minusma_like = reading.records.kinds["missions"]["amisom"]
    assert minusma_like.source == "un-psdata-dgc-scres"
    assert minusma_like.locator.key == "7502"
    assert minusma_like.locator.column == "description"
    proposed = reading.records.kinds["tasks"]["arms-embargo-monitoring"]
    assert proposed.source == "pema"
    assert proposed.locator.row == 1
    assert proposed.locator.column
    # Every one of the 35 is created: the first source of each has its Source record.
    assert reading.warnings == []
    assert reading.records.kinds["missions"]["bonuca"].source == "passmore-shortfall"
    assert len([m for m in reading.records.kinds["missions"].values() if m.note and "missions_new" in m.note]) == 35


def _copy_of_data(tmp_path: Path) -> Path:
    for folder in ("crosswalk", "sources/pema", "sources/tamm"):
        shutil.copytree(DATA / folder, tmp_path / folder)
    shutil.copy(DATA / "tasks.yaml", tmp_path / "tasks.yaml")
    return tmp_path


def test_a_malformed_pema_row_is_a_problem_naming_file_row_and_column(tmp_path: Path) -> None:
    data = _copy_of_data(tmp_path)
    path = data / "sources" / pema_reader.V12
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    table[2][table[0].index("Mandate_Renewal")] = "2"  # the file's row 3
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    (problem,) = PemaSource(data).read().problems
    assert (problem.file, problem.line, problem.field) == (pema_reader.V12, 3, "Mandate_Renewal")
    assert "expected 0, 1 or blank" in problem.message
    with pytest.raises(SourcesInvalid):
        validate([CuratedYaml(DATA), PemaSource(data)])


@pytest.mark.parametrize(("adapter", "file"), [(PemaSource, pema_reader.V2), (TammSource, tamm_reader.FILE)])
def test_a_missing_file_is_a_problem_naming_it_and_the_version_still_hashes(
    tmp_path: Path, adapter: type[PemaSource | TammSource], file: str
) -> None:
    data = _copy_of_data(tmp_path)
    (data / "sources" / file).unlink()
    source = adapter(data)
    (problem,) = source.read().problems
    assert (problem.file, problem.message) == (file, "cannot read: No such file or directory")
    assert source.version() != adapter(DATA).version()
