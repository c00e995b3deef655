"""data/findings.yaml: a bad link or locator in a finding is one problem naming file, record and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.dataset import DatasetInvalid, Problem, load_dataset
from schema.paths import DATA

FIRST = "- id: f-7-2-1\n"


def _problems_after(tmp_path: Path, edit: Callable[[str], str]) -> list[Problem]:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in DATA.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    findings = folder / "findings.yaml"
    text = findings.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text, "the edit changed nothing"
    findings.write_text(edited, encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(folder)
    return caught.value.problems


def _in_first(old: str, new: str) -> Callable[[str], str]:
    """Replace `old` once, inside the record f-7-2-1."""

    def edit(text: str) -> str:
        start = text.index(FIRST)
        return text[:start] + text[start:].replace(old, new, 1)

    return edit


def test_an_unknown_claim_is_named_with_file_record_and_field(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, _in_first("rests_on: [c-7-2-1]", "rests_on: [c-7-2-999]"))
    assert [(p.file, p.record, p.field) for p in problems] == [("findings.yaml", "f-7-2-1", "rests_on")]
    assert "'c-7-2-999' is not an id in claims" in problems[0].message


def test_an_unknown_actor_is_named(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, _in_first("actors: [unsc, monuc, unmik]", "actors: [unsc, nobody]"))
    assert [(p.file, p.record, p.field) for p in problems] == [("findings.yaml", "f-7-2-1", "actors")]
    assert "'nobody' is not an id in missions/organisations" in problems[0].message


def test_a_code_that_is_no_research_question_is_refused(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, _in_first("research_questions: [rq1]", "research_questions: [budget-process]"))
    assert [(p.file, p.record, p.field) for p in problems] == [("findings.yaml", "f-7-2-1", "research_questions")]
    assert "'budget-process' is a sub-theme code, not a research question" in problems[0].message


def test_a_passage_that_ends_before_it_starts_is_refused(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, _in_first("last_line: 10766", "last_line: 10700"))
    assert [(p.file, p.record) for p in problems] == [("findings.yaml", "f-7-2-1")]
    assert "last_line 10700 is before the first line 10752" in problems[0].message


def test_claims_without_a_basis_are_refused(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, _in_first("  basis: The passage cites DRC interview 12", "  note: cites"))
    assert [(p.file, p.record) for p in problems] == [("findings.yaml", "f-7-2-1")]
    assert "says why in `basis`" in problems[0].message
