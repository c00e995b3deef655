"""What /ready reports, from hand-built rows of the system statements, without Neo4j."""

from __future__ import annotations

from typing import Any

import pytest

from schema.datasets import PENDING_LEASE_S
from service.read_models.readiness import readiness

pytestmark = pytest.mark.unit

SERVER = {"name": "Neo4j Kernel", "version": "5.26.0", "edition": "community"}
COUNTS = {"nodes": 925, "relationships": 3100}
EXPECTED = {"mission_id", "claim_id", "interview_case"}
DATASET = {
    "id": "curated",
    "version": "abc123",
    "loaded_at": "2026-12-01T10:00:00Z",
    "counts": '{"missions": 3, "claims": 40}',
    "pending": None,
}


def _indexes(*online: str, **states: str) -> list[dict[str, Any]]:
    return [{"name": n, "state": "ONLINE"} for n in online] + [{"name": n, "state": s} for n, s in states.items()]


def _ready(indexes: list[dict[str, Any]], datasets: list[dict[str, Any]] | None = None) -> Any:
    rows = [DATASET] if datasets is None else datasets
    return readiness(SERVER, indexes, COUNTS, rows, EXPECTED, "neo4j://127.0.0.1:7687", "neo4j")


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
            "id": "curated",
            "version": "abc123",
            "loaded_at": "2026-12-01T10:00:00Z",
            "counts": {"missions": 3, "claims": 40},
            "pending": None,
            "pending_age": None,
        },
        "datasets": [
            {
                "id": "curated",
                "version": "abc123",
                "loaded_at": "2026-12-01T10:00:00Z",
                "counts": {"missions": 3, "claims": 40},
                "pending": None,
                "pending_age": None,
            }
        ],
        "pending": [],
        "broken": [],
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
    body = _ready(_indexes(*EXPECTED), datasets=[])
    assert body.status == "ready"
    assert body.dataset is None
    assert body.datasets == []


def test_a_staged_load_is_shown_and_counts_that_are_not_json_text_are_left_out() -> None:
    staged = {"id": "curated", "version": 7, "loaded_at": "t", "counts": None, "pending": "load-2", "pending_age": 1}
    body = _ready(_indexes(*EXPECTED), datasets=[staged])
    assert body.dataset is not None
    assert body.dataset.model_dump() == {
        "id": "curated",
        "version": "7",
        "loaded_at": "t",
        "counts": {},
        "pending": "load-2",
        "pending_age": 1,
    }
    assert (body.status, body.pending, body.broken) == ("pending", ["curated"], [])


def test_a_pending_mark_older_than_the_lease_is_a_broken_load_of_that_source() -> None:
    dead = {**DATASET, "id": "un-psdata-dgc-scres", "pending": "v@t", "pending_age": PENDING_LEASE_S + 1}
    running = {**DATASET, "pending": "w@t", "pending_age": PENDING_LEASE_S}
    body = _ready(_indexes(*EXPECTED), datasets=[running, dead])
    assert (body.status, body.pending, body.broken) == ("broken", ["curated"], ["un-psdata-dgc-scres"])
    # A mark that never renewed (no age) is a dead load too.
    body = _ready(_indexes(*EXPECTED), datasets=[{**DATASET, "pending": "v@t", "pending_age": None}])
    assert (body.status, body.broken) == ("broken", ["curated"])
    # The schema missing still says so first.
    assert _ready([], datasets=[dead]).status == "schema-missing"


def test_each_source_is_listed_and_the_curated_one_is_the_dataset() -> None:
    public = {"id": "un-psdata-dgc-scres", "version": "f00d", "loaded_at": "t2", "counts": '{"resolutions": 2722}'}
    body = _ready(_indexes(*EXPECTED), datasets=[DATASET, public])
    assert [(d.id, d.version, d.pending) for d in body.datasets] == [
        ("curated", "abc123", None),
        ("un-psdata-dgc-scres", "f00d", None),
    ]
    assert body.dataset == body.datasets[0]
    assert body.datasets[1].counts == {"resolutions": 2722}
    # A public source loaded before the curated data: no curated dataset yet, the public one listed.
    alone = _ready(_indexes(*EXPECTED), datasets=[public])
    assert alone.dataset is None
    assert [d.id for d in alone.datasets] == ["un-psdata-dgc-scres"]
