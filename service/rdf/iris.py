"""IRIs `{base}{type}/{id}` for graph nodes, evidenced relations, concept schemes and named graphs.

A resolution's IRI carries its number (`{base}resolution/1244`), as the Security Council numbers
them; every other node's carries its `id` slug. Slugs never contain `--`, so an evidenced
relation's id `<from>--<type>--[<kind>--<on>--]<to>` can be read back unambiguously.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schema import registry
from service.rdf.terms import Iri

# Neo4j label -> IRI type segment. The order is the priority when a node has several labels.
TYPES: dict[str, str] = {kind.label: kind.iri_segment for kind in registry.NODE_KINDS}
LABELS: dict[str, str] = {segment: label for label, segment in TYPES.items()}
# The actor relations claims assert; each is exported as a qualified relation resource.
EVIDENCED: dict[str, str] = {relation.type: relation.slug for relation in registry.EVIDENCED_RELATIONS}
EVIDENCED_BY_SLUG = {slug: rel for rel, slug in EVIDENCED.items()}
# Relationships whose properties are facts (registry.Qualified): their resources' slug -> the type.
QUALIFIED_BY_SLUG: dict[str, str] = {
    relation.qualified.slug: relation.type for relation in registry.RELATION_TYPES if relation.qualified
}
# Concept scheme name -> the label of its concepts.
SCHEMES: dict[str, str] = {kind.scheme.name: kind.label for kind in registry.NODE_KINDS if kind.scheme}
# The label whose IRIs carry another property than the id (a resolution's number).
IRI_KEYS: dict[str, str] = {kind.label: kind.iri_key for kind in registry.NODE_KINDS if kind.iri_key != "id"}

_SLUG = re.compile(registry.ID_PATTERN)


def primary_label(labels: list[str]) -> str | None:
    """The label that names a node's IRI type (Mission for a node labelled Mission and Actor)."""
    if len(labels) == 1:  # most nodes: no priority to settle (this runs per node and per edge)
        return labels[0] if labels[0] in TYPES else None
    for label in TYPES:
        if label in labels:
            return label
    return None


@dataclass(frozen=True)
class RelationKey:
    """What identifies one evidenced relationship: (from, type, kind, on, to), as the ingest groups them."""

    source: str
    type: str
    kind: str
    on: str
    target: str

    @property
    def key(self) -> str:
        """The relationship's `key` property in Neo4j."""
        return f"{self.kind}:{self.on}" if self.kind else ""

    @property
    def slug(self) -> str:
        parts = [self.source, EVIDENCED[self.type]]
        if self.kind:
            parts += [self.kind, self.on]
        return "--".join([*parts, self.target])


def parse_relation(slug: str) -> RelationKey | None:
    parts = slug.split("--")
    if len(parts) not in (3, 5) or not all(_SLUG.match(p) for p in parts):
        return None
    rel = EVIDENCED_BY_SLUG.get(parts[1])
    if rel is None:
        return None
    if len(parts) == 3:
        return RelationKey(parts[0], rel, "", "", parts[2])
    return RelationKey(parts[0], rel, parts[2], parts[3], parts[4])


@dataclass(frozen=True)
class QualifiedKey:
    """What a qualified resource's id `<from>--<slug>--<to>[--<key>]` names: the relationship from
    `source` to `target` of `type` whose key, as a slug (Iris.qualified_slug), is `key_slug`."""

    source: str
    type: str
    target: str
    key_slug: str


def parse_qualified(slug: str) -> QualifiedKey | None:
    parts = slug.split("--")
    if len(parts) not in (3, 4) or not all(_SLUG.match(p) for p in parts):
        return None
    rel = QUALIFIED_BY_SLUG.get(parts[1])
    if rel is None:
        return None
    return QualifiedKey(parts[0], rel, parts[2], parts[3] if len(parts) == 4 else "")


class Iris:
    def __init__(self, base: str) -> None:
        self.base = base

    def node(self, label: str, node_id: str, number: int | None = None) -> Iri:
        key = str(number) if number is not None and IRI_KEYS.get(label) == "number" else node_id
        return Iri(f"{self.base}{TYPES[label]}/{key}")

    def of(self, labels: list[str], node_id: str, number: int | None = None) -> Iri:
        label = primary_label(labels)
        if label is None:
            raise ValueError(f"node {node_id!r} has no exported label ({labels})")
        return self.node(label, node_id, number)

    def relation(self, key: RelationKey) -> Iri:
        return Iri(f"{self.base}relation/{key.slug}")

    @staticmethod
    def qualified_slug(source_id: str, slug: str, target_id: str, key: str) -> str:
        """`<from>--<slug>--<to>--<key>`: the relationship's key (`2012-06:troops`) as a slug."""
        key_slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
        return "--".join(p for p in (source_id, slug, target_id, key_slug) if p)

    def scheme(self, name: str) -> Iri:
        return Iri(f"{self.base}scheme/{name}")

    def graph(self, source_id: str) -> Iri:
        return Iri(f"{self.base}graph/{source_id}")

    def sub(self, iri: str, fragment: str) -> Iri:
        return Iri(f"{iri}#{fragment}")
