"""Every description of a cited interviewee that differs from Appendix 1 is recorded (issue 13, point 6).

The scan (ingest/interviewee_descriptions.py) reads the thesis for each claim's description of its
interviewee; a difference from Appendix 1 must be a `role` statement on the interview at the
description's line, beside the preferred Appendix 1 statement, or a reviewed entry of
data/checks/interviewee_descriptions.yaml (a description of another quotation's speaker).
"""

from __future__ import annotations

import pytest
import yaml

from ingest import interviewee_descriptions, records
from ingest.dataset import Dataset, load_dataset
from ingest.thesis_text import thesis_path
from schema.paths import DATA

pytestmark = pytest.mark.unit
REVIEWED = DATA / "checks" / "interviewee_descriptions.yaml"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def found(dataset: Dataset) -> list[interviewee_descriptions.Description]:
    lines = thesis_path().read_text(encoding="utf-8").splitlines()
    return interviewee_descriptions.scan(
        lines, interviewee_descriptions.acronyms(dataset), interviewee_descriptions.affiliations(dataset)
    )


def _role_statements(dataset: Dataset, interview_id: str) -> list[records.Statement]:
    interview = dataset.kinds["interviews"][interview_id]
    assert isinstance(interview, records.Interview)
    return [s for s in interview.statements if s.field == "role"]


def test_every_difference_from_appendix_1_is_a_statement_on_the_interview(
    dataset: Dataset, found: list[interviewee_descriptions.Description]
) -> None:
    reviewed = {(r["interview"], r["line"]) for r in yaml.safe_load(REVIEWED.read_text(encoding="utf-8"))}
    unrecorded = [
        f"{d.claim} cites {d.interview}, described at line {d.line} as {d.text!r} ({d.actor})"
        for d in found
        if (d.interview, d.line) not in reviewed
        and not any(s.locator.line == d.line and not s.preferred for s in _role_statements(dataset, d.interview))
    ]
    assert not unrecorded, "record as a role statement on the interview:\n" + "\n".join(unrecorded)
    # The two examples of the issue are among them.
    assert {("drc-1", 7329), ("kosovo-2", 10963)} <= {(d.interview, d.line) for d in found}


def test_each_recorded_description_keeps_appendix_1_preferred_beside_it(dataset: Dataset) -> None:
    for interview_id, interview in dataset.kinds["interviews"].items():
        statements = _role_statements(dataset, interview_id)
        if not statements:
            continue
        assert isinstance(interview, records.Interview)
        preferred = [s for s in statements if s.preferred]
        assert len(preferred) == 1, interview_id
        assert preferred[0].value == interview.role
        assert preferred[0].locator.section == "appendix-1"
        assert all(s.locator.line and s.quote for s in statements), interview_id


def test_every_reviewed_entry_is_still_found(found: list[interviewee_descriptions.Description]) -> None:
    reviewed = yaml.safe_load(REVIEWED.read_text(encoding="utf-8"))
    at = {(d.interview, d.line): d.text for d in found}
    for entry in reviewed:
        assert at.get((entry["interview"], entry["line"])) == entry["text"], entry
        assert entry["reason"]
