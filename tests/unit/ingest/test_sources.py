"""Sources read together: references across them resolve, and each file is read once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ingest.pipeline import SourcesInvalid, validate
from ingest.sources.curated import CuratedYaml
from schema.datasets import CURATED
from tests.conftest import MINI
from tests.fixtures.second_source import SecondCsv


def test_references_resolve_across_the_sources_read_together() -> None:
    validated = validate([CuratedYaml(MINI), SecondCsv()])
    assert set(validated.records) == {CURATED, "test-second"}
    with pytest.raises(SourcesInvalid) as caught:
        validate([SecondCsv()])
    assert {p.field for p in caught.value.problems} == {"missions", "mission"}


def test_a_run_reads_each_data_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    read_bytes, read_text = Path.read_bytes, Path.read_text

    def counted_bytes(path: Path) -> bytes:
        reads.append(path.name)
        return read_bytes(path)

    def counted_text(path: Path, *args: Any, **kwargs: Any) -> str:
        reads.append(path.name)
        return read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", counted_bytes)
    monkeypatch.setattr(Path, "read_text", counted_text)
    validated = validate([CuratedYaml(MINI)])
    assert sorted(reads) == sorted(path.name for path in MINI.glob("*.yaml"))
    assert validated.versions[CURATED] == CuratedYaml(MINI).version()
