"""What /ready reports, from hand-built rows of the system statements, without Neo4j."""

from __future__ import annotations

from typing import Any

import pytest

from service.read_models.readiness import readiness

pytestmark = pytest.mark.unit

SERVER = {"name": "Neo4j Kernel", "version": "5.26.0", "edition": "community"}
COUNTS = {"nodes": 925, "relationships": 3100}
EXPECTED = {"mission_id", "claim_id", "interview_case"}
DATASET = {
    "id": "current",
    "version": "abc123",
    "loaded_at": "2026-12-01T10:00:00Z",
    "counts": '{"missions": 3, "claims": 40}',
    "pending": None,
}


def _indexes(*online: str, **states: str) -> list[dict[str, Any]]:
    return [{"name": n, "state": "ONLINE"} for n in online] + [{"name": n, "state": s} for n, s in states.items()]


def _ready(indexes: list[dict[str, Any]], dataset: dict[str, Any] | None = DATASET) -> Any:
    return readiness(SERVER, indexes, COUNTS, dataset, EXPECTED, "neo4j://127.0.0.1:7687", "neo4j")


def test_ready_when_every_expected_index_is_online() -> None:
    body = _ready(_indexes("mission_id", "claim_id", "interview_case", "an_extra_index"))
    assert body.model_dump(by_alias=True) == {
        "status": "ready",
        "neo4j": {
            "name": "Neo4j Kernel",
            "version": "5.26.0",
            "edition": "community",
            "uri": "neo4j://127.0.0.1:7687",
            "database": "neo4j",
        },
        "schema": {"applied": True, "expected": 3, "online": 3, "missing": []},
        "dataset": {
            "version": "abc123",
            "loaded_at": "2026-12-01T10:00:00Z",
            "counts": {"missions": 3, "claims": 40},
            "pending": None,
        },
        "counts": {"nodes": 925, "relationships": 3100},
    }


def test_schema_missing_lists_what_is_absent_or_not_yet_online() -> None:
    body = _ready(_indexes("claim_id", mission_id="POPULATING"))
    assert body.status == "schema-missing"
    assert body.schema_.model_dump() == {
        "applied": False,
        "expected": 3,
        "online": 1,
        "missing": ["interview_case", "mission_id"],
    }


def test_no_index_at_all() -> None:
    body = _ready([])
    assert (body.status, body.schema_.online, body.schema_.missing) == (
        "schema-missing",
        0,
        ["claim_id", "interview_case", "mission_id"],
    )


def test_dataset_missing_before_a_first_ingest() -> None:
    body = _ready(_indexes(*EXPECTED), dataset=None)
    assert body.status == "ready"
    assert body.dataset is None


def test_a_staged_load_is_shown_and_counts_that_are_not_json_text_are_left_out() -> None:
    staged = {"version": 7, "loaded_at": "t", "counts": None, "pending": "load-2"}
    body = _ready(_indexes(*EXPECTED), dataset=staged)
    assert body.dataset is not None
    assert body.dataset.model_dump() == {"version": "7", "loaded_at": "t", "counts": {}, "pending": "load-2"}
