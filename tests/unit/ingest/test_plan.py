"""ingest.plan without a database: digests depend on content only; the plan sorts rows by what the graph holds."""

from __future__ import annotations

import copy

import pytest

from ingest.graph_rows import GraphRows
from ingest.plan import GraphState, KindEmptied, PlanConflict, digest, make_plan, owner
from schema.datasets import CURATED


def test_a_digest_depends_on_the_content_not_on_shared_objects() -> None:
    provenance = {"source": "thesis", "section": "4.2", "line": 7}
    shared = [{"id": "a", **provenance}, provenance, provenance, "thesis"]
    separate = copy.deepcopy(shared)
    assert digest(shared) == digest(separate)
    assert digest(shared) != digest([{"id": "a", **provenance}, provenance, {**provenance, "line": 8}, "thesis"])
    assert digest({"n": 1}) != digest({"n": 1.0}) != digest({"n": "1"})


def _rows() -> GraphRows:
    rows = GraphRows()
    source = {"source": "thesis", "section": "1"}
    rows.add_node("Source", "thesis", {"title": "T"}, None)
    rows.add_node("Mission:Actor", "unmik", {"name": "UNMIK"}, source)
    rows.add_node("Mission:Actor", "monuc", {"name": "MONUC"}, source)
    rows.add_edge("SUCCEEDED_BY", "Mission", "monuc", "Mission", "unmik", {"field": "successor"})
    return rows


def test_the_plan_creates_updates_deletes_and_leaves_alone() -> None:
    first = make_plan(_rows(), GraphState())
    assert first.size() == 4
    assert {labels: len(rows) for labels, rows in first.create_nodes.items()} == {"Source": 1, "Mission:Actor": 2}
    held = GraphState()
    for labels, rows in first.create_nodes.items():
        for row in rows:
            held.nodes[(labels.split(":")[0], row["props"]["id"])] = (f"n-{row['props']['id']}", row["props"]["digest"])
    for (rel, _, _), rows in first.create_edges.items():
        for row in rows:
            held.edges[(rel, row["from"], row["to"], "")] = ("e-1", row["props"]["digest"])
    assert make_plan(_rows(), held).size() == 0

    held.nodes[("Mission", "monuc")] = ("n-monuc", "stale")
    held.nodes[("Mission", "gone")] = ("n-gone", "x")
    held.edges[("PART_OF", "monuc", "gone", "")] = ("e-2", "y")
    again = make_plan(_rows(), held)
    assert [row["eid"] for row in again.update_nodes] == ["n-monuc"]
    assert again.delete_nodes == ["n-gone"]
    assert again.delete_edges == ["e-2"]
    assert again.tally["Mission"] == {"updated": 1, "unchanged": 1, "deleted": 1}
    assert again.tally["FROM_SOURCE"] == {"updated": 1, "unchanged": 1}


def test_the_plan_stamps_its_source_and_looks_up_other_sources_nodes() -> None:
    rows = GraphRows()
    rows.add_node("Mandate", "monusco-1925", {"mission": "monusco"}, None)
    rows.add_edge("MANDATE_OF", "Mandate", "monusco-1925", "Mission", "monusco", {"field": "mission"})
    rows.add_edge("MENTIONS", "Mandate", "monusco-1925", "Actor", "monusco", {})
    held = GraphState(foreign={("Mission", "monusco"): ("n-monusco", "curated")})
    plan = make_plan(rows, held, "second")
    assert [row["props"]["load"] for row in plan.create_nodes["Mandate"]] == ["second"]
    assert all(row["props"]["load"] == "second" for rows in plan.create_edges.values() for row in rows)
    # Relationships into the other source's node find it by either label; it is never compared or deleted.
    assert plan.node_ids[("Mission", "monusco")] == plan.node_ids[("Actor", "monusco")] == "n-monusco"
    assert plan.delete_nodes == []
    assert "Mission" not in plan.tally


def test_a_node_another_source_loaded_is_a_conflict() -> None:
    held = GraphState(foreign={("Mission", "unmik"): ("n-unmik", "curated")})
    with pytest.raises(PlanConflict, match="Mission 'unmik' is already loaded by source 'curated'"):
        make_plan(_rows(), held, "second")


def test_emptying_a_kind_the_graph_holds_is_refused_unless_allowed() -> None:
    """A missing or empty claims.yaml must not delete every claim without being asked to."""
    held = GraphState(
        nodes={("Claim", "c-1"): ("n-c1", "d1"), ("Claim", "c-2"): ("n-c2", "d2"), ("Mission", "unmik"): ("n-u", "d")}
    )
    rows = GraphRows()
    rows.add_node("Mission:Actor", "unmik", {"name": "UNMIK"}, None)
    with pytest.raises(KindEmptied, match=r"gives no Claim record, but the graph holds 2 Claim.*--delete-kind Claim"):
        make_plan(rows, held, "curated")
    plan = make_plan(rows, held, "curated", deletable={"Claim"})
    assert sorted(plan.delete_nodes) == ["n-c1", "n-c2"]
    # Removing some records of a kind is an ordinary load.
    rows.add_node("Claim", "c-1", {"text": "kept"}, None)
    assert make_plan(rows, held, "curated").delete_nodes == ["n-c2"]


def test_unstamped_elements_belong_to_the_curated_source() -> None:
    assert owner("") == CURATED
    assert owner("second") == "second"
