"""The importer CSVs (ingest.bulk_import): exact types, quoting, ids and the values set afterwards."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ingest.bulk_import import ARRAY_DELIMITER, NotImportable, write_import_csvs
from ingest.graph_rows import NODE_LABELS, GraphRows
from ingest.loader import SOURCE_LABEL, SourceLoad

MISSION = NODE_LABELS["missions"]
ORGANISATION = NODE_LABELS["organisations"]


def _load(rows: GraphRows) -> SourceLoad:
    return SourceLoad("curated", "v1", rows, {"missions": 2})


def _rows() -> GraphRows:
    rows = GraphRows()
    rows.add_node(SOURCE_LABEL, "thesis", {"title": 'The "thesis", quoted'}, None)
    provenance = {"source": "thesis", "line": 3}
    rows.add_node(MISSION, "unmik", {"name": "UNMIK", "ceiling": 4718, "note": "", "gone": None}, provenance)
    rows.add_node(MISSION, "monuc", {"name": "line one\nline two", "ceiling": 5537.5}, None)
    rows.add_node(ORGANISATION, "unsc", {"name": "Security Council", "tags": ["un", "organ"]}, None)
    rows.add_edge("DEPENDS_ON", MISSION, "unmik", "Actor", "unsc", {"interviews": [], "weight": 0}, "power:mandate")
    return rows


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_rows_of_a_label_with_other_types_go_to_files_of_their_own(tmp_path: Path) -> None:
    files = write_import_csvs([_load(_rows())], tmp_path / "csv")
    missions = [path for labels, path in files.nodes if labels == MISSION]
    headers = sorted(tuple(_read(path)[0]) for path in missions)
    # A long and a double ceiling cannot share a column; the None property is absent, "" is kept.
    assert headers == [
        ("id:ID(Mission)", "name:string", "ceiling:double", "digest:string", "load:string"),
        ("id:ID(Mission)", "name:string", "ceiling:long", "note:string", "digest:string", "load:string"),
    ]
    assert files.multiline
    assert files.elements == 6  # 4 nodes, 1 FROM_SOURCE, 1 DEPENDS_ON


def test_strings_are_quoted_so_an_empty_one_is_not_a_missing_one(tmp_path: Path) -> None:
    files = write_import_csvs([_load(_rows())], tmp_path / "csv")
    (source_file,) = [path for labels, path in files.nodes if labels == SOURCE_LABEL]
    text = source_file.read_text(encoding="utf-8")
    assert '"The ""thesis"", quoted"' in text
    (unmik,) = [path for labels, path in files.nodes if labels == MISSION and "note" in path.read_text()]
    assert ',"",' in unmik.read_text(encoding="utf-8")


def test_actor_ends_resolve_to_the_space_of_the_node_and_arrays_use_the_delimiter(tmp_path: Path) -> None:
    files = write_import_csvs([_load(_rows())], tmp_path / "csv")
    (depends,) = [path for rel, path in files.relationships if rel == "DEPENDS_ON"]
    header, row = _read(depends)
    assert header[:2] == [":START_ID(Mission)", ":END_ID(Organisation)"]
    assert row[:2] == ["unmik", "unsc"]
    assert "interviews:string[]" not in header  # the empty list is set after the import
    assert files.empty_lists["edges"] == [
        {
            "type": "DEPENDS_ON",
            "start": "Mission",
            "from": "unmik",
            "end": "Organisation",
            "to": "unsc",
            "key": "power:mandate",
            "props": {"interviews": []},
        }
    ]
    (organisation,) = [path for labels, path in files.nodes if labels == ORGANISATION]
    assert f"un{ARRAY_DELIMITER}organ" in organisation.read_text(encoding="utf-8")
    (from_source,) = [path for rel, path in files.relationships if rel == "FROM_SOURCE"]
    assert _read(from_source)[0] == [":START_ID(Mission)", ":END_ID(Source)", "source:string", "line:long"]


def test_a_text_holding_the_array_delimiter_is_refused_before_anything_is_imported(tmp_path: Path) -> None:
    rows = GraphRows()
    rows.add_node(ORGANISATION, "unsc", {"tags": [f"a{ARRAY_DELIMITER}b"]}, None)
    with pytest.raises(NotImportable, match=r"unsc.*array delimiter"):
        write_import_csvs([_load(rows)], tmp_path / "csv")
