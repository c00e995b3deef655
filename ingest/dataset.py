"""Read `data/` into validated records, or report every problem with its file, record and field.

Parsing and validation finish before anything is written, so a bad edit never reaches the graph.
Two steps: `read_folder` parses one source's files and validates each record; `check_union` runs
the cross-record checks (dangling references, duplicate ids, successor cycles) over every source
read in a run together, so a reference from one source into another resolves.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ingest import records
from ingest.public import Locator as SourceLocator
from schema import registry

# File name -> record model (the class in ingest.records named after the kind's label), in the
# order in which kinds are written; both from schema.registry.
KINDS: dict[str, type[records.Strict]] = {kind.kind: getattr(records, kind.label) for kind in registry.curated_kinds()}

# (kind, field) -> kinds its ids must resolve in. `field` may be dotted into nested models.
REFERENCES: dict[tuple[str, str], tuple[str, ...]] = {(r.kind, r.field): r.targets for r in registry.FIELD_RELATIONS}
# Claims code dependency evidence: a claim coded with one of these asserts a DEPENDS_ON or says why not.
DEPENDENCY_CODES = {"power-dependency", "resource-dependency"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as the input allows."""

    file: str
    record: str | None
    field: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = " ".join(part for part in (f"record {self.record!r}" if self.record else "", self.field or "") if part)
        return f"{where}: {what + ': ' if what else ''}{self.message}"


@dataclass(frozen=True)
class Link:
    """A relationship a source states that no record field holds: between records of its own or
    of other sources (a source may draw relationships into another's nodes, never write them),
    e.g. a resolution ESTABLISHES a mission, a state HELD_SEAT on the Council in a year.

    `start`/`end` are (kind, id); `locator` is where the source states it (its provenance, on the
    relationship); `key` tells apart two relationships of one type between the same nodes (the
    year of a seat). An `optional` link whose end is in no source read nor in the graph is dropped
    with a warning (a mission another source creates, not loaded yet); any other is a problem.
    """

    type: str
    start: tuple[str, str]
    end: tuple[str, str]
    locator: SourceLocator
    props: Mapping[str, Any] = field(default_factory=dict)
    key: str = ""
    optional: bool = False


@dataclass
class Dataset:
    """Validated records by kind, each kind a dict id -> record, in file order."""

    folder: Path
    kinds: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Ids of records that failed validation: still defined, so references to them are not reported twice.
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    # Kinds whose file could not be parsed: references into them cannot be checked.
    unreadable: set[str] = field(default_factory=set)
    # Kinds of a data folder whose file is not there (claims.yaml removed).
    missing: set[str] = field(default_factory=set)
    # kind -> the file its records come from, as problems name it (default `<kind>.yaml`).
    files: dict[str, str] = field(default_factory=dict)
    # relationships no record field holds (see Link), in the order the source gives them
    links: list[Link] = field(default_factory=list)

    def ids(self, kind: str) -> set[str]:
        return set(self.kinds.get(kind, {}))

    def file_of(self, kind: str) -> str:
        return self.files.get(kind, f"{kind}.yaml")


class DatasetInvalid(Exception):
    """The data could not be read or validated; `problems` lists every finding."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int, first_line: int) -> None:
        super().__init__(f"key {key!r} given twice")
        self.key, self.line, self.first_line = key, line, first_line


class _Loader(yaml.CSafeLoader):
    """YAML 1.2 booleans: only true/false. Under YAML 1.1 a key `on:` (as in `on: funding`) or a
    value `no` would silently become a boolean. A key given twice in one mapping is an error (YAML
    would keep the last one without a word)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKey(str(key), key_node.start_mark.line + 1, seen[key].start_mark.line + 1)
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


# Dates stay text, which the records check (records.check_partial_date: "does not exist", with
# record, field and line): YAML's own timestamps would raise on `1999-02-30` while parsing, a
# traceback with no record, and turn `2000-03-01` into a value the string fields refuse.
_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _record_lines(text: str) -> list[int]:
    """1-based line of each top-level list item: composed again only when reporting an error."""
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def _field_path(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


def _read_file(
    path: Path, text: str, model: type[records.Strict], problems: list[Problem], invalid_ids: set[str]
) -> dict[str, Any]:
    name = path.name
    try:
        raw = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except DuplicateKey as err:
        message = f"given twice in one record (first at line {err.first_line}); YAML would keep only the last"
        problems.append(Problem(name, None, err.key, message, err.line))
        return {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problems.append(Problem(name, None, None, f"not valid YAML: {err}", mark.line + 1 if mark else None))
        return {}
    if raw is None:
        return {}
    if not isinstance(raw, list):
        problems.append(Problem(name, None, None, "expected a list of records at the top level"))
        return {}
    lines: list[int] | None = None
    out: dict[str, Any] = {}
    for index, item in enumerate(raw):
        record_id = item.get("id") if isinstance(item, dict) else None
        try:
            record = model.model_validate(item)
        except ValidationError as err:
            lines = lines if lines is not None else _record_lines(text)
            line = lines[index] if index < len(lines) else None
            label = str(record_id) if record_id is not None else f"#{index + 1}"
            if isinstance(record_id, str):
                invalid_ids.add(record_id)
            for error in err.errors():
                problems.append(Problem(name, label, _field_path(error["loc"]), error["msg"], line))
            continue
        key = str(getattr(record, "id"))  # noqa: B009 - every kind has an id
        if key in out:
            lines = lines if lines is not None else _record_lines(text)
            problems.append(
                Problem(name, key, "id", "duplicate id in this file", lines[index] if index < len(lines) else None)
            )
            continue
        out[key] = record
    return out


def _values(record: BaseModel, dotted: str) -> Iterator[str]:
    value: Any = getattr(record, dotted, None)
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, Iterable):
        yield from (v for v in value if isinstance(v, str))


class _Union:
    """The records of every source read in a run, and ids defined outside them (loaded by other
    sources into the graph): what a reference may resolve to."""

    def __init__(
        self, datasets: Sequence[Dataset], known: Mapping[str, set[str]], held: Collection[str] | None = None
    ) -> None:
        self.unreadable = set().union(*(d.unreadable for d in datasets))
        # A kind whose file a data folder lacks and no other source of the run gives (claims.yaml
        # removed). Where the graph holds records of it from these sources (`held`; None: no graph
        # was asked, so it may), the plan refuses to empty it unless `--delete-kind` asks
        # (ingest.plan), which names the cause once, where every reference to one of its records
        # would otherwise be one more dangling-reference problem. Where it holds none, nothing
        # would refuse and the references would be written without an end: `lacking`, one problem
        # per referring field.
        given = {kind for d in datasets for kind in (*d.kinds, *d.unreadable)}
        absent = set().union(*(d.missing for d in datasets)) - given - set(known)
        self.absent = absent if held is None else absent & set(held)
        self.lacking = absent - self.absent
        self._ids: dict[str, set[str]] = {kind: set(ids) for kind, ids in known.items()}
        for dataset in datasets:
            for kind in {*dataset.kinds, *dataset.invalid_ids}:
                self._ids.setdefault(kind, set()).update(dataset.ids(kind), dataset.invalid_ids.get(kind, ()))
        self._unions: dict[tuple[str, ...], frozenset[str]] = {}

    def ids(self, *kinds: str) -> frozenset[str]:
        # Asked once per link end (150,000 on the public data): built once per set of kinds.
        found = self._unions.get(kinds)
        if found is None:
            found = self._unions[kinds] = frozenset().union(*(self._ids.get(kind, set()) for kind in kinds))
        return found


def _check_references(dataset: Dataset, union: _Union, problems: list[Problem]) -> None:
    for (kind, ref_field), targets in REFERENCES.items():
        if (union.unreadable | union.absent) & set(targets):
            continue
        if set(targets) <= union.lacking:
            refs = sum(1 for record in dataset.kinds.get(kind, {}).values() for _ in _values(record, ref_field))
            if refs:
                files = ", ".join(f"{target}.yaml" for target in targets)
                message = f"{refs} references to {'/'.join(targets)}, but {files} is missing and the graph holds none"
                problems.append(Problem(dataset.file_of(kind), None, ref_field, message))
            continue
        known = union.ids(*targets)
        for record_id, record in dataset.kinds.get(kind, {}).items():
            for value in _values(record, ref_field):
                if value not in known:
                    problems.append(
                        Problem(
                            dataset.file_of(kind),
                            record_id,
                            ref_field,
                            f"{value!r} is not an id in {'/'.join(targets)}",
                        )
                    )
    actors = union.ids("missions", "organisations")
    # An unreadable missions or organisations file is reported once; every actor it held would
    # otherwise come back as one dangling reference per assertion.
    actors_readable = not union.unreadable & {"missions", "organisations"}
    for record_id, claim in dataset.kinds.get("claims", {}).items():
        for index, assertion in enumerate(claim.asserts):
            for name, value in (("from", assertion.source_actor), ("to", assertion.to)):
                if actors_readable and value not in actors:
                    problems.append(
                        Problem(
                            dataset.file_of("claims"),
                            record_id,
                            f"asserts.{index}.{name}",
                            f"{value!r} is not a mission or organisation id",
                        )
                    )
        names_dependency = any(a.type == "DEPENDS_ON" for a in claim.asserts)
        if DEPENDENCY_CODES & set(claim.codes) and not names_dependency and claim.no_assertion is None:
            problems.append(
                Problem(
                    dataset.file_of("claims"),
                    record_id,
                    "asserts",
                    "coded as a dependency: assert a DEPENDS_ON or write no_assertion: 'none stated: ...'",
                )
            )
    _check_finding_questions(dataset, problems)
    if "sources" in union.unreadable:
        return
    sources = union.ids("sources")
    for kind, by_id in dataset.kinds.items():
        for record_id, record in by_id.items():
            for path, provenance in _provenances(record):
                if provenance.source not in sources:
                    problems.append(
                        Problem(
                            dataset.file_of(kind),
                            record_id,
                            path,
                            f"source {provenance.source!r} is not in sources.yaml",
                        )
                    )


def _check_finding_questions(dataset: Dataset, problems: list[Problem]) -> None:
    """A finding's `research_questions` name codes of kind research-question, not any code (the
    reference check only knows they are codes). Codes read by this source only: they are curated."""
    codes = dataset.kinds.get("codes", {})
    for record_id, finding in dataset.kinds.get("findings", {}).items():
        for value in finding.research_questions:
            code = codes.get(value)
            if code is not None and code.kind != "research-question":
                problems.append(
                    Problem(
                        dataset.file_of("findings"),
                        record_id,
                        "research_questions",
                        f"{value!r} is a {code.kind} code, not a research question",
                    )
                )


def unresolved_end(link: Link, union: _Union) -> str | None:
    """The (kind, id) end of `link` that no source read and no loaded record holds, as text."""
    for kind, node_id in (link.start, link.end):
        if kind not in union.unreadable and node_id not in union.ids(kind):
            return f"{kind} {node_id!r}"
    return None


def _check_links(dataset: Dataset, union: _Union, problems: list[Problem]) -> None:
    for link in dataset.links:
        missing = unresolved_end(link, union)
        if missing is not None:
            where = str(link.locator)
            problems.append(Problem(link.locator.file, None, None, f"{where}: {link.type} to {missing}, not an id"))


def drop_unresolved(datasets: Sequence[Dataset], known: Mapping[str, set[str]]) -> list[tuple[Link, str]]:
    """Remove the optional links whose end no source holds; return them with the end missing."""
    union = _Union(datasets, known)
    dropped: list[tuple[Link, str]] = []
    for dataset in datasets:
        kept = []
        for link in dataset.links:
            missing = unresolved_end(link, union) if link.optional else None
            if missing is None:
                kept.append(link)
            else:
                dropped.append((link, missing))
        dataset.links = kept
    return dropped


def _provenances(record: BaseModel, prefix: str = "") -> Iterator[tuple[str, records.Provenance]]:
    if isinstance(record, records.Provenance):
        yield (prefix + "source" if prefix else "source"), record
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, BaseModel) and not isinstance(item, records.Locator):
                suffix = f".{index}" if isinstance(value, list) else ""
                yield from _provenances(item, f"{prefix}{name}{suffix}.")


def _check_chains(dataset: Dataset, problems: list[Problem]) -> None:
    """Successor and mandate chains must be acyclic, or the evolution query never ends. `dataset`
    holds the records of every source read, so a chain through two sources is followed."""
    chains = (
        ("missions", "successor"),
        ("mandates", "previous"),
        ("units", "part_of"),
        ("codes", "broader"),
        ("tasks", "broader"),
        ("organisations", "parent"),
    )
    for kind, link in chains:
        by_id = dataset.kinds.get(kind, {})
        graph = {rid: list(_values(rec, link)) for rid, rec in by_id.items()}
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done

        def visit(
            node: str,
            path: list[str],
            kind: str = kind,
            link: str = link,
            graph: dict[str, list[str]] = graph,
            state: dict[str, int] = state,
        ) -> None:
            state[node] = 1
            for nxt in graph.get(node, []):
                if state.get(nxt) == 1:
                    cycle = [*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt]
                    problems.append(Problem(dataset.file_of(kind), node, link, "cycle: " + " -> ".join(cycle)))
                elif nxt in graph and state.get(nxt) is None:
                    visit(nxt, [*path, nxt])
            state[node] = 2

        for start in graph:
            if state.get(start) is None:
                visit(start, [start])


def _check_statements(dataset: Dataset, problems: list[Problem]) -> None:
    """Disputed fields name exactly one preferred statement, and the record holds that value."""
    for kind, by_id in dataset.kinds.items():
        for record_id, record in by_id.items():
            statements: list[records.Statement] = getattr(record, "statements", [])
            by_field: dict[str, list[records.Statement]] = {}
            for statement in statements:
                by_field.setdefault(statement.field, []).append(statement)
                if statement.field not in type(record).model_fields:
                    problems.append(
                        Problem(
                            dataset.file_of(kind),
                            record_id,
                            "statements",
                            f"statement about unknown field {statement.field!r}",
                        )
                    )
            for name, group in by_field.items():
                if len({repr(s.value) for s in group}) < 2:
                    continue
                preferred = [s for s in group if s.preferred]
                if len(preferred) != 1:
                    problems.append(
                        Problem(
                            dataset.file_of(kind),
                            record_id,
                            f"statements.{name}",
                            f"{len(group)} conflicting statements need exactly one preferred",
                        )
                    )
                    continue
                if preferred[0].reason is None:
                    problems.append(
                        Problem(
                            dataset.file_of(kind),
                            record_id,
                            f"statements.{name}",
                            "the preferred statement needs a reason",
                        )
                    )
                current = getattr(record, name, None)
                if str(current) != str(preferred[0].value):
                    problems.append(
                        Problem(
                            dataset.file_of(kind),
                            record_id,
                            name,
                            f"holds {current!r} but the preferred statement says {preferred[0].value!r}",
                        )
                    )


def read_folder(folder: Path, files: Mapping[str, bytes] | None = None) -> tuple[Dataset, list[Problem]]:
    """Parse the data files of one source and validate each record on its own; the cross-record
    checks are `check_union`'s. `files` holds file contents already read (by name), so a caller
    that hashes the files reads them once."""
    problems: list[Problem] = []
    if not folder.is_dir():
        return Dataset(folder), [Problem(str(folder), None, None, "data folder does not exist")]
    dataset = Dataset(folder)
    for kind, model in KINDS.items():
        path = folder / f"{kind}.yaml"
        content = files.get(path.name) if files is not None else None
        if content is None and not path.exists():
            dataset.missing.add(kind)
        else:
            before = len(problems)
            raw = content if content is not None else path.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                line = raw[: err.start].count(b"\n") + 1
                problems.append(Problem(path.name, None, None, f"not UTF-8: byte 0x{raw[err.start]:02x}", line))
                dataset.unreadable.add(kind)
                continue
            invalid = dataset.invalid_ids.setdefault(kind, set())
            dataset.kinds[kind] = _read_file(path, text, model, problems, invalid)
            if not dataset.kinds[kind] and len(problems) > before and problems[before].record is None:
                dataset.unreadable.add(kind)
    return dataset, problems


def check_union(
    datasets: Sequence[Dataset], known: Mapping[str, set[str]] | None = None, held: Collection[str] | None = None
) -> list[Problem]:
    """The cross-record checks over the records of every source read in a run. `known` gives ids by
    kind defined elsewhere (records other sources have loaded into the graph): references to them
    resolve too. `held`: the kinds the graph holds from these sources (None when no graph is asked)."""
    problems: list[Problem] = []
    union = _Union(datasets, known or {}, held)
    seen: dict[str, tuple[str, Dataset]] = {}
    for dataset in datasets:
        for kind, by_id in dataset.kinds.items():
            if kind == "sources":
                continue
            for record_id in by_id:
                if record_id in seen and seen[record_id][0] != kind and _shares_iri_space(kind, seen[record_id][0]):
                    other = seen[record_id][1].file_of(seen[record_id][0])
                    problems.append(Problem(dataset.file_of(kind), record_id, "id", f"id also used in {other}"))
                seen.setdefault(record_id, (kind, dataset))
    problems += _given_twice(datasets)
    for dataset in datasets:
        _check_references(dataset, union, problems)
        _check_links(dataset, union, problems)
    _check_chains(_merged(datasets), problems)
    for dataset in datasets:
        _check_statements(dataset, problems)
    return problems


def _given_twice(datasets: Sequence[Dataset]) -> list[Problem]:
    """One record, one source: two sources giving the same id of a kind would both write the node."""
    first: dict[tuple[str, str], Dataset] = {}
    problems = []
    for dataset in datasets:
        for kind, by_id in dataset.kinds.items():
            for record_id in by_id:
                owner = first.setdefault((kind, record_id), dataset)
                if owner is not dataset:
                    where = f"{owner.folder}/{owner.file_of(kind)}"
                    problems.append(Problem(dataset.file_of(kind), record_id, "id", f"id also given by {where}"))
    return problems


def _merged(datasets: Sequence[Dataset]) -> Dataset:
    if len(datasets) == 1:
        return datasets[0]
    merged = Dataset(datasets[0].folder)
    for dataset in datasets:
        for kind, by_id in dataset.kinds.items():
            merged.kinds.setdefault(kind, {}).update(by_id)
    return merged


def load_dataset(folder: Path) -> Dataset:
    """Parse and validate every data file in `folder` as one source; raise DatasetInvalid listing all problems."""
    dataset, problems = read_folder(folder)
    problems += check_union([dataset])
    if problems:
        raise DatasetInvalid(problems)
    return dataset


# Missions and organisations are both "actors" (a shared label): one id must name one actor across the two.
_ACTOR_KINDS = set(registry.actor_kinds())


def _shares_iri_space(kind_a: str, kind_b: str) -> bool:
    return kind_a in _ACTOR_KINDS and kind_b in _ACTOR_KINDS
