"""Every class of data error is caught before any write, and says file, record and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.dataset import DatasetInvalid, Problem, load_dataset
from tests.conftest import MINI


def _problems_after(tmp_path: Path, file: str, edit: Callable[[str], str]) -> list[Problem]:
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    path = folder / file
    path.write_text(edit(path.read_text()))
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(folder)
    return caught.value.problems


def test_the_fixture_itself_is_valid() -> None:
    dataset = load_dataset(MINI)
    assert dataset.ids("missions") == {"monuc", "monusco"}


def test_missing_source(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "territories.yaml", lambda t: t.replace("  source: thesis\n", ""))
    assert [(p.file, p.record, p.field) for p in problems] == [("territories.yaml", "cod", "source")]
    assert problems[0].line == 1
    assert str(problems[0]) == "territories.yaml:1: record 'cod' source: Field required"


def test_missing_locator(tmp_path: Path) -> None:
    problems = _problems_after(
        tmp_path, "organisations.yaml", lambda t: t.replace('  locator: {section: "1.1", line: 40}\n', "")
    )
    assert [(p.file, p.record, p.field, p.line) for p in problems] == [("organisations.yaml", "unsc", "locator", 7)]


def test_locator_that_points_nowhere(tmp_path: Path) -> None:
    problems = _problems_after(
        tmp_path, "territories.yaml", lambda t: t.replace('{section: "4.1", line: 5130}', "{line: 5130}")
    )
    assert (problems[0].record, problems[0].field) == ("cod", "locator")
    assert "section" in problems[0].message


def test_dangling_reference(tmp_path: Path) -> None:
    problems = _problems_after(
        tmp_path, "missions.yaml", lambda t: t.replace("territory: [cod]", "territory: [zzz]", 1)
    )
    assert [(p.file, p.record, p.field) for p in problems] == [("missions.yaml", "monuc", "territory")]
    assert "'zzz' is not an id in territories" in problems[0].message


def test_unknown_source(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "territories.yaml", lambda t: t.replace("source: thesis", "source: nowhere"))
    assert [(p.record, p.field) for p in problems] == [("cod", "source")]


def test_duplicate_id(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "organisations.yaml", lambda t: t.replace("id: unsc", "id: un"))
    assert [(p.file, p.record, p.field, p.line) for p in problems] == [("organisations.yaml", "un", "id", 7)]


def test_same_actor_id_in_missions_and_organisations(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "organisations.yaml", lambda t: t.replace("id: unsc", "id: monusco"))
    assert [(p.file, p.record, p.field, p.message) for p in problems] == [
        ("missions.yaml", "monusco", "id", "id also used in organisations.yaml")
    ]


def test_date_that_does_not_parse(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "missions.yaml", lambda t: t.replace('start: "2000"', 'start: "2000-13"'))
    assert [(p.record, p.field) for p in problems] == [("monuc", "start")]
    assert "does not exist" in problems[0].message


def test_date_in_another_format(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "missions.yaml", lambda t: t.replace('start: "2000"', 'start: "30/11/1999"'))
    assert "YYYY" in problems[0].message


def test_successor_cycle(tmp_path: Path) -> None:
    problems = _problems_after(
        tmp_path, "missions.yaml", lambda t: t.replace("  predecessor: [monuc]\n", "  successor: [monuc]\n")
    )
    assert any(p.field == "successor" and "cycle" in p.message and "monuc" in p.message for p in problems)


def test_unknown_field_is_a_typo(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "territories.yaml", lambda t: t.replace("  iso3: COD\n", "  iso: COD\n"))
    assert [(p.record, p.field) for p in problems] == [("cod", "iso")]


def test_conflicting_statements_need_one_preferred(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "missions.yaml", lambda t: t.replace(", preferred: true,", ","))
    assert [(p.record, p.field) for p in problems] == [("monuc", "statements.start")]


def test_record_must_hold_the_preferred_value(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "missions.yaml", lambda t: t.replace('start: "2000"\n', 'start: "1999"\n'))
    assert [(p.record, p.field) for p in problems] == [("monuc", "start")]


def test_nested_figure_error_names_its_path(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "missions.yaml", lambda t: t.replace("measure: troops", "measure: tanks"))
    assert [(p.record, p.field) for p in problems] == [("monuc", "figures.0.measure")]


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    problems = _problems_after(tmp_path, "territories.yaml", lambda t: t + "- id: [unclosed\n")
    assert problems[0].file == "territories.yaml"
    assert problems[0].line is not None
    assert "not valid YAML" in problems[0].message


def test_on_and_no_stay_strings_in_yaml(tmp_path: Path) -> None:
    """YAML 1.1 would read `on:` as the key True; the loader keeps YAML 1.2 booleans only."""
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    path = folder / "territories.yaml"
    path.write_text(path.read_text().replace("name: Democratic Republic of the Congo", "name: no"))
    assert load_dataset(folder).kinds["territories"]["cod"].name == "no"


def test_a_key_given_twice_in_one_record(tmp_path: Path) -> None:
    """YAML keeps the last of two equal keys without a word; the ingest refuses instead."""
    problems = _problems_after(
        tmp_path, "territories.yaml", lambda t: t.replace("- id: cod\n", "- id: cod\n  name: first\n", 1)
    )
    assert [(p.file, p.field) for p in problems] == [("territories.yaml", "name")]
    assert "given twice" in problems[0].message
    assert problems[0].line is not None


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    path = folder / "territories.yaml"
    path.write_bytes(path.read_bytes() + b"note: caf\xe9\n")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(folder)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("territories.yaml", path.read_bytes().count(b"\n"))
    assert "not UTF-8: byte 0xe9" in problem.message
