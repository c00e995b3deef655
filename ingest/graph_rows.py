"""Turn validated records into the rows the batched writes take: nodes per label, edges per type.

This is the one place where the YAML model meets the graph model (DESIGN.md): which field
becomes which relationship, in which direction, and where provenance lands.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ingest import mandate_rows, records
from ingest.dataset import Dataset
from schema import registry

# kind -> node labels (`Mission:Actor`), from schema.registry.
NODE_LABELS: dict[str, str] = {kind.kind: kind.labels for kind in registry.NODE_KINDS}

# (kind, field) -> (relationship type, target kind, reversed?). Reversed edges point at the record.
# A field that may point at several kinds targets "actors", the label they share.
EDGE_FIELDS: dict[tuple[str, str], tuple[str, str, bool]] = {
    (r.kind, r.field): (r.type, r.targets[0] if len(r.targets) == 1 else "actors", r.reversed)
    for r in registry.FIELD_RELATIONS
}
# Missions and organisations share the Actor label: a field may point at either.
ACTOR_LABEL = registry.ACTOR_LABEL

# Nested lists that become nodes of their own, linked from the record.
NESTED: dict[str, str] = {kind.kind: kind.nested for kind in registry.nested_kinds() if kind.nested}
# Provenance is flattened onto nodes and edges under these names; never record properties.
LOCATOR_FIELDS = ("section", "line", "paragraph", "page", "file", "row", "key", "column")
UNSC = registry.ADOPTER


@dataclass
class GraphRows:
    """Rows grouped for batched writes: nodes[labels] and edges[(type, from label, to label)].

    A node row is `{id, props}` plus `source` (its provenance) when the record has one: the
    node's `FROM_SOURCE` relationship is written with the node, as part of it.
    """

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    _seen: set[tuple[str, str, str, str]] = field(default_factory=set)

    def add_node(self, labels: str, node_id: str, props: dict[str, Any], source: dict[str, Any] | None) -> None:
        row: dict[str, Any] = {"id": node_id, "props": props}
        if source is not None:
            row["source"] = source
        self.nodes[labels].append(row)

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

    def source_edges(self) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
        """The FROM_SOURCE relationships the node rows carry, as edge rows (for writers that need
        them apart from their nodes: the benchmarks' baselines)."""
        return {
            ("FROM_SOURCE", labels, "Source"): [
                {"from": row["id"], "to": row["source"]["source"], "key": "", "props": row["source"]}
                for row in node_rows
                if "source" in row
            ]
            for labels, node_rows in self.nodes.items()
        }

    def count(self) -> tuple[int, int]:
        """Nodes and relationships written, FROM_SOURCE included."""
        sourced = sum(1 for rows in self.nodes.values() for row in rows if "source" in row)
        return sum(map(len, self.nodes.values())), sum(map(len, self.edges.values())) + sourced


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
    if isinstance(value, list) and all(type(v) is int for v in value):
        return value
    return json.dumps(value, sort_keys=True, default=str)


_SCALARS = (str, int, float, bool)


@functools.cache
def _plain_fields(model: type[BaseModel], kind: str) -> tuple[str, ...]:
    """The fields of `model` that are written as node properties (not provenance, not edges)."""
    # tasks_source is the provenance of the INCLUDES edges, where it is written.
    # inclusions, acts and mappings are relationships (ingest.mandate_rows).
    skip = {"source", "locator", "quote", "asserts", "tasks_source", "inclusions", "acts", "mappings", *NESTED}
    skip |= {name for (k, name) in EDGE_FIELDS if k == kind}
    return tuple(name for name in model.model_fields if name not in skip)


def _properties(record: BaseModel, kind: str, provenance: dict[str, Any] | None) -> dict[str, Any]:
    values = record.__dict__
    props: dict[str, Any] = {}
    for name in _plain_fields(type(record), kind):
        value = values[name]
        if value is None or value == []:
            continue
        props[name] = value if type(value) in _SCALARS else _property(value)
    if provenance is not None:
        props |= provenance
    elif isinstance(record, records.Source) and record.cited_in is not None:
        props |= {f"cited_in_{k}": v for k, v in _provenance(record.cited_in).items()}
        props.pop("cited_in", None)
    return props


def build_rows(dataset: Dataset, elsewhere: Mapping[str, set[str]] | None = None) -> GraphRows:
    """The rows of one source's records; `elsewhere` gives ids by kind that other sources hold (in
    this run or in the graph), for the relationships a source draws to them unasked (ADOPTED)."""
    rows = GraphRows()
    for kind, by_id in dataset.kinds.items():
        label = NODE_LABELS[kind]
        fields = _EDGE_FIELDS_OF.get(kind, ())
        for record_id, record in by_id.items():
            provenance = _provenance(record) if isinstance(record, records.Provenance) else None
            rows.add_node(label, record_id, _properties(record, kind, provenance), provenance)
            _edges_of(rows, fields, label, record_id, record, provenance or {})
            _nested_of(rows, label, record_id, record)
    _adopted(rows, dataset, (elsewhere or {}).get("organisations", set()))
    _evidenced_relations(rows, dataset)
    _links(rows, dataset)
    _public_mandates(rows, dataset, elsewhere or {})
    return rows


def _links(rows: GraphRows, dataset: Dataset) -> None:
    """The relationships a source states outside its records' fields, each with its locator."""
    for link in dataset.links:
        where = link.locator
        props: dict[str, Any] = {"source": where.source, "file": where.file}
        for name in ("row", "key", "column"):
            if getattr(where, name) is not None:
                props[name] = getattr(where, name)
        props |= {name: _property(value) for name, value in link.props.items()}
        start, end = NODE_LABELS[link.start[0]], NODE_LABELS[link.end[0]]
        rows.add_edge(link.type, start, link.start[1], end, link.end[1], props, key=link.key)


def _public_mandates(rows: GraphRows, dataset: Dataset, elsewhere: Mapping[str, set[str]]) -> None:
    """The relationships of public mandates and task concepts (ingest.mandate_rows)."""
    mandates = dataset.kinds.get("mandates", {})
    resolutions = dataset.ids("resolutions") | elsewhere.get("resolutions", set())
    mandate_ids = dataset.ids("mandates") | elsewhere.get("mandates", set())
    edges = mandate_rows.mandate_edges(mandates, resolutions, mandate_ids)
    edges += mandate_rows.mapping_edges(dataset.kinds.get("tasks", {}))
    for rel, from_label, from_id, to_label, to_id, props, key in edges:
        rows.add_edge(rel, NODE_LABELS_BY_LABEL[from_label], from_id, NODE_LABELS_BY_LABEL[to_label], to_id, props, key)


NODE_LABELS_BY_LABEL = {labels.split(":")[0]: labels for labels in NODE_LABELS.values()}


# kind -> [(field, type, target label, reversed?)], so a record visits only its own kind's fields.
_EDGE_FIELDS_OF: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
for (_kind, _name), (_rel, _target, _reverse) in EDGE_FIELDS.items():
    _EDGE_FIELDS_OF[_kind].append((_name, _rel, ACTOR_LABEL if _target == "actors" else NODE_LABELS[_target], _reverse))


def _edges_of(
    rows: GraphRows,
    fields: list[tuple[str, str, str, bool]] | tuple[()],
    label: str,
    record_id: str,
    record: BaseModel,
    provenance: dict[str, Any],
) -> None:
    for name, rel, target_label, reverse in fields:
        value = getattr(record, name)
        if value is None or value == []:
            continue
        targets = value if isinstance(value, list) else [value]
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
            provenance = _provenance(item)
            props = _properties(item, name, provenance) | {"of": record_id}
            nested_label = NODE_LABELS[name]
            rows.add_node(nested_label, node_id, props, provenance)
            rows.add_edge(rel, label, record_id, nested_label, node_id, {"source": item.source})


def _adopted(rows: GraphRows, dataset: Dataset, organisations_elsewhere: set[str]) -> None:
    """Every resolution was adopted by the Security Council, when some source has it as an organisation."""
    if UNSC not in dataset.ids("organisations") | organisations_elsewhere:
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
    # A dict keyed by claim id keeps each claim once per relation, in claim order.
    grouped: dict[tuple[str, str, str, str, str], dict[str, records.Claim]] = defaultdict(dict)
    for claim in dataset.kinds.get("claims", {}).values():
        for assertion in claim.asserts:
            key = (assertion.source_actor, assertion.type, assertion.kind or "", assertion.on or "", assertion.to)
            grouped[key].setdefault(claim.id, claim)
    for (source_actor, rel, kind, on, target), by_id in sorted(grouped.items()):
        claims = list(by_id.values())
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
