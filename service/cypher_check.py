"""Which compiled plans a caller's Cypher may run: read operators and read-only procedures only.

`POST /cypher` and `POST /queries/*` compile the statement first (`EXPLAIN`, which runs nothing)
and refuse it unless every operator of the plan is on `READ_OPERATORS` and every procedure it
calls is on `READ_PROCEDURES`. This is a check of what the database itself would do, not of
the query's words: `LOAD CSV`, writes, `FOREACH`, `CALL ... IN TRANSACTIONS`, `SHOW`/`TERMINATE
TRANSACTIONS`, `SHOW SETTINGS`, administration commands and `dbms.*` procedures that change
state or reveal the server all compile to operators or procedures not on the lists. Anything
Neo4j adds later is refused until it is reviewed and listed here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

# Plan operators (Neo4j 5.26 names, without the `@database` suffix and the `(All)`-style variant)
# that only read the graph.
READ_OPERATORS = frozenset(
    {
        # Leaves that find nodes and relationships.
        "AllNodesScan", "NodeByLabelScan", "NodeByIdSeek", "NodeByElementIdSeek", "NodeIndexSeek",
        "NodeUniqueIndexSeek", "NodeIndexScan", "NodeIndexContainsScan", "NodeIndexEndsWithScan",
        "NodeIndexSeekByRange", "NodeUniqueIndexSeekByRange", "MultiNodeIndexSeek",
        "IntersectionNodeByLabelsScan", "UnionNodeByLabelsScan", "SubtractionNodeByLabelsScan",
        "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan", "DirectedRelationshipTypeScan",
        "UndirectedRelationshipTypeScan", "DirectedUnionRelationshipTypesScan",
        "UndirectedUnionRelationshipTypesScan", "DirectedRelationshipByIdSeek", "UndirectedRelationshipByIdSeek",
        "DirectedRelationshipByElementIdSeek", "UndirectedRelationshipByElementIdSeek",
        "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek", "DirectedRelationshipIndexScan",
        "UndirectedRelationshipIndexScan", "DirectedRelationshipIndexContainsScan",
        "UndirectedRelationshipIndexContainsScan", "DirectedRelationshipIndexEndsWithScan",
        "UndirectedRelationshipIndexEndsWithScan", "DirectedRelationshipIndexSeekByRange",
        "UndirectedRelationshipIndexSeekByRange", "NodeCountFromCountStore", "RelationshipCountFromCountStore",
        "Argument", "ArgumentTracker", "Input",
        # Traversal.
        "Expand", "OptionalExpand", "VarLengthExpand", "ShortestPath", "StatefulShortestPath", "Repeat",
        "Trail", "NullifyMetadata", "ProjectEndpoints", "TriadicSelection", "TriadicBuild", "TriadicFilter",
        "AssertSameNode", "AssertSameRelationship",
        # Row operations.
        "Filter", "Projection", "Aggregation", "EagerAggregation", "OrderedAggregation", "Distinct",
        "OrderedDistinct", "Sort", "PartialSort", "Top", "PartialTop", "Limit", "ExhaustiveLimit", "Skip",
        "Unwind", "Optional", "Anti", "Eager", "CacheProperties", "EmptyResult", "ProduceResults",
        # Joins and subqueries.
        "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
        "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "ConditionalApply",
        "AntiConditionalApply", "RollUpApply", "CartesianProduct", "NodeHashJoin", "NodeLeftOuterHashJoin",
        "NodeRightOuterHashJoin", "ValueHashJoin", "Union", "OrderedUnion",
        # The graph's schema, as Browser shows it (SHOW INDEXES / SHOW CONSTRAINTS).
        "ShowIndexes", "ShowConstraints",
        # A procedure call: allowed when the procedure is (checked below).
        "ProcedureCall",
    }
)  # fmt: skip

# Read-only procedures that exploring a graph needs (what Neo4j Browser's sidebar and the
# project's own search call).
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "db.index.fulltext.listAvailableAnalyzers",
        "dbms.components",  # name, version and edition, as /ready says too
    }
)

# Operators that write (or batch writes): their refusal is reported as a refused write.
_WRITE_OPERATOR = re.compile(r"^(Create|Merge|LockingMerge|Set|Remove|Delete|DetachDelete|Foreach|Transaction)")

_PROCEDURE_NAME = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*\(")


def _operators(plan: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    yield plan
    for child in plan.get("children", ()):
        yield from _operators(child)


def operator_name(operator_type: str) -> str:
    """`Expand(All)@neo4j` -> `Expand`; `AdministrationCommand@system` -> `AdministrationCommand`."""
    return operator_type.split("@", 1)[0].split("(", 1)[0]


def procedure_name(signature: str) -> str | None:
    """`db.labels() :: (label :: STRING)` -> `db.labels`."""
    match = _PROCEDURE_NAME.match(signature)
    return match.group(1) if match else None


def writes(refused: list[str]) -> list[str]:
    """The refusals (from `refusals`) that are writes."""
    return [entry for entry in refused if entry.startswith("operator ") and _WRITE_OPERATOR.match(entry[9:])]


def refusals(plan: Mapping[str, Any]) -> list[str]:
    """What in a compiled plan (the driver's `summary.plan`) is not a read: one entry each, in plan order."""
    refused: list[str] = []
    for operator in _operators(plan):
        name = operator_name(str(operator.get("operatorType", "")))
        if name not in READ_OPERATORS:
            refused.append(f"operator {name}")
        elif name == "ProcedureCall":
            arguments = operator.get("args", {})
            signature = str(arguments.get("Signature") or arguments.get("Details") or "")
            procedure = procedure_name(signature)
            if procedure not in READ_PROCEDURES:
                refused.append(f"procedure {procedure}" if procedure else f"procedure {signature!r}")
    return list(dict.fromkeys(refused))
