"""Every PEMA and TAMM task code has a SKOS mapping to the project's task scheme."""

from __future__ import annotations

import csv

import pytest

from ingest.public import SOURCES
from ingest.public.pema import task_codes as pema_task_codes
from ingest.public.tamm import read_tamm
from ingest.public.task_mappings import read_task_mappings

pytestmark = pytest.mark.unit
MAPPINGS = read_task_mappings()


def test_every_pema_task_has_a_mapping() -> None:
    codes = pema_task_codes()
    assert len(codes) == 41
    assert [code for code in codes if not MAPPINGS.of("pema", code)] == []


def test_every_tamm_task_has_a_mapping() -> None:
    codes = read_tamm().task_codes
    assert len(codes) == 49
    assert [code for code in codes if not MAPPINGS.of("tamm", code)] == []


def test_no_mapping_for_a_code_the_sources_do_not_have() -> None:
    known = {("pema", c) for c in pema_task_codes()} | {("tamm", c) for c in read_tamm().task_codes}
    assert [(m.scheme, m.code) for m in MAPPINGS.mappings if (m.scheme, m.code) not in known] == []


def test_proposal_evidence_columns_exist() -> None:
    for proposal in MAPPINGS.proposals:
        for _, file, column in proposal.evidence:
            with (SOURCES / file).open(encoding="utf-8", newline="") as handle:
                assert column in next(csv.reader(handle)), (proposal.id, file, column)
        assert any(m.task == proposal.id for m in MAPPINGS.mappings), proposal.id


def test_known_mappings() -> None:
    assert [(m.match, m.task) for m in MAPPINGS.of("pema", "CivProtect")] == [("exactMatch", "protection-of-civilians")]
    assert [(m.match, m.task) for m in MAPPINGS.of("tamm", "ddr_assist")] == [("broadMatch", "ddr")]
    (use_of_force,) = MAPPINGS.of("pema", "UseOfForce")
    assert use_of_force.proposed
