"""What a load has to change: the rows built from the files against what the graph holds.

Every node and relationship the loader writes carries `digest`, a hash of what it wrote (for a
node: its properties and its FROM_SOURCE provenance). Reading `(identity, element id, digest)` of
the loaded graph is enough to know which elements are new (CREATE, no MERGE), which changed (SET
by element id), which are gone (DELETE by element id) and which can be left alone. A re-run on
unchanged files writes nothing but the `:Dataset` node.

Identity: a node is (primary label, id); a relationship is (type, from id, to id, key), the same
identity `GraphRows.add_edge` keeps edges unique by.

Each source is loaded on its own: every element also carries `load`, the id of the source
(`:Dataset`) that wrote it, and a load compares, updates and deletes only its own source's
elements. The nodes of other sources are only looked up, for the relationships that point at them.
Elements written before `load` named a source (no `load`, or `load` without `digest`) were the
curated data's: its load adopts them and rewrites each once, stamped.
"""

from __future__ import annotations

import hashlib
import marshal
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ingest.graph_rows import NODE_LABELS, GraphRows
from schema.datasets import CURATED

NodeKey = tuple[str, str]
EdgeKey = tuple[str, str, str, str]
# Nodes have one of these labels first in NODE_LABELS; `Actor` is a second label of two of them.
MARSHAL_VERSION = 2
PRIMARY_LABELS = frozenset(labels.split(":")[0] for labels in NODE_LABELS.values())
# Relationships may name a Mission or an Organisation by its second label, Actor.
_SECOND_LABELS = {labels.split(":")[0]: labels.split(":")[1:] for labels in NODE_LABELS.values()}


def node_keys(labels: str, node_id: str) -> list[NodeKey]:
    """The identities a relationship may use for a node: (primary label, id), and (Actor, id) for actors."""
    primary = labels.split(":")[0]
    return [(primary, node_id), *((label, node_id) for label in _SECOND_LABELS.get(primary, ()))]


def digest(content: Any) -> str:
    """A short hash of JSON-like content (scalars, lists, dicts; insertion order counts).

    marshal is the fastest stable serialisation of such values (5x json.dumps, which made
    planning scale 100 take seconds). Format 2, because later formats write back-references and
    interning flags that depend on how the process happens to share objects, not on the content.
    The format may change with the Python version, which then rewrites every element once, correctly.
    """
    return hashlib.blake2b(marshal.dumps(content, MARSHAL_VERSION), digest_size=8).hexdigest()


def owner(stamp: str) -> str:
    """The source that wrote an element, from its `load` stamp as read ('' before stamps named one)."""
    return stamp or CURATED


class PlanRefused(Exception):
    """A load that would do what nobody asked for; nothing of the source is written."""


class PlanConflict(PlanRefused):
    """A source gives a node that another source has already loaded."""


class KindEmptied(PlanRefused):
    """A source's files give no record of a kind the graph holds from it (a missing, empty or renamed
    file): loading would delete every node of that kind, which takes an explicit `deletable` label."""


@dataclass
class GraphState:
    """What the graph holds of earlier loads of this source: identity -> (element id, digest; '' for
    none), and the nodes of other sources: identity -> (element id, source id)."""

    nodes: dict[NodeKey, tuple[str, str]] = field(default_factory=dict)
    edges: dict[EdgeKey, tuple[str, str]] = field(default_factory=dict)
    foreign: dict[NodeKey, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Plan:
    """The writes of one load, in the order they run: creates, updates, then deletes."""

    create_nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    update_nodes: list[dict[str, Any]] = field(default_factory=list)
    create_edges: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    update_edges: list[dict[str, Any]] = field(default_factory=list)
    delete_edges: list[str] = field(default_factory=list)
    delete_nodes: list[str] = field(default_factory=list)
    # element ids of the nodes the graph holds and keeps, by every identity relationships use
    node_ids: dict[NodeKey, str] = field(default_factory=dict)
    # label or type -> Counter of created / updated / deleted / unchanged
    tally: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def size(self) -> int:
        """Statements' rows to write (a created node with its FROM_SOURCE counts once)."""
        return (
            sum(map(len, self.create_nodes.values()))
            + len(self.update_nodes)
            + sum(map(len, self.create_edges.values()))
            + len(self.update_edges)
            + len(self.delete_edges)
            + len(self.delete_nodes)
        )


def make_plan(
    rows: GraphRows, state: GraphState, dataset: str = CURATED, deletable: Collection[str] = ()
) -> Plan:
    """The writes that make the graph hold `rows` as the elements of source `dataset`.

    Deleting every node of a label the source held is refused unless the label is in `deletable`.
    """
    plan = Plan()
    for (label, node_id), (element_id, _) in state.foreign.items():
        for alias in node_keys(label, node_id):
            plan.node_ids[alias] = element_id
    seen_nodes: set[NodeKey] = set()
    for labels, node_rows in rows.nodes.items():
        label_list = labels.split(":")
        label = label_list[0]
        tally = plan.tally[label]
        for row in node_rows:
            source = row.get("source")
            stamp = digest([row["props"], source])
            props = {**row["props"], "id": row["id"], "digest": stamp, "load": dataset}
            key = (label, row["id"])
            if key in state.foreign:
                raise PlanConflict(f"{label} {row['id']!r} is already loaded by source {state.foreign[key][1]!r}")
            seen_nodes.add(key)
            held = state.nodes.get(key)
            if held is None:
                plan.create_nodes[labels].append({"labels": label_list, "props": props, "source": source})
                status = "created"
            elif held[1] != stamp:
                plan.update_nodes.append({"eid": held[0], "props": props, "source": source})
                status = "updated"
            else:
                status = "unchanged"
            if held is not None:
                for alias in node_keys(labels, row["id"]):
                    plan.node_ids[alias] = held[0]
            tally[status] += 1
            if source is not None:
                plan.tally["FROM_SOURCE"][status] += 1
    seen_edges: set[EdgeKey] = set()
    for (rel, from_labels, to_labels), edge_rows in rows.edges.items():
        tally = plan.tally[rel]
        for row in edge_rows:
            stamp = digest(row["props"])
            props = {**row["props"], "key": row["key"], "digest": stamp, "load": dataset}
            edge_key = (rel, row["from"], row["to"], row["key"])
            seen_edges.add(edge_key)
            held = state.edges.get(edge_key)
            if held is None:
                plan.create_edges[(rel, from_labels, to_labels)].append(
                    {"from": row["from"], "to": row["to"], "props": props}
                )
                tally["created"] += 1
            elif held[1] != stamp:
                plan.update_edges.append({"eid": held[0], "props": props})
                tally["updated"] += 1
            else:
                tally["unchanged"] += 1
    for edge_key, (element_id, _) in state.edges.items():
        if edge_key not in seen_edges:
            plan.delete_edges.append(element_id)
            plan.tally[edge_key[0]]["deleted"] += 1
    for node_key, (element_id, _) in state.nodes.items():
        if node_key not in seen_nodes:
            plan.delete_nodes.append(element_id)
            plan.tally[node_key[0] or "(unlabelled)"]["deleted"] += 1
    _refuse_emptied_labels(state, seen_nodes, dataset, deletable)
    return plan


def _refuse_emptied_labels(
    state: GraphState, seen: set[NodeKey], dataset: str, deletable: Collection[str]
) -> None:
    held: dict[str, int] = {}
    for label, _ in state.nodes:
        if label:
            held[label] = held.get(label, 0) + 1
    given = {label for label, _ in seen}
    emptied = sorted(label for label in held if label not in given and label not in deletable)
    if emptied:
        what = ", ".join(f"{held[label]} {label}" for label in emptied)
        raise KindEmptied(
            f"source {dataset!r} gives no {', '.join(emptied)} record, but the graph holds {what} from it "
            f"(a missing, empty or renamed file?); to delete them all, pass --delete-kind "
            + " --delete-kind ".join(emptied)
        )
