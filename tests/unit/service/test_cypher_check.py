"""The plan check of callers' Cypher on hand-built plans: what is refused, by name."""

from __future__ import annotations

from typing import Any

import pytest

from service.cypher_check import operator_name, procedure_name, refusals, writes


def _plan(operator: str, *children: dict[str, Any], **args: str) -> dict[str, Any]:
    return {"operatorType": f"{operator}@neo4j", "args": args, "children": list(children)}


@pytest.mark.unit
def test_names_are_read_from_the_plan() -> None:
    assert operator_name("VarLengthExpand(Pruning,BFS,All)@neo4j") == "VarLengthExpand"
    assert operator_name("AdministrationCommand@system") == "AdministrationCommand"
    assert procedure_name("db.labels() :: (label :: STRING)") == "db.labels"
    assert procedure_name("no signature") is None


@pytest.mark.unit
def test_a_plan_is_refused_for_every_operator_and_procedure_not_listed() -> None:
    plan = _plan(
        "ProduceResults",
        _plan("ProcedureCall", _plan("LoadCSV"), Signature="dbms.listConfig() :: (name :: STRING)"),
        _plan("Create", _plan("Argument")),
    )
    assert refusals(plan) == ["procedure dbms.listConfig", "operator LoadCSV", "operator Create"]
    assert writes(refusals(plan)) == ["operator Create"]
    reads = _plan("ProduceResults", _plan("ProcedureCall", Signature="db.labels() :: (label :: STRING)"))
    assert refusals(reads) == []


@pytest.mark.unit
def test_an_operator_neo4j_adds_later_is_refused_until_listed() -> None:
    assert refusals(_plan("ProduceResults", _plan("SomeFutureOperator"))) == ["operator SomeFutureOperator"]
