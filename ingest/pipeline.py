"""The ingest, in one place: read -> validate -> rows -> plan -> write -> report.

Used by `pkgraph ingest`, the tests and the benchmarks alike:

1. read: every source adapter given (ingest.sources) parses its files once and validates each
   record on its own, with the version hashed from the same bytes;
2. validate: the cross-record checks run over all of them together, so a reference from one
   source into another resolves; references into sources not read in this run resolve against
   the records those sources have loaded into the graph;
3. rows -> plan -> write: each chosen source is loaded on its own (ingest.loader): its own lock,
   plan, version and `:Dataset` node; reloading one never writes another's elements;
4. report: the sources' warnings (what they read but could not resolve) and progress through
   callbacks, and one `LoadSummary` per source, which the caller shows (db.ingest_report).

Nothing is written unless every source read is valid.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field

from neo4j import Driver

from ingest.dataset import Dataset, DatasetInvalid, Problem, check_union, drop_unresolved
from ingest.gc_pause import gc_paused
from ingest.graph_rows import NODE_LABELS, build_rows
from ingest.loader import TX_ELEMENTS, LoadSummary, Progress, SourceLoad, load_source
from ingest.plan import PRIMARY_LABELS
from ingest.public.source_warning import SourceWarning
from ingest.sources import SourceAdapter
from queries import statement
from schema.datasets import CURATED

# primary label -> kind, to name the ids other sources loaded by the kind references use
_KIND_OF_LABEL = {labels.split(":")[0]: kind for kind, labels in NODE_LABELS.items()}


Warn = Callable[[SourceWarning], None]
"""warn(warning): called once per warning of every source read, in source order."""


class SourcesInvalid(DatasetInvalid):
    """Some source could not be read or validated: `problems` lists every finding of every source."""


@dataclass(frozen=True)
class Validated:
    """The sources of one run, read and validated together: records, version and warnings per
    source id, and the ids by kind that sources not read hold in the graph."""

    records: dict[str, Dataset]
    versions: dict[str, str]
    known: dict[str, set[str]]
    warnings: dict[str, list[SourceWarning]] = field(default_factory=dict)

    def counts(self, source: str) -> dict[str, int]:
        return {kind: len(by_id) for kind, by_id in self.records[source].kinds.items()}

    def elsewhere(self, source: str) -> dict[str, set[str]]:
        """Ids by kind that sources other than `source` hold, in this run or in the graph."""
        ids = {kind: set(known) for kind, known in self.known.items()}
        for other, records in self.records.items():
            if other != source:
                for kind, by_id in records.kinds.items():
                    ids.setdefault(kind, set()).update(by_id)
        return ids


def validate(
    adapters: Sequence[SourceAdapter],
    known: dict[str, set[str]] | None = None,
    warn: Warn | None = None,
    held: Collection[str] | None = None,
) -> Validated:
    """Read every adapter once and validate all of them together; raise SourcesInvalid listing
    every problem. `known`: ids by kind defined outside these sources (see `loaded_ids`). `warn`
    is given every source's warnings, before the problems are raised: both help fix the files.
    `held`: the kinds the graph holds from these sources (see `held_kinds`; None: no graph asked)."""
    ids = [adapter.id for adapter in adapters]
    twice = sorted({source for source in ids if ids.count(source) > 1})
    if twice:
        raise ValueError(f"source {', '.join(twice)} given more than once")
    with gc_paused():
        return _validate(adapters, known, warn, held)


def _validate(
    adapters: Sequence[SourceAdapter],
    known: dict[str, set[str]] | None,
    warn: Warn | None,
    held: Collection[str] | None,
) -> Validated:
    ids = [adapter.id for adapter in adapters]
    problems: list[Problem] = []
    records: dict[str, Dataset] = {}
    versions: dict[str, str] = {}
    warnings: dict[str, list[SourceWarning]] = {}
    for adapter in adapters:
        reading = adapter.read()
        records[adapter.id] = reading.records
        versions[adapter.id] = adapter.version()
        warnings[adapter.id] = list(reading.warnings)
        problems += reading.problems
    for link, missing in drop_unresolved(list(records.values()), known or {}):
        message = f"{link.type} {link.start[1]} -> {missing}: not in any source loaded; left out"
        warnings[link.locator.source if link.locator.source in warnings else ids[0]].append(
            SourceWarning(link.locator, message)
        )
    for warning in (w for found in warnings.values() for w in found):
        if warn is not None:
            warn(warning)
    problems += check_union(list(records.values()), known, held)
    if problems:
        raise SourcesInvalid(problems)
    return Validated(records, versions, known or {}, warnings)


def loaded_ids(driver: Driver, database: str, reading: Collection[str]) -> dict[str, set[str]]:
    """Ids by kind of the records that sources other than `reading` have loaded into the graph."""
    records, _, _ = driver.execute_query(
        statement("ingest/read_ids").text,
        reading=sorted(reading),
        legacy=CURATED,
        primary=sorted(PRIMARY_LABELS),
        database_=database,
    )
    known: dict[str, set[str]] = {}
    for label, node_id in zip(records[0]["labels"], records[0]["ids"], strict=True):
        kind = _KIND_OF_LABEL.get(label)
        if kind is not None:
            known.setdefault(kind, set()).add(node_id)
    return known


def held_kinds(driver: Driver, database: str, reading: Collection[str]) -> set[str]:
    """The kinds of the records the sources `reading` have loaded into the graph."""
    records, _, _ = driver.execute_query(
        statement("ingest/read_held_labels").text,
        reading=sorted(reading),
        legacy=CURATED,
        primary=sorted(PRIMARY_LABELS),
        database_=database,
    )
    return {_KIND_OF_LABEL[label] for label in records[0]["labels"] if label in _KIND_OF_LABEL}


def file_ids(adapters: Sequence[SourceAdapter]) -> dict[str, set[str]]:
    """Ids by kind in the adapters' files, read but not checked: what references from other sources
    resolve to when there is no graph to ask (`pkgraph ingest --check --source ...`)."""
    known: dict[str, set[str]] = {}
    for adapter in adapters:
        for kind, by_id in adapter.read().records.kinds.items():
            known.setdefault(kind, set()).update(by_id)
    return known


def write(
    driver: Driver,
    database: str,
    validated: Validated,
    only: Collection[str] | None = None,
    progress: Progress | None = None,
    tx_elements: int = TX_ELEMENTS,
    deletable: Collection[str] = (),
) -> list[LoadSummary]:
    """Load each validated source (or those in `only`) on its own, in the order given. A source may
    delete every node of a label only when the label is in `deletable`."""
    return [
        load_source(driver, database, load, progress, tx_elements) for load in source_loads(validated, only, deletable)
    ]


def source_loads(
    validated: Validated, only: Collection[str] | None = None, deletable: Collection[str] = ()
) -> Iterator[SourceLoad]:
    """Each validated source's rows (or those of the sources in `only`), in order, built one at a time."""
    for source, records in validated.records.items():
        if only is None or source in only:
            rows = build_rows(records, validated.elsewhere(source))
            yield SourceLoad(source, validated.versions[source], rows, validated.counts(source), frozenset(deletable))


def ingest(
    driver: Driver,
    database: str,
    adapters: Sequence[SourceAdapter],
    only: Collection[str] | None = None,
    progress: Progress | None = None,
    tx_elements: int = TX_ELEMENTS,
    deletable: Collection[str] = (),
    warn: Warn | None = None,
) -> list[LoadSummary]:
    """The whole ingest of `adapters` against the graph; `only` names the sources to write (default all)."""
    unknown = sorted(set(only or ()) - {adapter.id for adapter in adapters})
    if unknown:
        raise ValueError(f"unknown source {', '.join(unknown)}")
    reading = [adapter.id for adapter in adapters]
    validated = validate(
        adapters, loaded_ids(driver, database, reading), warn, held_kinds(driver, database, reading)
    )
    return write(driver, database, validated, only, progress, tx_elements, deletable)
