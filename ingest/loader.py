"""Write one source's rows into Neo4j: all of them land, or none of them.

The load reads what the graph holds of the source's earlier loads (identity, element id,
`digest`), plans the difference (ingest.plan) and writes only that: CREATE for new elements, SET
for changed ones, DELETE for what the files no longer give. Other sources' elements are never
written. Loading the same files twice leaves the same graph, and the second run writes nothing but
the source's `:Dataset` node. ingest.pipeline calls this once per source.

Two modes, chosen by the size of the plan:

- one transaction (plans of up to `tx_elements` rows, which covers the curated data many times
  over): the lock on `:Dataset`, the read, every write and the dataset record commit together;
- a staged load (larger plans): the new elements are created in transactions of about `tx_elements`
  rows each, under a load id recorded as the source's `:Dataset.pending`; the last transaction holds the
  updates, the deletions and the dataset record (the swap). If any transaction fails, what the
  load created so far is deleted again (by element id) and the error is raised: the graph is left
  as it was.

Readers never see a staged load before its swap: its nodes are created with the label `Pending`
alone (schema.datasets.STAGED_LABEL) and get their own labels in the swap, and a new relationship
between nodes the graph already holds is created in the swap too, so every read statement, which
names labels or leaves `Pending` out, sees the old graph until the new one is whole. While it
writes, a thread renews the pending mark; a mark left by a load that died (kill -9, a lost
connection) goes stale, `/ready` says `broken`, and the next load of the source deletes the
`Pending` nodes it left (`repair_source`) before it plans.
"""

from __future__ import annotations

import datetime
import itertools
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, LiteralString

from neo4j import Driver, ManagedTransaction, Session, Transaction
from neo4j.exceptions import DatabaseError, DriverError, Neo4jError, TransientError

from ingest.graph_rows import ACTOR_LABEL, NODE_LABELS, GraphRows
from ingest.plan import PRIMARY_LABELS, GraphState, NodeKey, Plan, make_plan, node_keys, owner
from queries import statement
from schema.datasets import CURATED, HEARTBEAT_S, PENDING_LEASE_S, STAGED_LABEL

BATCH = 10_000
# A staged transaction of this many rows fits the default 1 GB heap (db.memory.transaction.total.max =
# half of it); 100,000 did not at scale 100 of bench/generate.py.
TX_ELEMENTS = 25_000
_ALLOWED_LABELS = {part for labels in NODE_LABELS.values() for part in labels.split(":")} | {ACTOR_LABEL, STAGED_LABEL}
_TYPE = re.compile(r"^[A-Z][A-Z_]*$")
# The label of the nodes FROM_SOURCE points at.
SOURCE_LABEL = NODE_LABELS["sources"]


def checked_labels(labels: str) -> list[str]:
    """`Mission:Actor` -> ["Mission", "Actor"], every part from the allow-list (labels are parameters
    of the writes, but only the loader's own labels may become labels)."""
    parts = labels.split(":")
    if any(part not in _ALLOWED_LABELS for part in parts):
        raise ValueError(f"label {labels!r} is not in the allow-list")
    return parts


def checked_type(rel: str) -> str:
    if not _TYPE.match(rel):
        raise ValueError(f"relationship type {rel!r} is not allowed")
    return rel


# What happened to each element a load compared, in the order summaries show it.
OUTCOMES = ("created", "updated", "deleted", "unchanged")


@dataclass(frozen=True)
class SourceLoad:
    """One source's rows, and what its `:Dataset` node records of them."""

    dataset: str  # the source's id
    version: str  # content hash of its files
    rows: GraphRows
    counts: dict[str, int]  # records read per kind
    # Labels this load may delete every node of (`pkgraph ingest --delete-kind`).
    deletable: frozenset[str] = frozenset()

    @property
    def adopts_unstamped(self) -> bool:
        """Elements from before the `load` stamp named a source were the curated data's."""
        return self.dataset == CURATED


@dataclass(frozen=True)
class LoadSummary:
    dataset: str
    version: str
    # label or relationship type -> {created, updated, deleted, unchanged}
    tally: dict[str, dict[str, int]]
    transactions: int
    # Written by `neo4j-admin database import` into an empty database (ingest.bulk_import), not by transactions.
    bulk: bool = False

    def changed(self, what: str) -> int:
        return sum(counts.get(what, 0) for counts in self.tally.values())

    @property
    def staged(self) -> bool:
        return self.transactions > 1

    @property
    def mode(self) -> str:
        if self.bulk:
            return "bulk import into the empty database"
        return f"staged, {self.transactions} transactions" if self.staged else "one transaction"

    def __str__(self) -> str:
        lines = [f"dataset {self.dataset} {self.version} loaded ({self.mode})"]
        for name, counts in self.tally.items():
            described = ", ".join(f"{counts.get(k, 0)} {k}" for k in OUTCOMES)
            lines.append(f"  {name:<22} {described}")
        return "\n".join(lines)


Progress = Callable[[str, int, int], None]
"""progress(step, rows written by this step, rows the plan writes in all)."""


def _no_progress(_: str, __: int, ___: int) -> None:
    return None


@dataclass
class _Write:
    """One batch of one statement: its name in progress, the Cypher, its parameters, what it checks."""

    step: str
    query: LiteralString
    params: dict[str, Any]
    rows: int
    expect: tuple[str, int] | None = None
    label: str | None = None  # set for node creates: the statement returns [id, element id] pairs
    staged: bool = False  # node creates of a staged load: labelled Pending until the swap
    edges: bool = False  # set for relationship creates: the statement returns element ids


@dataclass
class _Created:
    """Element ids of what a load created: nodes by identity (for the relationships that follow)
    and everything in order (for undoing a staged load that fails)."""

    node_ids: dict[NodeKey, str] = field(default_factory=dict)
    nodes: list[str] = field(default_factory=list)
    edges: list[str] = field(default_factory=list)
    # labels -> element ids of the nodes a staged load created labelled Pending, for the swap
    staged: dict[str, list[str]] = field(default_factory=dict)


def _chunks(rows: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _node_creates(
    plan: Plan, node_ids: dict[NodeKey, str], batch_rows: int = BATCH, staged: bool = False
) -> Iterator[_Write]:
    """Node creates, Source nodes first: the others' FROM_SOURCE finds its Source by element id in
    `node_ids`, which `_run` fills as the creates run (so this is consumed lazily)."""
    query = statement("ingest/create_nodes").text
    for labels, rows in sorted(plan.create_nodes.items(), key=lambda item: item[0] != SOURCE_LABEL):
        parts = checked_labels(labels)
        for batch in _chunks(rows, batch_rows):
            sent = [
                {
                    **row,
                    "labels": [STAGED_LABEL] if staged else row["labels"],
                    "src": None if row["source"] is None else node_ids.get((SOURCE_LABEL, row["source"]["source"])),
                }
                for row in batch
            ]
            sourced = sum(1 for row in batch if row["source"] is not None)
            yield _Write(parts[0], query, {"rows": sent}, len(batch), ("sourced", sourced), label=labels, staged=staged)


EdgeRows = dict[tuple[str, str, str], list[dict[str, Any]]]


def _edge_creates(edges: EdgeRows, node_ids: dict[NodeKey, str], batch_rows: int = BATCH) -> Iterator[_Write]:
    """Relationship creates against element ids: run after the node creates have filled `node_ids`."""
    query = statement("ingest/create_edges").text
    for (rel, from_labels, to_labels), rows in edges.items():
        checked_type(rel)
        start, end = from_labels.split(":")[0], to_labels.split(":")[0]
        for batch in _chunks(rows, batch_rows):
            ends = [(node_ids[(start, row["from"])], node_ids[(end, row["to"])], row["props"]) for row in batch]
            params = {"rows": [{"a": a, "b": b, "type": rel, "props": props} for a, b, props in ends]}
            yield _Write(rel, query, params, len(batch), ("written", len(batch)), edges=True)


def _split_edges(plan: Plan) -> tuple[EdgeRows, EdgeRows]:
    """A staged load's new relationships: those with an end it creates (hidden with that end until
    the swap), and those between nodes the graph holds, which readers would see at once: the swap's."""
    staged: EdgeRows = {}
    swap: EdgeRows = {}
    for (rel, from_labels, to_labels), rows in plan.create_edges.items():
        start, end = from_labels.split(":")[0], to_labels.split(":")[0]
        for row in rows:
            held = (start, row["from"]) in plan.node_ids and (end, row["to"]) in plan.node_ids
            (swap if held else staged).setdefault((rel, from_labels, to_labels), []).append(row)
    return staged, swap


def _reveals(created: _Created) -> Iterator[_Write]:
    query = statement("ingest/reveal_nodes").text
    for labels, ids in created.staged.items():
        for batch in _chunks(ids):
            params = {"ids": batch, "labels": checked_labels(labels)}
            yield _Write("reveal nodes", query, params, len(batch), ("revealed", len(batch)))


def _updates(plan: Plan) -> Iterator[_Write]:
    for batch in _chunks(plan.update_nodes):
        yield _Write("update nodes", statement("ingest/update_nodes").text, {"rows": batch}, len(batch))
    for batch in _chunks(plan.update_edges):
        yield _Write("update relationships", statement("ingest/update_edges").text, {"rows": batch}, len(batch))


def _deletes(edges: list[str], nodes: list[str]) -> Iterator[_Write]:
    for batch in _chunks(edges):
        yield _Write("delete relationships", statement("ingest/delete_edges").text, {"ids": batch}, len(batch))
    for batch in _chunks(nodes):
        yield _Write("delete nodes", statement("ingest/delete_nodes").text, {"ids": batch}, len(batch))


def _run(tx: ManagedTransaction | Transaction, write: _Write, created: _Created) -> None:
    record = tx.run(write.query, write.params).single(strict=True)
    if write.expect is not None:
        name, wanted = write.expect
        if record[name] != wanted:
            # Validation resolves every reference first, so a miss here is a bug, not bad data.
            raise RuntimeError(f"{write.step}: {name} {record[name]} of {wanted}")
    if write.label is not None:
        for node_id, element_id in record["created"]:
            for key in node_keys(write.label, node_id):
                created.node_ids[key] = element_id
            created.nodes.append(element_id)
            if write.staged:
                created.staged.setdefault(write.label, []).append(element_id)
    elif write.edges:
        created.edges += record["created"]


def _read_state(tx: ManagedTransaction, load: SourceLoad) -> GraphState:
    state = GraphState()
    nodes = tx.run(statement("ingest/read_nodes").text, primary=sorted(PRIMARY_LABELS)).single(strict=True)
    for label, node_id, element_id, stamp, by in zip(
        nodes["labels"], nodes["ids"], nodes["eids"], nodes["digests"], nodes["owners"], strict=True
    ):
        source = owner(by)
        if source == load.dataset:
            state.nodes[(label, node_id)] = (element_id, stamp)
        else:
            state.foreign[(label, node_id)] = (element_id, source)
    edges = tx.run(statement("ingest/read_edges").text, dataset=load.dataset, adopt=load.adopts_unstamped).single(
        strict=True
    )
    keys = zip(edges["types"], edges["froms"], edges["tos"], edges["keys"], strict=True)
    state.edges = dict(zip(keys, zip(edges["eids"], edges["digests"], strict=True), strict=True))
    return state


def _lock_and_plan(tx: ManagedTransaction, load: SourceLoad, load_id: str | None) -> Plan:
    """Lock the source's `:Dataset` (and mark a staged load pending), then plan against what the graph holds."""
    tx.run(statement("ingest/lock_dataset").text, dataset=load.dataset, load=load_id).consume()
    return make_plan(load.rows, _read_state(tx, load), load.dataset, load.deletable)


@dataclass(frozen=True)
class VersionRecord:
    """What a source's `:Dataset` node records of a load of it."""

    dataset: str
    version: str
    counts: dict[str, int]
    nodes: int
    relationships: int
    adopt: bool

    @staticmethod
    def of(load: SourceLoad) -> VersionRecord:
        nodes, relationships = load.rows.count()
        return VersionRecord(load.dataset, load.version, load.counts, nodes, relationships, load.adopts_unstamped)


def _record(tx: ManagedTransaction | Transaction, load: SourceLoad | VersionRecord) -> None:
    record = load if isinstance(load, VersionRecord) else VersionRecord.of(load)
    tx.run(
        statement("ingest/record_dataset").text,
        dataset=record.dataset,
        version=record.version,
        loaded_at=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        counts=json.dumps(record.counts, sort_keys=True),
        nodes=record.nodes,
        relationships=record.relationships,
        adopt=record.adopt,
    ).consume()


def record_version(driver: Driver, database: str, record: VersionRecord) -> None:
    """Write a source's `:Dataset` node as a load does at its end: for a bulk import, which has none."""
    with driver.session(database=database) as session:
        session.execute_write(_record, record)


class _TooLarge(Exception):
    """The plan does not fit one transaction: roll back and load staged."""


def load_source(
    driver: Driver,
    database: str,
    load: SourceLoad,
    progress: Progress | None = None,
    tx_elements: int = TX_ELEMENTS,
) -> LoadSummary:
    """Load one source: in one transaction when the plan has at most `tx_elements` rows, else staged."""
    report = progress or _no_progress

    def one_transaction(tx: ManagedTransaction) -> Plan:
        plan = _lock_and_plan(tx, load, None)
        total = plan.size()
        if total > tx_elements:
            raise _TooLarge
        report("compare with the graph", 0, total)
        created = _Created(node_ids=dict(plan.node_ids))
        # Deletions first: an id that moves to another label must be free before it is created.
        for writes in (
            _deletes(plan.delete_edges, plan.delete_nodes),
            _node_creates(plan, created.node_ids),
            _edge_creates(plan.create_edges, created.node_ids),  # lazily: after the node creates
            _updates(plan),
        ):
            for write in writes:
                _run(tx, write, created)
                report(write.step, write.rows, total)
        _record(tx, load)
        return plan

    try:
        with driver.session(database=database) as session:
            repair_source(session, load.dataset)
            # More rows than fit one transaction: staged straight away, without planning twice.
            if sum(load.rows.count()) > tx_elements:
                return _staged(driver, database, session, load, tx_elements, report)
            try:
                plan = session.execute_write(one_transaction)
            except _TooLarge:  # few rows, but many deletions
                return _staged(driver, database, session, load, tx_elements, report)
    except _SERVER_FAULTS as err:
        raise LoadAborted(load.dataset, err, left_behind=False) from err
    return LoadSummary(load.dataset, load.version, plan_counts(plan), 1)


# Neo4j lost, or unable to finish (a limit, a fault of its own); a ClientError is the statement's.
_SERVER_FAULTS = (DriverError, TransientError, DatabaseError)


class LoadAborted(Exception):
    """Neo4j was lost or failed during a source's load. `left_behind`: a staged load could not
    undo what it had committed (the connection is gone); that stays invisible to readers, `/ready`
    reports the source broken once the mark is stale, and the next load removes it."""

    def __init__(self, dataset: str, cause: BaseException, left_behind: bool) -> None:
        self.dataset, self.left_behind = dataset, left_behind
        state = (
            "what it had written stays invisible to readers; /ready reports the source broken and the next "
            "`pkgraph ingest` removes it"
            if left_behind
            else "nothing of it is in the graph"
        )
        super().__init__(f"the load of source {dataset!r} failed: {_describe(cause)}; {state}")


def _describe(err: BaseException) -> str:
    if isinstance(err, Neo4jError):
        return f"Neo4j says ({err.code}): {err.message}"
    return f"Neo4j unreachable ({type(err).__name__}: {err})"


def plan_counts(plan: Plan) -> dict[str, dict[str, int]]:
    return {name: dict(counts) for name, counts in sorted(plan.tally.items())}


class LoadInProgress(Exception):
    """Another process is loading the source (its pending mark is fresh): nothing is written."""


def repair_source(session: Session, dataset: str) -> bool:
    """Before a load: if a staged load of `dataset` died (its pending mark is stale), delete the
    `Pending` nodes it left, with their relationships, and its mark; True if there was one. A
    fresh mark is a load still running: LoadInProgress."""
    state = session.run(statement("ingest/pending_state").text, dataset=dataset).single(strict=True)
    if state["pending"] is None:
        return False
    if state["age"] <= PENDING_LEASE_S:
        raise LoadInProgress(
            f"source {dataset!r} is being loaded by another process (load {state['pending']}, "
            f"seen {state['age']} s ago); nothing was written"
        )
    session.run(statement("ingest/delete_staged").text, dataset=dataset).consume()
    session.run(statement("ingest/clear_pending").text, dataset=dataset, load=None).consume()
    return True


class _Heartbeat(threading.Thread):
    """Renews a staged load's pending mark every HEARTBEAT_S seconds until stopped."""

    def __init__(self, driver: Driver, database: str, dataset: str, load_id: str) -> None:
        super().__init__(name=f"heartbeat {dataset}", daemon=True)
        self._driver, self._database, self._dataset, self._load_id = driver, database, dataset, load_id
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(HEARTBEAT_S):
            try:
                self._renew()
            except (Neo4jError, DriverError):
                # The load's own transactions meet the same fault and report it; a mark not
                # renewed goes stale, which is the truth about a load that cannot write.
                continue

    def _renew(self) -> None:
        # One attempt (no retries, so `stop` never waits for them): the next one is HEARTBEAT_S away.
        with self._driver.session(database=self._database) as session:
            session.run(statement("ingest/heartbeat").text, dataset=self._dataset, load=self._load_id).consume()

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _staged(
    driver: Driver, database: str, session: Session, load: SourceLoad, tx_elements: int, report: Progress
) -> LoadSummary:
    load_id = f"{load.version}@{datetime.datetime.now(datetime.UTC).isoformat(timespec='seconds')}"
    heartbeat = _Heartbeat(driver, database, load.dataset, load_id)
    heartbeat.start()
    try:
        return _staged_writes(session, load, load_id, tx_elements, report)
    finally:
        heartbeat.stop()


def _staged_writes(session: Session, load: SourceLoad, load_id: str, tx_elements: int, report: Progress) -> LoadSummary:
    plan = session.execute_write(_lock_and_plan, load, load_id)
    total = plan.size()
    report("compare with the graph", 0, total)
    created = _Created(node_ids=dict(plan.node_ids))
    staged_edges, swap_edges = _split_edges(plan)
    committed = _Created()  # what committed transactions created: undone if a later one fails
    transactions = 1
    tx: Transaction | None = None
    # A transaction ends at the first batch that brings it to tx_elements rows: batches no larger
    # than that keep it under twice the size.
    batch_rows = min(BATCH, tx_elements)
    try:
        in_tx = 0
        creates = itertools.chain(
            _node_creates(plan, created.node_ids, batch_rows, staged=True),
            _edge_creates(staged_edges, created.node_ids, batch_rows),
        )
        for write in creates:
            tx = tx or session.begin_transaction()
            _run(tx, write, created)
            in_tx += write.rows
            report(write.step, write.rows, total)
            if in_tx >= tx_elements:
                tx.commit()
                report("commit", 0, total)
                tx, in_tx = None, 0
                committed = _Created(nodes=list(created.nodes), edges=list(created.edges))
                transactions += 1
        # The swap, together: the last creates, the deletions (an id that moves to another label
        # must be free before its node gets the new one), the staged nodes' labels, the new
        # relationships between held nodes, every update, and the new version.
        tx = tx or session.begin_transaction()
        swap = itertools.chain(
            _deletes(plan.delete_edges, plan.delete_nodes),
            _reveals(created),
            _edge_creates(swap_edges, created.node_ids, batch_rows),
            _updates(plan),
        )
        for write in swap:
            _run(tx, write, created)
            report(write.step, write.rows, total)
        _record(tx, load)
        tx.commit()
        tx = None
        transactions += 1
    except BaseException as err:
        try:
            if tx is not None:
                tx.close()
            _undo(session, committed, load.dataset, load_id)
        except _SERVER_FAULTS as undo_err:
            raise LoadAborted(load.dataset, err, left_behind=True) from undo_err
        raise
    return LoadSummary(load.dataset, load.version, plan_counts(plan), transactions)


def _undo(session: Session, created: _Created, dataset: str, load_id: str) -> None:
    """Delete what a failed staged load committed, in transactions as small as its own; one
    attempt each (a Neo4j that is gone is not waited for: the next load repairs)."""
    for write in _deletes(created.edges, created.nodes):
        with session.begin_transaction() as tx:
            _run(tx, write, _Created())
            tx.commit()
    session.run(statement("ingest/clear_pending").text, dataset=dataset, load=load_id).consume()
