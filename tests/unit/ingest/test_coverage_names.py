"""Coverage of the thesis (issue 13, point 7): every acronym and organisation-like name of chapters 1-7
is a record, another name of one, or listed in data/coverage/names.yaml with why it is not a record."""

from __future__ import annotations

import pytest
import yaml

from ingest import coverage_names
from ingest.dataset import Dataset, load_dataset
from ingest.thesis_text import thesis_path
from schema.paths import DATA

pytestmark = pytest.mark.unit
LISTED = DATA / "coverage" / "names.yaml"
OUTCOMES = ("record", "reason", "missing")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def found() -> list[coverage_names.NameUse]:
    return coverage_names.scan(thesis_path().read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def listed() -> dict[tuple[str, str], dict[str, object]]:
    return {(e["name"], e["kind"]): e for e in yaml.safe_load(LISTED.read_text(encoding="utf-8"))}


def test_every_name_of_chapters_1_to_7_is_a_record_or_listed(
    dataset: Dataset, found: list[coverage_names.NameUse], listed: dict[tuple[str, str], dict[str, object]]
) -> None:
    names = coverage_names.record_names(dataset)
    unexplained = [
        f"{use.kind} {use.name!r} (line {use.line}, {use.count}x)"
        for use in found
        if coverage_names.resolve(use, names) is None and (use.name, use.kind) not in listed
    ]
    by_outcome = {o: sum(o in e for e in listed.values()) for o in OUTCOMES}
    print(f"\n{len(found)} names found, {len(found) - len(listed)} records by name; listed: {by_outcome}")
    assert len(found) > 100
    assert not unexplained, f"add a record or an entry in {LISTED}:\n" + "\n".join(unexplained)


def test_every_listed_name_is_still_found_and_is_no_record_name(
    dataset: Dataset, found: list[coverage_names.NameUse], listed: dict[tuple[str, str], dict[str, object]]
) -> None:
    names = coverage_names.record_names(dataset)
    lines = thesis_path().read_text(encoding="utf-8").splitlines()
    at = {(use.name, use.kind): use for use in found}
    ids = {record_id for by_id in dataset.kinds.values() for record_id in by_id}
    for key, entry in listed.items():
        use = at.get(key)
        assert use is not None, f"{key} is listed but no longer found"
        assert use.line == entry["line"], key
        assert entry["chapter"] == coverage_names.chapter_of(lines, use.line), key
        assert coverage_names.resolve(use, names) is None, f"{key} is a record's name now: drop the entry"
        assert [o for o in OUTCOMES if o in entry] in (["record"], ["reason"], ["missing"]), key
        if "record" in entry:
            assert entry["record"] in ids, key
        else:
            assert len(str(entry.get("reason") or entry.get("missing"))) > 10, key


def test_the_sweep_skips_headings_and_roman_numerals(found: list[coverage_names.NameUse]) -> None:
    acronyms = {use.name for use in found if use.kind == "acronym"}
    assert {"UN", "UNMiK", "MONUC", "DRC"} <= acronyms
    assert not {"CHAPTER", "INTRODUCTION", "II", "IV"} & acronyms
