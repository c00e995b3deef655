"""What the home page shows: how many of each kind the graph holds, per source, and each version.

Input: the row of `rdf/counts` (node counts by label, evidenced relations; the statement VoID
uses) and the rows of `system/datasets` (one `:Dataset` per source, as `/ready` reports them).
"""

from __future__ import annotations

from typing import Any

from schema import registry
from service.read_models.readiness import dataset


def kind_counts(labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per registered node kind that has nodes, in the registry's order."""
    by_label = {row["label"]: int(row["nodes"]) for row in labels}
    rows = []
    for kind in registry.NODE_KINDS:
        count = by_label.get(kind.label, 0)
        if count:
            rows.append({"kind": kind.title, "label": kind.label, "nodes": count})
    return rows


def home(counts: dict[str, Any], dataset_rows: list[dict[str, Any]], missions: list[dict[str, Any]]) -> dict[str, Any]:
    """`missions`: the items of `list_missions` (the way in to the mission pages)."""
    datasets = [dataset(row) for row in dataset_rows]
    return {
        "missions": missions,
        "kinds": kind_counts(counts["labels"]),
        "relations": int(counts["relations"]),
        "datasets": [d.model_dump() for d in datasets],
        "kinds_per_source": sorted({kind for d in datasets for kind in d.counts}),
    }
