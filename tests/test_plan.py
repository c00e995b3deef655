"""ingest.plan without a database: digests depend on content only; the plan sorts rows by what the graph holds."""

from __future__ import annotations

import copy

from ingest.graph_rows import GraphRows
from ingest.plan import GraphState, digest, make_plan


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
