"""A data folder without one of its kind files (claims.yaml removed): where the graph holds that
kind from the source, the plan's refusal names it (tests/integration/ingest/test_loader.py); where
it holds none, validation refuses the records that refer into it, once per referring field, instead
of writing their relationships without an end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.dataset import check_union, load_dataset, read_folder
from schema.paths import DATA

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def without_claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA, folder)
    (folder / "claims.yaml").unlink()
    return folder


def test_references_into_a_kind_nobody_holds_are_one_problem_per_field(without_claims: Path) -> None:
    resting = sum(len(f.rests_on) for f in load_dataset(DATA).kinds["findings"].values())
    dataset, problems = read_folder(without_claims)
    assert problems == []
    found = check_union([dataset], {}, held=set())
    assert [(p.file, p.record, p.field) for p in found] == [("findings.yaml", None, "rests_on")]
    assert found[0].message == f"{resting} references to claims, but claims.yaml is missing and the graph holds none"
    assert resting > 100


def test_a_kind_the_graph_holds_or_may_hold_is_left_to_the_plan(without_claims: Path) -> None:
    dataset, _ = read_folder(without_claims)
    assert check_union([dataset], {}, held={"claims"}) == []
    assert check_union([dataset], {}) == []  # no graph asked (`pkgraph ingest --check`)
