"""Dependency chains and the dependency matrix from hand-built rows, without Neo4j.

Which chains exist (up to `depth`, no actor twice) is the statements' job (tests/test_api_analysis.py);
these check what the read model makes of the rows they return.
"""

from __future__ import annotations

from typing import Any

import pytest

from service import models
from service.read_models.dependencies import (
    STATEMENTS,
    STEP_COLUMNS,
    actor_refs,
    dependencies,
    dependency_matrix,
    matrix_ids,
    matrix_table,
    missing,
    steps_table,
)

pytestmark = pytest.mark.unit

A = {"id": "a", "name": "Actor A", "acronym": "AA"}
B = {"id": "b", "name": "Actor B", "acronym": None}
C = {"id": "c", "name": "Actor C", "acronym": None}


def _step(source: str, target: str, on: str, evidence: list[str], kind: str = "power") -> dict[str, Any]:
    return {
        "from": source,
        "to": target,
        "kind": kind,
        "on": on,
        "weight": 2,
        "evidence": evidence,
        "interviews": ["i-1", "i-2"],
        "literature": [],
    }


# As dependencies_out returns them for a, depth 2: shortest first.
OUT = [
    {"actors": [A, B], "steps": [_step("a", "b", "mandate", ["c-1"])]},
    {"actors": [A, C], "steps": [_step("a", "c", "funding", ["c-2"], "resource")]},
    {"actors": [A, B, C], "steps": [_step("a", "b", "mandate", ["c-1"]), _step("b", "c", "staff", ["c-3"])]},
]
IN = [{"actors": [C, A], "steps": [_step("c", "a", "access", ["c-4"])]}]


def test_actor_refs_and_the_ids_that_name_none() -> None:
    found = actor_refs([B, A])
    assert found == {"b": models.Ref(id="b", name="Actor B"), "a": models.Ref(id="a", name="Actor A", acronym="AA")}
    assert missing(["z", "a", "y", "b"], found) == ["z", "y"]
    assert missing(["a"], found) == []


def test_each_direction_reads_its_statements() -> None:
    assert STATEMENTS == {
        "out": ["dependencies_out"],
        "in": ["dependencies_in"],
        "both": ["dependencies_out", "dependencies_in"],
    }


def test_direct_dependencies_are_the_one_step_chains() -> None:
    answer = dependencies(models.Ref(**A), "out", None, 2, OUT)
    assert [[a.id for a in c.actors] for c in answer.chains] == [["a", "b"], ["a", "c"], ["a", "b", "c"]]
    assert [(d.source_actor, d.to, d.on) for d in answer.direct] == [("a", "b", "mandate"), ("a", "c", "funding")]
    assert (answer.actor.id, answer.direction, answer.kind, answer.depth) == ("a", "out", None, 2)
    step = answer.chains[2].steps[1]
    assert step.model_dump(by_alias=True) == {**_step("b", "c", "staff", ["c-3"]), "basis": "interviews"}


def test_both_directions_keep_out_before_in() -> None:
    answer = dependencies(models.Ref(**A), "both", "power", 1, [OUT[0], *IN])
    assert [(d.source_actor, d.to) for d in answer.direct] == [("a", "b"), ("c", "a")]
    assert answer.kind == "power"


def test_no_chains() -> None:
    answer = dependencies(models.Ref(**A), "in", None, 3, [])
    assert (answer.direct, answer.chains) == ([], [])
    assert steps_table(answer) == []


def test_steps_table_numbers_chains_and_steps_from_one() -> None:
    rows = steps_table(dependencies(models.Ref(**A), "out", None, 2, OUT))
    assert [(r["chain"], r["step"], r["from"], r["to"]) for r in rows] == [
        (1, 1, "a", "b"),
        (2, 1, "a", "c"),
        (3, 1, "a", "b"),
        (3, 2, "b", "c"),
    ]
    assert all(set(r) == set(STEP_COLUMNS) for r in rows)
    assert rows[3]["evidence"] == ["c-3"]


def test_matrix_ids_drop_blanks_and_repeats_and_keep_the_order_given() -> None:
    assert matrix_ids(" b, a,,b , c,") == ["b", "a", "c"]
    assert matrix_ids(" , ") == []


def test_matrix_cells_with_sorted_topics_and_distinct_evidence() -> None:
    ids = ["b", "a", "c"]
    found = actor_refs([A, B, C])
    rows = [
        {"from": "a", "to": "b", "weight": 5, "on": ["staff", "mandate"], "evidence": ["c-9", "c-1", "c-9"]},
        {"from": "c", "to": "a", "weight": 1, "on": ["access"], "evidence": ["c-4"]},
    ]
    matrix = dependency_matrix(ids, found, "power", rows)
    assert [a.id for a in matrix.actors] == ["b", "a", "c"]
    assert matrix.kind == "power"
    assert matrix.rows == {
        "b": {},
        "a": {"b": models.MatrixCell(weight=5, on=["mandate", "staff"], evidence=["c-1", "c-9"])},
        "c": {"a": models.MatrixCell(weight=1, on=["access"], evidence=["c-4"])},
    }
    table, columns = matrix_table(matrix)
    assert columns == ["depends on →", "b", "a", "c"]
    assert table == [
        {"depends on →": "b", "b": 0, "a": 0, "c": 0},
        {"depends on →": "a", "b": 5, "a": 0, "c": 0},
        {"depends on →": "c", "b": 0, "a": 1, "c": 0},
    ]


def test_matrix_cells_go_in_the_order_of_the_ids_whatever_the_order_of_the_rows() -> None:
    def row(source: str, target: str) -> dict[str, Any]:
        return {"from": source, "to": target, "weight": 1, "on": ["mandate"], "evidence": ["c-1"]}

    found = actor_refs([A, B, C])
    forwards = dependency_matrix(["c", "a", "b"], found, None, [row("a", "b"), row("a", "c"), row("b", "a")])
    backwards = dependency_matrix(["c", "a", "b"], found, None, [row("b", "a"), row("a", "c"), row("a", "b")])
    for matrix in (forwards, backwards):
        assert list(matrix.rows) == ["c", "a", "b"]
        assert list(matrix.rows["a"]) == ["c", "b"]
        assert matrix.model_dump_json() == forwards.model_dump_json()
