"""The CSV files `neo4j-admin database import full` loads an empty database from: the same
elements, with the same properties, as the transactional load (ingest.loader) writes.

Each source is planned against an empty graph (ingest.plan.make_plan), so every node and
relationship carries the `digest` and `load` stamps a transactional load gives it, and a later
`pkgraph ingest` compares against them and finds nothing to change. What the importer needs
beyond the rows:

- id spaces: one per primary label (a node's id is unique within its label); a relationship end
  given by the shared `Actor` label is looked up in the space of the node that holds the id;
- exact types: the importer types a column, not a value, so the rows of a label (or relationship
  type) are split into one file per set of (property, type) they carry; a property whose value
  is None is absent, as `SET n = $props` leaves it, and no file has an empty cell;
- every string cell quoted, `""` an empty string (the importer's null is an unquoted empty cell);
  arrays joined by ARRAY_DELIMITER, a control character no text field holds;
- labels and types on the command line (`--nodes=Mission:Actor=file`), not in columns;
- an empty list is no array the importer writes (an empty cell is no property): such properties
  are left out of the files and set after the import (`empty_lists`, db.bulk_load).

Nothing here touches Neo4j: the files are written and checked before the server is stopped.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.graph_rows import ACTOR_LABEL
from ingest.loader import (
    SOURCE_LABEL,
    LoadSummary,
    SourceLoad,
    VersionRecord,
    checked_labels,
    checked_type,
    plan_counts,
)
from ingest.plan import GraphState, make_plan

ARRAY_DELIMITER = "\x1f"
# How neo4j-admin names the delimiter on its command line.
ARRAY_DELIMITER_ARG = "U+001F"

_SCALAR_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}


class NotImportable(ValueError):
    """A value the importer cannot hold exactly (a mixed list, the array delimiter in a text)."""


@dataclass
class ImportFiles:
    """What one `neo4j-admin database import full` reads: (labels or type, file) pairs."""

    folder: Path
    nodes: list[tuple[str, Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path]] = field(default_factory=list)
    multiline: bool = False
    elements: int = 0
    # per source, in load order: the summary `pkgraph ingest` shows, what its :Dataset node records
    summaries: list[LoadSummary] = field(default_factory=list)
    versions: list[VersionRecord] = field(default_factory=list)
    # The empty-list properties, by element: {label, id, props} of nodes, {type, start, from, end, to,
    # key, props} of relationships (ingest/set_node_props, ingest/set_edge_props).
    empty_lists: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {"nodes": [], "edges": []})

    def arguments(self) -> list[str]:
        """The importer's options for these files."""
        return [
            f"--array-delimiter={ARRAY_DELIMITER_ARG}",
            f"--multiline-fields={'true' if self.multiline else 'false'}",
            *(f"--nodes={labels}={path}" for labels, path in self.nodes),
            *(f"--relationships={rel}={path}" for rel, path in self.relationships),
        ]


def _value_type(value: Any, where: str) -> str:
    if isinstance(value, list):
        kinds = {_SCALAR_TYPES.get(type(item)) for item in value}
        if None in kinds or len(kinds) > 1:
            raise NotImportable(f"{where}: a list of mixed or unsupported values {value!r:.80}")
        # An empty list has no element type; Neo4j keeps it as an empty string array.
        return f"{kinds.pop() if kinds else 'string'}[]"
    kind = _SCALAR_TYPES.get(type(value))
    if kind is None:
        raise NotImportable(f"{where}: a value of type {type(value).__name__} is not a property value")
    return kind


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _cell(value: Any, kind: str, where: str) -> str:
    if kind == "string[]":
        if any(ARRAY_DELIMITER in item for item in value):
            raise NotImportable(f"{where}: a text holds the array delimiter U+001F")
        return _quoted(ARRAY_DELIMITER.join(value))
    if kind.endswith("[]"):
        return ARRAY_DELIMITER.join(_cell(item, kind[:-2], where) for item in value)
    if kind == "string":
        return _quoted(value)
    if kind == "boolean":
        return "true" if value else "false"
    # repr: the shortest text that reads back as the same double.
    return repr(value)


class _CsvGroups:
    """Rows of one label or type, split by the (property, type) set each carries, each set a file."""

    def __init__(self, files: ImportFiles, stem: str, heads: list[str], kind: str, name: str) -> None:
        self._files, self._stem, self._heads, self._kind, self._name = files, stem, heads, kind, name
        self._open: dict[tuple[tuple[str, str], ...], Any] = {}

    def add(self, fixed: list[str], props: dict[str, Any], where: str, identity: dict[str, Any] | None) -> None:
        """One row; `identity` finds the element again after the import, for its empty lists (None:
        it has none)."""
        present = {k: v for k, v in props.items() if v is not None and v != []}
        empty = {k: v for k, v in props.items() if v == []}
        if empty:
            if identity is None:
                raise NotImportable(f"{where}: an empty list, which the importer cannot write here")
            self._files.empty_lists["nodes" if self._kind == "nodes" else "edges"].append(identity | {"props": empty})
        signature = tuple((k, _value_type(v, f"{where} property {k}")) for k, v in present.items())
        handle = self._open.get(signature)
        if handle is None:
            path = self._files.folder / f"{self._stem}-{len(self._open)}.csv"
            handle = path.open("w", encoding="utf-8", newline="")
            handle.write(",".join([*self._heads, *(f"{k}:{kind}" for k, kind in signature)]) + "\n")
            self._open[signature] = handle
            (self._files.nodes if self._kind == "nodes" else self._files.relationships).append((self._name, path))
        cells = [_quoted(part) for part in fixed] + [_cell(present[k], kind, where) for k, kind in signature]
        line = ",".join(cells)
        self._files.multiline |= "\n" in line or "\r" in line
        handle.write(line + "\n")
        self._files.elements += 1

    def close(self) -> None:
        for handle in self._open.values():
            handle.close()


def write_import_csvs(loads: Iterable[SourceLoad], folder: Path) -> ImportFiles:
    """Write every load's elements, planned against an empty graph, as importer CSVs into `folder`
    (emptied first), one load at a time."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = ImportFiles(folder)
    actor_space: dict[str, str] = {}
    sources: set[str] = set()  # ids of the Source nodes written so far (FROM_SOURCE ends)
    for index, load in enumerate(loads):
        plan = make_plan(load.rows, GraphState(), load.dataset, load.deletable)
        for labels, rows in plan.create_nodes.items():
            space = checked_labels(labels)[0]
            if labels.endswith(ACTOR_LABEL):
                actor_space.update((row["props"]["id"], space) for row in rows)
            if labels == SOURCE_LABEL:
                sources.update(row["props"]["id"] for row in rows)
        for labels, rows in plan.create_nodes.items():
            space = labels.split(":")[0]
            groups = _CsvGroups(files, f"{index}-nodes-{space}", [f"id:ID({space})"], "nodes", labels)
            from_source = _CsvGroups(
                files,
                f"{index}-rels-FROM_SOURCE-{space}",
                [f":START_ID({space})", f":END_ID({SOURCE_LABEL})"],
                "relationships",
                "FROM_SOURCE",
            )
            for row in rows:
                props = dict(row["props"])
                node_id = props.pop("id")  # the ID column is the `id` property
                where = f"source {load.dataset}: {space} {node_id!r}"
                groups.add([node_id], props, where, {"label": space, "id": node_id})
                source = row["source"]
                if source is not None:
                    if source["source"] not in sources:
                        raise NotImportable(f"{where}: its Source {source['source']!r} is not loaded")
                    from_source.add([node_id, source["source"]], source, f"{where} FROM_SOURCE", None)
            groups.close()
            from_source.close()
        for (rel, from_labels, to_labels), rows in plan.create_edges.items():
            checked_type(rel)
            by_ends: dict[tuple[str, str], _CsvGroups] = {}
            for row in rows:
                start = _space(from_labels, row["from"], actor_space)
                end = _space(to_labels, row["to"], actor_space)
                groups_of_ends = by_ends.get((start, end))
                if groups_of_ends is None:
                    groups_of_ends = by_ends[(start, end)] = _CsvGroups(
                        files,
                        f"{index}-rels-{rel}-{start}-{end}",
                        [f":START_ID({start})", f":END_ID({end})"],
                        "relationships",
                        rel,
                    )
                identity = {"type": rel, "start": start, "from": row["from"], "end": end, "to": row["to"]}
                groups_of_ends.add(
                    [row["from"], row["to"]],
                    row["props"],
                    f"source {load.dataset}: {rel}",
                    identity | {"key": row["props"]["key"]},
                )
            for groups_of_ends in by_ends.values():
                groups_of_ends.close()
        files.summaries.append(LoadSummary(load.dataset, load.version, plan_counts(plan), 0, bulk=True))
        files.versions.append(VersionRecord.of(load))
    return files


def _space(labels: str, node_id: str, actor_space: dict[str, str]) -> str:
    label = labels.split(":")[0]
    if label != ACTOR_LABEL:
        return label
    if node_id not in actor_space:
        raise NotImportable(f"actor {node_id!r}: no Mission or Organisation of that id is loaded")
    return actor_space[node_id]
