"""Neo4j rows → RDF quads: the one place where the property graph meets the vocabularies.

A node row is `{labels, props, out}` with `out` its outgoing relationships
`{type, props, other, other_labels}` (`other` holds the far node's `id`, `number` and display
fields). Every node becomes `{base}{type}/{id}` typed with its `pk:` class and the standard class
it maps to, with `rdfs:label`, `dct:identifier`, its properties, and its provenance: the
flattened `source`/`section`/`line`/`page`/`file`/`row`/`key`/`quote` become
`prov:hadPrimarySource <source>` plus a qualified `prov:PrimarySource` (also a `pk:Locator`) at
`<iri>#provenance` holding the locator. Plain relationships become direct triples; the evidenced
actor relations (DEPENDS_ON, …) become a `pk:ActorRelation` resource each, so `kind`, `on`,
`weight`, `evidence` (claims) and `interviews` all survive, plus the direct triple. A plain
relationship's provenance is the provenance of the record whose field states it, already on that
record; a mandate's task list has its own (`pk:tasksSource`).
The named graph of a quad is the source that states it (`{base}graph/<source>`), or None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from schema import registry
from service.rdf import terms as t
from service.rdf.iris import EVIDENCED, Iris, RelationKey, primary_label
from service.rdf.terms import Iri, Lit, Quad, Term
from service.rdf.vocab import DCT, PROV, RDF, RDFS, SKOS, Terms

Row = dict[str, Any]
Convert = Callable[[Any], Term]

A = Iri(RDF + "type")
LABEL = Iri(RDFS + "label")
SEE_ALSO = Iri(RDFS + "seeAlso")
IDENTIFIER = Iri(DCT + "identifier")
PRIMARY_SOURCE = Iri(PROV + "hadPrimarySource")
QUALIFIED_PRIMARY_SOURCE = Iri(PROV + "qualifiedPrimarySource")
DERIVED_FROM = Iri(PROV + "wasDerivedFrom")
PROV_ENTITY = Iri(PROV + "entity")
PROV_PRIMARY_SOURCE_CLASS = Iri(PROV + "PrimarySource")
SKOS_CONCEPT_SCHEME = Iri(SKOS + "ConceptScheme")
SKOS_IN_SCHEME = Iri(SKOS + "inScheme")
SKOS_TOP_CONCEPT_OF = Iri(SKOS + "topConceptOf")
SKOS_HAS_TOP_CONCEPT = Iri(SKOS + "hasTopConcept")
SKOS_PREF_LABEL = Iri(SKOS + "prefLabel")

PROVENANCE_KEYS = ("source", "section", "line", "paragraph", "page", "file", "row", "key", "column", "quote")
# Written by the ingest for its own bookkeeping, or redundant with a relationship (`of`).
SKIPPED_KEYS = frozenset({"digest", "load", "of", "tasks_source"})
# concept label -> (scheme name, title)
SCHEME_LABELS = {kind.label: (kind.scheme.name, kind.scheme.title) for kind in registry.schemes() if kind.scheme}


def _iri(value: Any) -> Term:
    return t.safe_iri(str(value))


def _str(value: Any) -> Term:
    return t.plain(str(value))


def _en(value: Any) -> Term:
    return t.english(str(value))


def _int(value: Any) -> Term:
    return t.integer(int(value))


def _dec(value: Any) -> Term:
    return t.decimal(float(value))


def _bool(value: Any) -> Term:
    return t.boolean(bool(value))


def _date(value: Any) -> Term:
    return t.partial_date(str(value))


def _year(value: Any) -> Term:
    return t.year(int(value))


def _scalar(value: Any) -> Term:
    return t.scalar(value)


# A datatype name of schema.registry -> its converter.
CONVERTERS: dict[str, Convert] = {
    "str": _str,
    "en": _en,
    "int": _int,
    "decimal": _dec,
    "bool": _bool,
    "date": _date,
    "year": _year,
    "iri": _iri,
    "scalar": _scalar,
}


def _table(props: Mapping[str, registry.Prop]) -> dict[str, tuple[str, Convert]]:
    return {name: (prop.predicate, CONVERTERS[prop.datatype]) for name, prop in props.items()}


# label -> (pk class, standard classes also asserted)
CLASSES: dict[str, tuple[str, tuple[str, ...]]] = {
    kind.label: (kind.rdf_class, kind.standard_classes) for kind in registry.NODE_KINDS
}
RELATION_CLASSES: dict[str, str] = {r.type: r.rdf_class for r in registry.EVIDENCED_RELATIONS}
RELATION_PROPERTIES: dict[str, str] = {r.type: r.rdf_property for r in registry.EVIDENCED_RELATIONS}

# Properties of every record; `pk:x` strings are project terms, the rest full IRIs.
COMMON: dict[str, tuple[str, Convert]] = _table(registry.COMMON_PROPERTIES)
PROPERTIES: dict[str, dict[str, tuple[str, Convert]]] = {
    kind.label: _table(kind.properties) for kind in registry.NODE_KINDS
}
LOCATOR: dict[str, tuple[str, Convert]] = {
    "section": ("pk:section", _str),
    "line": ("pk:line", _int),
    "paragraph": ("pk:paragraph", _int),
    "page": ("pk:page", _int),
    "file": ("pk:file", _str),
    "row": ("pk:row", _int),
    "key": ("pk:key", _str),
    "column": ("pk:column", _str),
    "quote": ("pk:quote", _str),
}

# (type, from label, to label) -> predicate; None for from/to = any label. First match wins.
EDGES: list[tuple[str, str | None, str | None, str]] = [
    edge
    for r in registry.RELATION_TYPES
    if r.predicate is not None and not r.inverted
    for edge in [*((r.type, a, b, p) for a, b, p in r.by_ends), (r.type, None, None, r.predicate)]
]
# A relationship whose subject and object are swapped in RDF, to use the standard term.
INVERTED_EDGES: dict[str, str] = {r.type: r.predicate for r in registry.RELATION_TYPES if r.inverted and r.predicate}
# (type, the record field that stated it) -> its own property (a claim's research_question).
FIELD_EDGES: dict[tuple[str, str], str] = {
    (r.type, name): predicate for r in registry.RELATION_TYPES for name, predicate in r.by_field.items()
}
SKIPPED_EDGES = frozenset(r.type for r in registry.RELATION_TYPES if r.predicate is None)
# Relationships whose properties are facts: a qualified resource each (registry.Qualified).
QUALIFIED: dict[str, registry.Qualified] = {r.type: r.qualified for r in registry.RELATION_TYPES if r.qualified}
QUALIFIED_PROPERTIES: dict[str, dict[str, tuple[str, Convert]]] = {
    rel: _table(q.properties) for rel, q in QUALIFIED.items()
}
# Relationships that are not one direct triple from the node to the far node.
SPECIAL_EDGES = SKIPPED_EDGES | EVIDENCED.keys() | INVERTED_EDGES.keys() | QUALIFIED.keys()


def display_label(label: str, props: dict[str, Any]) -> str:
    """A human label for every resource, also for records without a name (interviews, claims, …)."""
    node_id = str(props.get("id", ""))
    if label == "Resolution" and props.get("number") is not None:
        year = props.get("year")
        return f"S/RES/{props['number']}" + (f" ({year})" if year else "")
    if label == "Interview":
        return f"Interview {node_id.upper()}"
    if label == "Claim":
        return f"Claim {node_id}"
    if label == "Mandate":
        return f"Mandate {node_id}"
    if label == "Figure" and "measure" in props:
        value = props.get("value")
        text = f"{props['measure']} {value:g}" if isinstance(value, int | float) else str(props["measure"])
        return text + (f" ({props['refers_to']})" if props.get("refers_to") else "")
    if label == "Statement" and "field" in props:
        return f"{props['field']} = {props.get('value')}"
    for name in ("name", "pref_label", "title", "citation"):
        if props.get(name):
            return str(props[name])
    return node_id


class Mapper:
    """Builds quads for one base IRI. Pure: no I/O, so the export, the descriptions and the
    benchmark all share it."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.iris = Iris(base)
        self.pk = Terms(base)
        self._predicates: dict[str, Iri] = {}
        self.a = A
        # Resolved once here rather than per triple: the export calls the mapping ~2 million times.
        self._classes = {
            label: [self.pk(pk_class), *map(self.term, standard)] for label, (pk_class, standard) in CLASSES.items()
        }
        self._properties = {label: self._property_table(label) for label in CLASSES}
        self._locator = [(key, self.term(predicate), convert) for key, (predicate, convert) in LOCATOR.items()]
        self._locator_class = self.pk("Locator")
        self._edges: dict[str, list[tuple[str | None, str | None, Iri]]] = {}
        for edge_type, from_match, to_match, predicate in EDGES:
            self._edges.setdefault(edge_type, []).append((from_match, to_match, self.term(predicate)))

    def _property_table(self, label: str) -> dict[str, tuple[Iri, Convert]]:
        """A label's property → (predicate, converter); the label's own table wins over COMMON, and
        properties mapped to rdfs:label are left out (written as the display label)."""
        table: dict[str, tuple[Iri, Convert]] = {}
        for key, (name, convert) in {**COMMON, **PROPERTIES[label]}.items():
            predicate = self.term(name)
            if predicate != LABEL:
                table[key] = (predicate, convert)
        return table

    def term(self, name: str) -> Iri:
        """`pk:x` → the project IRI, anything else as is (memoised: it runs per triple)."""
        iri = self._predicates.get(name)
        if iri is None:
            iri = self.pk(name[3:]) if name.startswith("pk:") else Iri(name)
            self._predicates[name] = iri
        return iri

    # -- schemes -------------------------------------------------------------------------------

    def scheme_quads(self) -> Iterator[Quad]:
        for label, (name, title) in SCHEME_LABELS.items():
            scheme = self.iris.scheme(name)
            yield scheme, A, SKOS_CONCEPT_SCHEME, None
            yield scheme, A, self.pk("ConceptScheme"), None
            yield scheme, LABEL, t.plain(title), None
            yield scheme, SKOS_PREF_LABEL, t.english(title), None
            yield scheme, IDENTIFIER, t.plain(name), None
            yield scheme, self.term("pk:schemeOf"), self.pk(CLASSES[label][0]), None
        for source_scheme in registry.TASK_SOURCE_SCHEMES:
            scheme = self.iris.scheme(source_scheme.name)
            yield scheme, A, SKOS_CONCEPT_SCHEME, None
            yield scheme, A, self.pk("ConceptScheme"), None
            yield scheme, LABEL, t.plain(source_scheme.title), None
            yield scheme, SKOS_PREF_LABEL, t.english(source_scheme.title), None
            yield scheme, IDENTIFIER, t.plain(source_scheme.name), None

    # -- nodes ---------------------------------------------------------------------------------

    def node_iri(self, labels: list[str], props: dict[str, Any]) -> Iri:
        return self.iris.of(labels, str(props["id"]), props.get("number"))

    def graph_of(self, props: dict[str, Any]) -> Iri | None:
        source = props.get("source")
        return self.iris.graph(str(source)) if source else None

    def type_quads(self, subject: Iri, label: str, props: dict[str, Any], graph: Iri | None) -> Iterator[Quad]:
        for cls in self._classes[label]:
            yield subject, A, cls, graph
        yield subject, LABEL, t.plain(display_label(label, props)), graph

    def node_quads(self, row: Row) -> Iterator[Quad]:
        """Everything a node states: type, label, properties, provenance, outgoing relationships."""
        labels: list[str] = row["labels"]
        label = primary_label(labels)
        if label is None:
            return
        props: dict[str, Any] = row["props"]
        subject = self.node_iri(labels, props)
        graph = self.graph_of(props)
        yield from self.type_quads(subject, label, props, graph)
        table = self._properties[label]
        for key, value in props.items():
            mapped = table.get(key)
            if mapped is None or value is None:
                continue  # provenance keys below; bookkeeping keys and the display label skipped
            predicate, convert = mapped
            if isinstance(value, list):
                for item in value:
                    yield subject, predicate, convert(item), graph
            else:
                yield subject, predicate, convert(value), graph
        if label == "Source":
            yield from self._cited_in(subject, props)
        else:
            yield from self.provenance_quads(subject, props, "provenance", graph)
        if label == "Mandate" and not props.get("coding"):
            # A public mandate's INCLUDES locate each task at its own cell, not one passage.
            yield from self._tasks_source(subject, row.get("out", []), graph)
        if label in SCHEME_LABELS:
            yield from self._concept_quads(subject, label, row.get("out", []), graph, props.get("scheme"))
        yield from self.out_quads(subject, label, props, row.get("out", []))

    def provenance_quads(
        self,
        subject: Iri,
        props: dict[str, Any],
        fragment: str,
        graph: Iri | None,
        prefix: str = "",
        link: Iri | None = None,
    ) -> Iterator[Quad]:
        """`prov:hadPrimarySource` + a qualified `prov:PrimarySource` locator at `<subject>#<fragment>`.

        With `link`, the locator is attached by that property instead, and the subject's own
        primary source is left alone (a mandate's `tasks_source`, a literature source's citation).
        """
        source = props.get(prefix + "source")
        if not source:
            return
        source_iri = self.iris.node("Source", str(source))
        locator = self.iris.sub(subject, fragment)
        if link is None:
            yield subject, PRIMARY_SOURCE, source_iri, graph
            yield subject, QUALIFIED_PRIMARY_SOURCE, locator, graph
        else:
            yield subject, link, locator, graph
        yield locator, A, PROV_PRIMARY_SOURCE_CLASS, graph
        yield locator, A, self._locator_class, graph
        yield locator, PROV_ENTITY, source_iri, graph
        for key, predicate, convert in self._locator:
            value = props.get(prefix + key if prefix else key)
            if value is not None:
                yield locator, predicate, convert(value), graph

    def _cited_in(self, subject: Iri, props: dict[str, Any]) -> Iterator[Quad]:
        """Where the thesis cites a literature source: `pk:citedIn` a locator in the citing source."""
        yield from self.provenance_quads(subject, props, "cited-in", None, "cited_in_", self.pk("citedIn"))

    def _tasks_source(self, subject: Iri, out: list[Row], graph: Iri | None) -> Iterator[Quad]:
        """A mandate's task list cites its own passage (`tasks_source`), carried by its INCLUDES edges.

        (The node's `tasks_source` property is not read: the ingest stores it as a Python repr.)
        """
        for edge in out:
            if edge["type"] == "INCLUDES" and edge["props"].get("source"):
                # A relationship's `key` is the ingest's MERGE key, not a locator key.
                provenance = {k: v for k, v in edge["props"].items() if k != "key"}
                link = self.pk("tasksSource")
                yield from self.provenance_quads(subject, provenance, "tasks-source", graph, link=link)
                return

    def _concept_quads(
        self, subject: Iri, label: str, out: list[Row], graph: Iri | None, own: str | None = None
    ) -> Iterator[Quad]:
        # A public source's task concept sits in the source's own scheme (`scheme`: pema, tamm).
        scheme = self.iris.scheme(own or SCHEME_LABELS[label][0])
        yield subject, SKOS_IN_SCHEME, scheme, graph
        if not any(edge["type"] == "BROADER" for edge in out):
            yield subject, SKOS_TOP_CONCEPT_OF, scheme, graph
            yield scheme, SKOS_HAS_TOP_CONCEPT, subject, graph

    # -- relationships -------------------------------------------------------------------------

    def predicate(self, rel: str, from_label: str, to_label: str, props: dict[str, Any]) -> Iri | None:
        by_field = FIELD_EDGES.get((rel, props.get("field") or ""))
        if by_field is not None:
            return self.term(by_field)
        for from_match, to_match, predicate in self._edges.get(rel, ()):
            if (from_match is None or from_match == from_label) and (to_match is None or to_match == to_label):
                return predicate
        return None

    def out_quads(self, subject: Iri, label: str, props: dict[str, Any], out: list[Row]) -> Iterator[Quad]:
        # Two dependencies of different kinds between the same actors share one direct triple.
        direct: set[tuple[Iri, Term]] = set()
        node_graph = self.graph_of(props)
        for edge in out:
            rel: str = edge["type"]
            if rel not in SPECIAL_EDGES:
                # A plain relationship, most of them: edge_quads inlined (one direct triple).
                other_label = primary_label(edge["other_labels"])
                if other_label is None:
                    continue
                edge_props: dict[str, Any] = edge["props"]
                predicate = self.predicate(rel, label, other_label, edge_props)
                if predicate is None:
                    continue
                other = self.iris.node(other_label, str(edge["other"]["id"]), edge["other"].get("number"))
                if (predicate, other) in direct:
                    continue
                direct.add((predicate, other))
                yield subject, predicate, other, self.graph_of(edge_props) or node_graph
                continue
            for quad in self.edge_quads(subject, label, props, edge):
                if quad[0] == subject:
                    if (quad[1], quad[2]) in direct:
                        continue
                    direct.add((quad[1], quad[2]))
                yield quad

    def edge_quads(self, subject: Iri, label: str, props: dict[str, Any], edge: Row) -> Iterator[Quad]:
        """The triples of one relationship from the node (`subject`, `label`, `props`) to `edge["other"]`."""
        rel: str = edge["type"]
        other_label = primary_label(edge["other_labels"])
        if rel in SKIPPED_EDGES or other_label is None:
            return
        other = self.iris.node(other_label, str(edge["other"]["id"]), edge["other"].get("number"))
        edge_props: dict[str, Any] = edge["props"]
        graph = self.graph_of(edge_props) or self.graph_of(props)
        if rel in EVIDENCED:
            yield from self.relation_quads(subject, rel, other, edge_props, str(props["id"]), str(edge["other"]["id"]))
            return
        if rel in INVERTED_EDGES:
            yield other, self.term(INVERTED_EDGES[rel]), subject, graph
            return
        predicate = self.predicate(rel, label, other_label, edge_props)
        if predicate is None:
            return
        yield subject, predicate, other, graph
        if rel in QUALIFIED:
            yield from self.qualified_quads(subject, rel, other, edge_props, str(props["id"]), str(edge["other"]["id"]))

    def qualified_quads(
        self, subject: Iri, rel: str, other: Iri, props: dict[str, Any], source_id: str, target_id: str
    ) -> Iterator[Quad]:
        """The resource that keeps a relationship's own facts (a seat's year, a month's count) and its locator."""
        qualified = QUALIFIED[rel]
        slug = self.iris.qualified_slug(source_id, qualified.slug, target_id, str(props.get("key") or ""))
        resource = Iri(f"{self.base}relation/{slug}")
        graph = self.graph_of(props)
        yield resource, A, self.pk(qualified.rdf_class), graph
        yield resource, A, Iri(PROV + "Entity"), graph
        yield resource, LABEL, t.plain(f"{source_id} {rel} {target_id} ({props.get('key') or ''})"), graph
        yield resource, IDENTIFIER, t.plain(slug), graph
        yield resource, self.pk("relationSubject"), subject, graph
        yield resource, self.pk("relationObject"), other, graph
        for key, (name, convert) in QUALIFIED_PROPERTIES[rel].items():
            if props.get(key) is not None:
                yield resource, self.term(name), convert(props[key]), graph
        # A relationship's `key` is the ingest's MERGE key, and its own properties (a PEMA task's
        # paragraphs, "1, 7") are the resource's: neither is a locator key.
        own = QUALIFIED_PROPERTIES[rel]
        locator = {k: v for k, v in props.items() if k != "key" and k not in own}
        yield from self.provenance_quads(resource, locator, "provenance", graph)

    def relation_key(self, source_id: str, rel: str, target_id: str, props: dict[str, Any]) -> RelationKey:
        return RelationKey(source_id, rel, str(props.get("kind") or ""), str(props.get("on") or ""), target_id)

    def relation_quads(
        self, subject: Iri, rel: str, other: Iri, props: dict[str, Any], source_id: str, target_id: str
    ) -> Iterator[Quad]:
        """The direct triple, and the qualified relation resource that keeps every property."""
        key = self.relation_key(source_id, rel, target_id, props)
        relation = self.iris.relation(key)
        graph = self.graph_of(props)
        yield subject, self.pk(RELATION_PROPERTIES[rel]), other, graph
        yield relation, A, self.pk(RELATION_CLASSES[rel]), graph
        yield relation, A, self.pk("ActorRelation"), graph
        yield relation, A, Iri(PROV + "Entity"), graph
        text = f"{source_id} {rel} {target_id}" + (f" ({key.kind}: {key.on})" if key.kind else "")
        yield relation, LABEL, t.plain(text), graph
        yield relation, IDENTIFIER, t.plain(key.slug), graph
        yield relation, self.pk("relationFrom"), subject, graph
        yield relation, self.pk("relationTo"), other, graph
        if key.kind:
            yield relation, self.pk("dependencyKind"), t.plain(key.kind), graph
        if key.on:
            yield relation, self.pk("dependencyOn"), t.plain(key.on), graph
        if props.get("weight") is not None:
            yield relation, self.pk("weight"), t.integer(int(props["weight"])), graph
        if props.get("claims") is not None:
            yield relation, self.pk("claimCount"), t.integer(int(props["claims"])), graph
        for claim in props.get("evidence") or []:
            yield relation, DERIVED_FROM, self.iris.node("Claim", str(claim)), graph
        for interview in props.get("interviews") or []:
            yield relation, self.pk("interview"), self.iris.node("Interview", str(interview)), graph
        for source in props.get("literature") or []:
            yield relation, self.pk("literature"), self.iris.node("Source", str(source)), graph
        if props.get("source"):
            yield relation, PRIMARY_SOURCE, self.iris.node("Source", str(props["source"])), graph


def literal_python(term: Lit) -> object:
    """A JSON value for a literal (for the plain-JSON view of a resource)."""
    if term.datatype == t.XSD_INTEGER:
        return int(term.value)
    if term.datatype == t.XSD_DECIMAL:
        return float(term.value)
    if term.datatype == t.XSD_BOOLEAN:
        return term.value == "true"
    return term.value
