"""What a refused import says (db.bulk_load.importer_error): the importer's own cause, with the
file, line and field of the refused row, not the progress dots around it. The output below is
neo4j-admin 5.26's, `--verbose`, for a relationship whose start node no file holds (the
integration test tests/integration/ingest/test_bulk_load.py makes the importer refuse one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.bulk_load import importer_error

pytestmark = pytest.mark.unit

OUTPUT = """\
.......... .......... .......... .......... .......... 100% ∆0ms [39ms]
Relationship import COMPLETED in 39ms

IMPORT FAILED in 2s 108ms.
Error in input data

org.neo4j.cli.CommandFailedException: Error importing csv file.
Caused by: org.neo4j.importer.FileImporter$CsvImportException: org.neo4j.internal.batchimport.input.InputException: \
ERROR in input
  data source: BufferedCharSeeker[source:/home/import/0-rels-R-A-A-0.csv, position:38, line:2]
  in field: :END_ID(A):2
  for header: [:START_ID(A), :END_ID(A)]
  raw field value: a1
  original error: x (A)-[R]->a1 (A) referring to missing node x
\tat org.neo4j.importer.CsvImporter.doImport(CsvImporter.java:1)
\t... 13 more
Caused by: org.neo4j.internal.batchimport.input.InputException: x (A)-[R]->a1 (A) referring to missing node x
"""


def test_the_first_cause_with_its_file_line_and_field(tmp_path: Path) -> None:
    said = importer_error(OUTPUT, tmp_path / "no-report").splitlines()
    assert said[0].endswith("InputException: ERROR in input")
    assert said[1] == "data source: BufferedCharSeeker[source:/home/import/0-rels-R-A-A-0.csv, position:38, line:2]"
    assert said[-1] == "original error: x (A)-[R]->a1 (A) referring to missing node x"
    assert not any(line.startswith(("at ", "...")) or "%" in line for line in said)


def test_the_report_of_bad_entries_comes_first(tmp_path: Path) -> None:
    report = tmp_path / "import.report"
    report.write_text("Id 'm1' is defined more than once in group 'Mission'\n", encoding="utf-8")
    assert importer_error(OUTPUT, report) == "Id 'm1' is defined more than once in group 'Mission'"


def test_without_a_cause_the_error_lines(tmp_path: Path) -> None:
    output = "Importing the contents of these files\n....\nIMPORT FAILED in 1s.\nError in input data\n"
    assert importer_error(output, tmp_path / "none") == "IMPORT FAILED in 1s.\nError in input data"
