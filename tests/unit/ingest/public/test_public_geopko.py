"""Geo-PKO v2.3 yearly presence reader (real TCCMap file): estimates, unknown sizes, same-name sites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.public import SOURCES, SourceFileError
from ingest.public.geopko import FILE, contributor_counts, read_presence, same_place_names

pytestmark = pytest.mark.unit
PRESENCE = read_presence()


def test_counts() -> None:
    assert len({r.locator.row for r in PRESENCE}) == 4927
    assert len(PRESENCE) == 8729
    assert len({r.mission for r in PRESENCE}) == 34
    assert (min(r.year for r in PRESENCE), max(r.year for r in PRESENCE)) == (1994, 2024)
    assert all(r.kind == "estimate" for r in PRESENCE)


def test_size_unknown_is_none_and_flagged() -> None:
    unknown = [r for r in PRESENCE if r.size_unknown]
    assert len(unknown) == 769
    assert all(r.size is None for r in unknown)
    first = PRESENCE[0]
    assert (first.mission, first.year, first.location, first.contributor, first.size, first.size_unknown) == (
        "MINUJUSTH", 2017, "Cap-Haïtien", "Nepal", None, True)
    assert str(first.locator) == f"{FILE}, row 2, column 'year.overview'"


def test_names_with_parentheses_and_sizes() -> None:
    row = [r for r in PRESENCE if r.locator.row == 471]
    assert [(r.contributor, r.size) for r in row] == [("Korea (ROK)", 150), ("Sri Lanka", 950)]


def test_non_state_contributors_kept_as_written() -> None:
    names = contributor_counts(PRESENCE)
    assert sum(names[n] for n in ("TCC name unknown", "Multinational", "CARICOM", "Un")) == 233


def test_same_place_name_rows_kept_apart() -> None:
    pairs = same_place_names(PRESENCE)
    assert len(pairs) == 10
    assert ("UNOCI", 2006, "Sakassou", (4529, 4530)) in pairs
    key = ("UNOCI", 2006, "Sakassou")
    sakassou = [(r.latitude, r.size) for r in PRESENCE if (r.mission, r.year, r.location) == key]
    assert sakassou == [(7.454624, 70), (7.748272, 150)]


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    target = tmp_path / FILE
    target.parent.mkdir(parents=True)
    lines = (SOURCES / FILE).read_text(encoding="utf-8").splitlines(keepends=True)[:3]
    lines[1] = lines[1].replace(old, new, 1)
    target.write_text("".join(lines), encoding="utf-8")
    shutil.copy(SOURCES / "geo-pko/SOURCE.txt", target.parent)
    return tmp_path


def test_unreadable_overview_names_row_and_column(tmp_path: Path) -> None:
    with pytest.raises(SourceFileError, match=r"row 2, column 'year.overview': cannot read"):
        read_presence(_edited(tmp_path, "Nepal (size unknown)", "Nepal (about 100)"))


def test_count_mismatch_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceFileError, match=r"row 2, column 'year.overview': lists 1 contributors, No.TCC says 2"):
        read_presence(_edited(tmp_path, ",1,Nepal", ",2,Nepal"))
