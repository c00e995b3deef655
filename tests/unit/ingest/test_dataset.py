"""data/ is valid, complete where the issue says so, and true to its sources.

Every quote is found in the thesis at its locator; every dataset locator points at a row that
holds the record's values; the thesis's self-contradictions are kept with both locators.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import cache

import pytest
from pydantic import BaseModel

from ingest import records
from ingest.dataset import Dataset, load_dataset
from ingest.thesis_text import ThesisText, thesis_path
from schema.paths import DATA, PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def thesis() -> ThesisText:
    path = thesis_path()
    if not path.exists():
        pytest.fail(f"the thesis text is needed to check data/ and is not at {path} (set PKGRAPH_THESIS)")
    return ThesisText.read(path)


@cache
def csv_rows(name: str) -> list[dict[str, str]]:
    matches = list(SHARED.glob(f"*/{name}"))
    assert matches, f"{name} not found under {SHARED}"
    with matches[0].open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def provenances(record: BaseModel, path: str = "") -> Iterator[tuple[str, records.Provenance]]:
    if isinstance(record, records.Provenance):
        yield path or "record", record
    for name in type(record).model_fields:
        value = getattr(record, name)
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, BaseModel) and not isinstance(item, records.Locator):
                yield from provenances(item, f"{path}{name}[{index}]." if isinstance(value, list) else f"{name}.")


def all_provenances(dataset: Dataset) -> Iterator[tuple[str, str, str, records.Provenance]]:
    for kind, by_id in dataset.kinds.items():
        for record_id, record in by_id.items():
            for path, provenance in provenances(record):
                yield kind, record_id, path, provenance


def test_counts_per_kind(dataset: Dataset) -> None:
    counts = {kind: len(by_id) for kind, by_id in dataset.kinds.items()}
    print("\nrecords per kind:", counts)
    assert counts["interviews"] == 32
    assert counts["missions"] >= 81
    for kind in ("sources", "territories", "organisations", "units", "posts", "tasks", "resolutions", "mandates"):
        assert counts.get(kind, 0) > 0, kind


def test_every_thesis_quote_is_at_its_locator(dataset: Dataset, thesis: ThesisText) -> None:
    misses = []
    checked = 0
    for kind, record_id, path, provenance in all_provenances(dataset):
        if provenance.source != "thesis" or provenance.quote is None:
            continue
        checked += 1
        line = provenance.locator.line
        # A finding's locator is the first line of a passage that runs to its last_line.
        after = max(12, provenance.last_line - line + 1) if isinstance(provenance, records.Finding) and line else 12
        if line is None or not thesis.quote_at(provenance.quote, line, after=after):
            where = "anywhere else" if thesis.quote_anywhere(provenance.quote) else "nowhere"
            misses.append(f"{kind}.yaml {record_id} {path}: line {line} lacks {provenance.quote!r} (found {where})")
    print(f"\n{checked} thesis quotes checked")
    assert checked > 100
    assert not misses, "\n".join(misses)


def test_every_thesis_locator_names_a_line_in_the_thesis(dataset: Dataset, thesis: ThesisText) -> None:
    bad = [
        f"{kind}.yaml {record_id} {path}: line {p.locator.line}"
        for kind, record_id, path, p in all_provenances(dataset)
        if p.source == "thesis" and (p.locator.line is None or not 1 <= p.locator.line <= len(thesis.lines))
    ]
    assert not bad, "\n".join(bad)


def test_every_peacekeeping_table_row_is_a_mission(dataset: Dataset) -> None:
    rows = csv_rows("DPPADPOSS-PKO.csv")
    cited: dict[int, str] = {}
    for kind, record_id, _, provenance in all_provenances(dataset):
        if provenance.source == "un-psdata-pko" and kind == "missions" and provenance.locator.row is not None:
            cited[provenance.locator.row] = record_id
    assert sorted(cited) == list(range(1, len(rows) + 1))
    for row_number, record_id in cited.items():
        mission = dataset.kinds["missions"][record_id]
        row = rows[row_number - 1]
        assert (
            row["mission_acronym"].strip().lower() == (mission.acronym or "").lower()
            or row["mission_name"].strip() == mission.name
            or any(s.value == row["mission_name"].strip() for s in mission.statements)
        ), f"{record_id} cites row {row_number}, which is {row['mission_acronym']}"


def test_resolution_links_are_the_cr_unsc_records(dataset: Dataset) -> None:
    records_by_number = {int(r["res_no"]): r["url_record"] for r in csv_rows("UNSC_Record-Table_2722.csv")}
    voting_rows = csv_rows("UNSC_Record_Voting_2722.csv")
    voting_column = next(c for c in voting_rows[0] if c != "res_no")
    votes_by_number = {int(r["res_no"]): r[voting_column] for r in voting_rows}
    for resolution in dataset.kinds["resolutions"].values():
        assert resolution.un_digital_library == records_by_number[resolution.number], resolution.id
        assert resolution.un_voting_record == votes_by_number[resolution.number], resolution.id


def test_the_thesis_missions_are_there(dataset: Dataset) -> None:
    expected = {
        "unmik",
        "kfor",
        "monuc",
        "monusco",
        "unmibh",
        "unprofor",
        "ifor",
        "sfor",
        "eupm",
        "eufor-althea",
        "eulex",
        "omik",
    }
    assert expected <= dataset.ids("missions")
    assert "monusco" in dataset.kinds["missions"]["monuc"].successor


def test_interviews_are_appendix_1(dataset: Dataset) -> None:
    ids = dataset.ids("interviews")
    assert ids == {f"drc-{n}" for n in range(1, 21)} | {f"kosovo-{n}" for n in range(1, 13)}
    assert all(i.locator.section == "appendix-1" for i in dataset.kinds["interviews"].values())


def test_monuc_start_keeps_both_statements(dataset: Dataset) -> None:
    statements = [s for s in dataset.kinds["missions"]["monuc"].statements if s.field == "start"]
    years = {str(s.value)[:4] for s in statements}
    assert {"1999", "2000"} <= years
    assert sum(s.preferred for s in statements) == 1


def test_mandates_chain_from_monuc_into_monusco(dataset: Dataset) -> None:
    mandates = dataset.kinds["mandates"]
    first_monusco = [m for m in mandates.values() if m.mission == "monusco" and m.previous is not None]
    assert first_monusco
    assert mandates[first_monusco[0].previous].mission == "monuc"


def test_data_readme_lists_every_file_with_its_count(dataset: Dataset) -> None:
    readme = (DATA / "README.md").read_text()
    counts = dict(re.findall(r"^\| (\w+) \| (\d+) \|", readme, flags=re.M))
    assert {kind: int(n) for kind, n in counts.items()} == {k: len(v) for k, v in dataset.kinds.items()}
