"""Write a validated dataset into Neo4j in one transaction: all of it lands, or none of it.

Every node and relationship written is stamped `load = <dataset version>`; what an earlier load
wrote and this one did not (a record removed from the files) is swept in the same transaction.
Loading the same files twice therefore leaves the same graph.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import Driver, ManagedTransaction

from ingest.cypher import statement
from ingest.dataset import KINDS, Dataset
from ingest.graph_rows import ACTOR_LABEL, NODE_LABELS, GraphRows, build_rows

BATCH = 5_000
_ALLOWED_LABELS = {part for labels in NODE_LABELS.values() for part in labels.split(":")} | {ACTOR_LABEL}
_TYPE = re.compile(r"^[A-Z][A-Z_]*$")


def dataset_version(dataset: Dataset) -> str:
    """Content hash of the data files, in a fixed order: the same files give the same version."""
    digest = hashlib.sha256()
    for kind in KINDS:
        path = dataset.folder / f"{kind}.yaml"
        if path.exists():
            digest.update(kind.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _labels(labels: str) -> str:
    parts = labels.split(":")
    if not parts or any(part not in _ALLOWED_LABELS for part in parts):
        raise ValueError(f"label {labels!r} is not in the allow-list")
    return ":".join(f"`{part}`" for part in parts)


def _primary(labels: str) -> str:
    return _labels(labels.split(":")[0])


def _node_query(labels: str) -> LiteralString:
    # The label is checked against the allow-list above; everything else is a parameter.
    return statement("ingest/merge_nodes").text.replace("__LABELS__", _labels(labels))


def _edge_query(rel: str, from_labels: str, to_labels: str) -> LiteralString:
    if not _TYPE.match(rel):
        raise ValueError(f"relationship type {rel!r} is not allowed")
    text = statement("ingest/merge_edges").text
    text = text.replace("__TYPE__", f"`{rel}`").replace("__FROM__", _primary(from_labels))
    return text.replace("__TO__", _primary(to_labels))


@dataclass(frozen=True)
class LoadSummary:
    version: str
    nodes: dict[str, int]
    edges: dict[str, int]
    deleted_nodes: int
    deleted_edges: int

    def __str__(self) -> str:
        lines = [f"dataset {self.version} loaded"]
        lines += [f"  {label:<22} {n:>8} nodes" for label, n in sorted(self.nodes.items())]
        lines += [f"  {rel:<22} {n:>8} relationships" for rel, n in sorted(self.edges.items())]
        lines.append(
            f"  removed: {self.deleted_nodes} nodes, {self.deleted_edges} relationships no longer in the files"
        )
        return "\n".join(lines)


def _batches(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]


Progress = Callable[[str, int], None]


def _no_progress(_: str, __: int) -> None:
    return None


def _write(
    tx: ManagedTransaction, rows: GraphRows, version: str, counts: dict[str, int], progress: Progress
) -> LoadSummary:
    nodes: dict[str, int] = {}
    for labels, node_rows in rows.nodes.items():
        query = _node_query(labels)
        for batch in _batches(node_rows):
            tx.run(query, rows=batch, load=version).consume()
            progress(labels.split(":")[0], len(batch))
        nodes[labels.split(":")[0]] = len(node_rows)
    edges: dict[str, int] = {}
    for (rel, from_labels, to_labels), edge_rows in rows.edges.items():
        query = _edge_query(rel, from_labels, to_labels)
        for batch in _batches(edge_rows):
            written = tx.run(query, rows=batch, load=version).single(strict=True)["written"]
            if written != len(batch):
                # Validation resolves every reference first, so a miss here is a bug, not bad data.
                raise RuntimeError(f"{rel} {from_labels}->{to_labels}: wrote {written} of {len(batch)}")
            progress(rel, len(batch))
        edges[rel] = edges.get(rel, 0) + len(edge_rows)
    deleted_edges = tx.run(statement("ingest/sweep_edges").text, load=version).single(strict=True)["deleted"]
    deleted_nodes = tx.run(statement("ingest/sweep_nodes").text, load=version).single(strict=True)["deleted"]
    node_total, edge_total = rows.count()
    tx.run(
        statement("ingest/record_dataset").text,
        load=version,
        loaded_at=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        counts=json.dumps(counts, sort_keys=True),
        nodes=node_total,
        relationships=edge_total,
    ).consume()
    return LoadSummary(version, nodes, edges, deleted_nodes, deleted_edges)


def load_into_graph(driver: Driver, database: str, dataset: Dataset, progress: Progress | None = None) -> LoadSummary:
    """Load `dataset` in one write transaction (retried whole on transient errors).

    `progress(step, rows)` is called after each batch; the total is `build_rows(dataset).count()`.
    """
    return load_rows(driver, database, build_rows(dataset), dataset, progress)


def load_rows(
    driver: Driver, database: str, rows: GraphRows, dataset: Dataset, progress: Progress | None = None
) -> LoadSummary:
    counts = {kind: len(by_id) for kind, by_id in dataset.kinds.items()}
    version = dataset_version(dataset)
    with driver.session(database=database) as session:
        return session.execute_write(_write, rows, version, counts, progress or _no_progress)
