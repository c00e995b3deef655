"""Every public reader refuses a garbled header up front: a missing or renamed column is one
SourceFileError at the header (row 1 of a CSV file, the record of a JSON file) naming the file and
the column (ingest.public.columns.require_columns), never a KeyError from a row; `pkgraph ingest`
turns it into one problem line and exits 2 without writing anything."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.public import SOURCES, SourceFileError, cr_unsc, geopko, ipi, passmore, pema, sc_membership, tamm

pytestmark = pytest.mark.unit
HEAD_LINES = 6  # the header and a few rows: the check stops before the rows


def _garbled(tmp: Path, relative: str, column: str, renamed: str) -> Path:
    """A sources folder holding `relative`'s first lines with `column` renamed in its header, the
    other files of its folder verbatim; returns the sources folder."""
    folder = relative.split("/")[0]
    shutil.copytree(SOURCES / folder, tmp / folder, ignore=shutil.ignore_patterns("res_en_gold"))
    lines = (SOURCES / relative).read_text(encoding="utf-8").splitlines(keepends=True)[:HEAD_LINES]
    header = lines[0].rstrip("\r\n").split(",")
    assert column in header or f'"{column}"' in header, f"{column!r} is not a column of {relative}"
    lines[0] = lines[0].replace(column, renamed, 1)
    (tmp / relative).write_text("".join(lines), encoding="utf-8")
    return tmp


def _both_pema_files(sources: Path) -> None:
    pema.read_pema(sources)


CASES: list[tuple[Callable[[Path], object], str, str]] = [
    (_both_pema_files, pema.V12, "Signature"),
    (_both_pema_files, pema.V2, "Date2"),
    (_both_pema_files, pema.V2, "Mandate_Renewal"),
    (tamm.read_tamm, tamm.FILE, "ch7"),
    (tamm.read_tamm, tamm.FILE, tamm.FIRST_TASK),
    (sc_membership.read_membership, sc_membership.FILE, "security_council_member"),
    (lambda folder: cr_unsc.read_links(cr_unsc.RECORD_TABLE, folder), cr_unsc.RECORD_TABLE, "url_record"),
    (passmore.read_passmore, passmore.FILE, "month"),
    (ipi.read_contributions, ipi.CONTRIBUTIONS_FILE, "Contributor ISO-3"),
    (ipi.read_mission_totals, ipi.TOTALS_FILE, "Mission HQ"),
    (geopko.read_presence, geopko.FILE, "year.overview"),
]


@pytest.mark.parametrize(("read", "relative", "column"), CASES, ids=[f"{c[1]}:{c[2]}" for c in CASES])
def test_a_renamed_column_names_file_header_and_column(
    tmp_path: Path, read: Callable[[Path], object], relative: str, column: str
) -> None:
    sources = _garbled(tmp_path, relative, column, column.upper() + "X")
    with pytest.raises(SourceFileError) as raised:
        read(sources)
    where = raised.value.locator
    assert (where.file, where.row, where.column) == (relative, 1, column)
    assert f"lacks column(s) {column!r}" in str(raised.value)


def test_a_json_entry_without_a_field_names_it(tmp_path: Path) -> None:
    """missions.json has no header: each entry is checked for the fields the reader uses."""
    shutil.copytree(SOURCES / "ipi-peacekeeping", tmp_path / "ipi-peacekeeping")
    entries = json.loads((SOURCES / ipi.MISSIONS_FILE).read_text(encoding="utf-8"))
    code = next(iter(entries))
    del entries[code]["hq"]
    (tmp_path / ipi.MISSIONS_FILE).write_text(json.dumps(entries), encoding="utf-8")
    with pytest.raises(SourceFileError) as raised:
        ipi.read_missions(tmp_path)
    where = raised.value.locator
    assert (where.file, where.key, where.column) == (ipi.MISSIONS_FILE, code, "hq")


def test_pkgraph_ingest_reports_one_problem_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The KeyError 'Signature' of a garbled PEMA header is now one problem line."""
    from db.cli import main

    _garbled(tmp_path / "sources", pema.V12, "Signature", "Signatur")
    assert main(["ingest", "--check", str(tmp_path), "--source", "pema"]) == 2
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(problems) == 1
    expected = f"error: {pema.V12}:1: record 'row 1' Signature: the header lacks column(s) 'Signature'"
    assert problems[0].startswith(expected)
    assert "1 problem(s); nothing was written" in err
