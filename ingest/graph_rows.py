"""Turn validated records into the rows the batched writes take: nodes per label, edges per type.

This is the one place where the YAML model meets the graph model (DESIGN.md): which field
becomes which relationship, in which direction, and where provenance lands.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ingest import records
from ingest.dataset import Dataset

# kind -> (node labels, fields that become relationships instead of properties)
NODE_LABELS: dict[str, str] = {
    "sources": "Source",
    "territories": "Territory",
    "organisations": "Organisation:Actor",
    "missions": "Mission:Actor",
    "units": "Unit",
    "posts": "Post",
    "tasks": "Task",
    "resolutions": "Resolution",
    "mandates": "Mandate",
    "codes": "Code",
    "interviews": "Interview",
    "claims": "Claim",
    "figures": "Figure",
    "statements": "Statement",
}

# (kind, field) -> (relationship type, target kind, reversed?). Reversed edges point at the record.
EDGE_FIELDS: dict[tuple[str, str], tuple[str, str, bool]] = {
    ("organisations", "parent"): ("PART_OF", "organisations", False),
    ("organisations", "territory"): ("LOCATED_IN", "territories", False),
    ("missions", "lead"): ("LEADS", "organisations", True),
    ("missions", "lead_department"): ("LEADS", "organisations", True),
    ("missions", "territory"): ("DEPLOYED_IN", "territories", False),
    ("missions", "successor"): ("SUCCEEDED_BY", "missions", False),
    ("missions", "predecessor"): ("SUCCEEDED_BY", "missions", True),
    ("missions", "military_counterpart"): ("MILITARY_COUNTERPART", "missions", False),
    ("missions", "part_of"): ("PART_OF", "missions", False),
    ("units", "mission"): ("PART_OF", "missions", False),
    ("units", "part_of"): ("PART_OF", "units", False),
    ("units", "led_by"): ("LEADS", "organisations", True),
    ("posts", "mission"): ("POST_IN", "missions", False),
    ("posts", "unit"): ("LEADS", "units", False),
    ("posts", "in_unit"): ("POST_IN", "units", False),
    ("posts", "also"): ("HELD_WITH", "posts", False),
    ("tasks", "broader"): ("BROADER", "tasks", False),
    ("resolutions", "missions"): ("CONCERNS", "missions", False),
    ("mandates", "mission"): ("MANDATE_OF", "missions", False),
    ("mandates", "resolution"): ("SETS", "resolutions", True),
    ("mandates", "previous"): ("PRECEDES", "mandates", True),
    ("mandates", "tasks"): ("INCLUDES", "tasks", False),
    ("codes", "broader"): ("BROADER", "codes", False),
    ("codes", "related"): ("RELATED", "codes", False),
    ("interviews", "organisation"): ("AFFILIATED_WITH", "organisations", False),
    ("interviews", "mission"): ("CONCERNS", "missions", False),
    ("claims", "interviews"): ("CITES", "interviews", False),
    ("claims", "cites"): ("CITES", "sources", False),
    ("claims", "codes"): ("CODED_AS", "codes", False),
    ("claims", "research_question"): ("CODED_AS", "codes", False),
    ("claims", "mentions"): ("MENTIONS", "actors", False),
}
# Missions and organisations share the Actor label: a field may point at either.
ACTOR_LABEL = "Actor"

# Nested lists that become nodes of their own, linked from the record.
NESTED: dict[str, str] = {"figures": "HAS_FIGURE", "statements": "HAS_STATEMENT"}
# Provenance is flattened onto nodes and edges under these names; never record properties.
LOCATOR_FIELDS = ("section", "line", "paragraph", "page", "file", "row", "key")
UNSC = "unsc"


@dataclass
class GraphRows:
    """Rows grouped for batched writes: nodes[label] and edges[(type, from label, to label)]."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    _seen: set[tuple[str, str, str, str]] = field(default_factory=set)

    def add_edge(
        self, rel: str, from_label: str, from_id: str, to_label: str, to_id: str, props: dict[str, Any], key: str = ""
    ) -> None:
        """Add an edge once: a second statement of the same edge (a successor here, a predecessor
        there) keeps the first one's provenance."""
        identity = (rel, from_id, to_id, key)
        if identity in self._seen:
            return
        self._seen.add(identity)
        self.edges[(rel, from_label, to_label)].append({"from": from_id, "to": to_id, "key": key, "props": props})

    def count(self) -> tuple[int, int]:
        return sum(map(len, self.nodes.values())), sum(map(len, self.edges.values()))


def _provenance(item: records.Provenance) -> dict[str, Any]:
    props: dict[str, Any] = {"source": item.source}
    for name in LOCATOR_FIELDS:
        value = getattr(item.locator, name)
        if value is not None:
            props[name] = value
    if item.quote is not None:
        props["quote"] = item.quote
    return props


def _property(value: Any) -> Any:
    """Neo4j properties are scalars or homogeneous lists; anything else is kept as JSON text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return json.dumps(value, sort_keys=True, default=str)


def _properties(record: BaseModel, kind: str) -> dict[str, Any]:
    # tasks_source is the provenance of the INCLUDES edges, where it is written.
    skip = {"source", "locator", "quote", "asserts", "tasks_source", *NESTED}
    skip |= {name for (k, name) in EDGE_FIELDS if k == kind}
    props = {name: _property(getattr(record, name)) for name in type(record).model_fields if name not in skip}
    if isinstance(record, records.Provenance):
        props |= _provenance(record)
    elif isinstance(record, records.Source) and record.cited_in is not None:
        props |= {f"cited_in_{k}": v for k, v in _provenance(record.cited_in).items()}
        props.pop("cited_in", None)
    return {k: v for k, v in props.items() if v is not None and v != []}


def build_rows(dataset: Dataset) -> GraphRows:
    rows = GraphRows()
    for kind, by_id in dataset.kinds.items():
        label = NODE_LABELS[kind]
        for record_id, record in by_id.items():
            rows.nodes[label].append({"id": record_id, "props": _properties(record, kind)})
            provenance = _provenance(record) if isinstance(record, records.Provenance) else None
            if provenance is not None:
                rows.add_edge("FROM_SOURCE", label, record_id, "Source", provenance["source"], provenance)
            _edges_of(rows, kind, label, record_id, record, provenance or {})
            _nested_of(rows, label, record_id, record)
    _adopted(rows, dataset)
    _evidenced_relations(rows, dataset)
    return rows


def _edges_of(
    rows: GraphRows, kind: str, label: str, record_id: str, record: BaseModel, provenance: dict[str, Any]
) -> None:
    for (edge_kind, name), (rel, target_kind, reverse) in EDGE_FIELDS.items():
        if edge_kind != kind:
            continue
        value = getattr(record, name)
        targets = value if isinstance(value, list) else [value] if value is not None else []
        target_label = ACTOR_LABEL if target_kind == "actors" else NODE_LABELS[target_kind]
        props = {**provenance, "field": name}
        if isinstance(record, records.Mandate) and name == "tasks" and record.tasks_source is not None:
            props = {**_provenance(record.tasks_source), "field": name}
        for target in targets:
            if reverse:
                rows.add_edge(rel, target_label, target, label, record_id, props)
            else:
                rows.add_edge(rel, label, record_id, target_label, target, props)


def _nested_of(rows: GraphRows, label: str, record_id: str, record: BaseModel) -> None:
    for name, rel in NESTED.items():
        for index, item in enumerate(getattr(record, name, [])):
            node_id = f"{record_id}-{name[:-1]}-{index + 1}"
            props = _properties(item, name) | {"of": record_id}
            nested_label = NODE_LABELS[name]
            rows.nodes[nested_label].append({"id": node_id, "props": props})
            rows.add_edge(rel, label, record_id, nested_label, node_id, {"source": item.source})
            rows.add_edge("FROM_SOURCE", nested_label, node_id, "Source", item.source, _provenance(item))


def _adopted(rows: GraphRows, dataset: Dataset) -> None:
    """Every resolution was adopted by the Security Council, when the dataset has it as an organisation."""
    if UNSC not in dataset.ids("organisations"):
        return
    for record_id, record in dataset.kinds.get("resolutions", {}).items():
        rows.add_edge(
            "ADOPTED", NODE_LABELS["organisations"], UNSC, NODE_LABELS["resolutions"], record_id, _provenance(record)
        )


def _evidenced_relations(rows: GraphRows, dataset: Dataset) -> None:
    """One relationship per asserted (from, type, kind, on, to), whatever the number of claims behind it.

    `evidence` lists the claims, `interviews` the distinct interviews they cite, and `weight` is the
    number of those interviews: three claims citing one interview weigh one, not three.
    """
    grouped: dict[tuple[str, str, str, str, str], list[records.Claim]] = defaultdict(list)
    for claim in dataset.kinds.get("claims", {}).values():
        for assertion in claim.asserts:
            key = (assertion.source_actor, assertion.type, assertion.kind or "", assertion.on or "", assertion.to)
            if claim not in grouped[key]:
                grouped[key].append(claim)
    for (source_actor, rel, kind, on, target), claims in sorted(grouped.items()):
        interviews = sorted({i for claim in claims for i in claim.interviews}, key=_interview_order)
        literature = sorted({claim.cites for claim in claims if claim.cites is not None})
        props: dict[str, Any] = {
            "evidence": [claim.id for claim in claims],
            "interviews": interviews,
            "weight": len(interviews),
            "claims": len(claims),
            "source": "thesis",
        }
        props |= {"kind": kind} if kind else {}
        props |= {"on": on} if on else {}
        props |= {"literature": literature} if literature else {}
        rows.add_edge(rel, ACTOR_LABEL, source_actor, ACTOR_LABEL, target, props, key=f"{kind}:{on}" if kind else "")


def _interview_order(interview_id: str) -> tuple[str, int]:
    case, _, number = interview_id.rpartition("-")
    return case, int(number)
