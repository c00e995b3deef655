"""The warnings channel: what a source reads but cannot resolve reaches `pkgraph ingest` with its
file and row, is printed once per warning with a count, and never stops the load."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.ingest_report import WarningList
from ingest.dataset import Dataset
from ingest.pipeline import validate
from ingest.public import Locator
from ingest.public.source_warning import SourceWarning
from ingest.sources import Reading
from ingest.sources.curated import CuratedYaml
from tests.conftest import MINI

UNMAPPED = SourceWarning(
    Locator("test-warned", "test-warned/names.csv", row=7, column="mission"), "mission name 'UNXYZ' is unmapped"
)


class Warned:
    """A source with no records and one warning."""

    id = "test-warned"

    def version(self) -> str:
        return "0"

    def read(self) -> Reading:
        return Reading(Dataset(Path(".")), warnings=[UNMAPPED])


def test_a_warning_names_file_row_and_column() -> None:
    assert str(UNMAPPED) == "test-warned/names.csv, row 7, column 'mission': mission name 'UNXYZ' is unmapped"


def test_validate_passes_each_warning_on_and_keeps_them(capsys: pytest.CaptureFixture[str]) -> None:
    warn = WarningList()
    validated = validate([CuratedYaml(MINI), Warned()], warn=warn)
    assert validated.warnings == {"curated": [], "test-warned": [UNMAPPED]}
    warn.print_count()
    assert capsys.readouterr().err.splitlines() == [
        "warning: test-warned/names.csv, row 7, column 'mission': mission name 'UNXYZ' is unmapped",
        "1 warning(s): read and loaded, but not resolved",
    ]


def test_no_warning_no_count(capsys: pytest.CaptureFixture[str]) -> None:
    warn = WarningList()
    validate([CuratedYaml(MINI)], warn=warn)
    warn.print_count()
    assert capsys.readouterr().err == ""
