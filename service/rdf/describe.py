"""One resource's description (its concise bounded description, with labels of what it links to)
and its HTML (service/templates/resource.html), JSON and RDF views.

The description of a node is: its own triples and its sub-resources (the `#provenance` locator),
its figures and statements, every relationship in or out of it (an evidenced relation with its
qualified relation resource), and `rdf:type` + `rdfs:label` of every resource at the far end, so a
reader sees names rather than bare IRIs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from schema import registry
from service.errors import NotFound
from service.explore_paths import page_href
from service.graph_reader import GraphReader
from service.html import HtmlPage
from service.rdf.export import RdfFormat, serialise
from service.rdf.iris import (
    IRI_KEYS,
    LABELS,
    SCHEMES,
    Iris,
    QualifiedKey,
    parse_qualified,
    parse_relation,
    primary_label,
)
from service.rdf.mapping import (
    LABEL,
    QUALIFIED,
    SCHEME_LABELS,
    SKOS_HAS_TOP_CONCEPT,
    Mapper,
    display_label,
    literal_python,
)
from service.rdf.terms import Iri, Lit, Quad, Term
from service.rdf.vocab import RDF, curie

TYPE = RDF + "type"


@dataclass(frozen=True)
class Description:
    """What is known of one resource; it offers the HTML, JSON and RDF views of service.formats."""

    subject: Iri
    type: str
    id: str
    label: str
    quads: list[Quad]

    def json_view(self, base: str) -> dict[str, Any]:
        return as_json(self, base)

    def html_view(self, base: str) -> HtmlPage:
        return html_page(self, base)

    def rdf(self, fmt: RdfFormat, base: str) -> bytes:
        return serialise(self.quads, fmt, base)


def _unique(quads: Iterable[Quad]) -> list[Quad]:
    seen: set[tuple[Iri, Iri, Term]] = set()
    result = []
    for quad in quads:
        triple = (quad[0], quad[1], quad[2])
        if triple not in seen:
            seen.add(triple)
            result.append(quad)
    return result


def _linked(mapper: Mapper, edge: dict[str, Any]) -> list[Quad]:
    label = primary_label(edge["other_labels"])
    if label is None:
        return []
    other = edge["other"]
    iri = mapper.iris.node(label, str(other["id"]), other.get("number"))
    return list(mapper.type_quads(iri, label, other, None))


async def describe_node(graph: GraphReader, mapper: Mapper, type_segment: str, key: str) -> Description:
    label = LABELS.get(type_segment)
    if label is None:
        raise NotFound(f"there is no resource type {type_segment!r}")
    number: int | None = None
    if IRI_KEYS.get(label) == "number":
        if not key.isdigit():
            raise NotFound(f"a resolution IRI ends with its number, e.g. /resolution/1244, not {key!r}")
        number = int(key)
    rows = await graph.read("rdf/describe", label=label, id=key, number=number)
    if not rows:
        raise NotFound(f"no {type_segment} {key!r}")
    row = rows[0]
    props: dict[str, Any] = row["props"]
    subject = mapper.node_iri(row["labels"], props)
    quads = list(mapper.node_quads(row))
    for owned in row["owned"]:
        quads += mapper.node_quads(owned)
    for edge in row["incoming"]:
        other_label = primary_label(edge["other_labels"])
        if other_label is None:
            continue
        other_iri = mapper.iris.node(other_label, str(edge["other"]["id"]), edge["other"].get("number"))
        reverse = {"type": edge["type"], "props": edge["props"], "other": props, "other_labels": row["labels"]}
        quads += mapper.edge_quads(other_iri, other_label, edge["other"], reverse)
    for edge in [*row["out"], *row["incoming"]]:
        quads += _linked(mapper, edge)
    quads = _qualified_linked(mapper, quads)
    return Description(subject, type_segment, key, display_label(label, props), _unique(quads))


def _qualified_linked(mapper: Mapper, quads: list[Quad]) -> list[Quad]:
    """A node's description links to its qualified resources (a state's seats, its thousands of
    monthly contributions) with their type, name and ends; their facts and locators are at their own
    IRIs (describe_qualified), so a big contributor's description stays a description of it."""
    classes = {mapper.pk(q.rdf_class) for q in QUALIFIED.values()}
    qualified = {q[0] for q in quads if q[1] == TYPE and q[2] in classes}
    if not qualified:
        return quads
    linking = {TYPE, LABEL, mapper.pk("relationSubject"), mapper.pk("relationObject")}

    def kept(quad: Quad) -> bool:
        if quad[0] in qualified:
            return quad[1] in linking
        return quad[0].partition("#")[0] not in qualified  # a qualified resource's locator

    return [quad for quad in quads if kept(quad)]


async def describe_relation(graph: GraphReader, mapper: Mapper, slug: str) -> Description:
    """An evidenced actor relation, or a qualified relationship's resource (a Council seat, a
    contribution, a deployment): both are `{base}relation/<slug>`."""
    key = parse_relation(slug)
    if key is None:
        qualified = parse_qualified(slug)
        if qualified is None:
            raise NotFound(
                f"{slug!r} is not a relation id (<from>--<type>--[<kind>--<on>--]<to>, "
                "or <from>--<held-seat|contributes|deployed-with>--<to>--<key>)"
            )
        return await describe_qualified(graph, mapper, qualified, slug)
    rows = await graph.read("rdf/relation", type=key.type, key=key.key, to=key.target, **{"from": key.source})
    if not rows:
        raise NotFound(f"no relation {slug!r}")
    row = rows[0]
    subject_label = primary_label(row["from_labels"])
    assert subject_label is not None
    subject = mapper.iris.node(subject_label, key.source)
    edge = {"type": key.type, "props": row["props"], "other": row["to_node"], "other_labels": row["to_labels"]}
    quads = list(mapper.edge_quads(subject, subject_label, row["from_node"], edge))
    quads += mapper.type_quads(subject, subject_label, row["from_node"], None)
    quads += _linked(mapper, edge)
    iri = mapper.iris.relation(key)
    return Description(iri, "relation", slug, display_label("", {"id": slug}), _unique(quads))


async def describe_qualified(graph: GraphReader, mapper: Mapper, key: QualifiedKey, slug: str) -> Description:
    """A qualified relationship's resource: its facts and row locator, the direct triple, both ends."""
    rows = await graph.read("rdf/qualified", type=key.type, to=key.target, **{"from": key.source})
    edges = rows[0]["edges"] if rows else []
    slug_of = QUALIFIED[key.type].slug
    found = [e for e in edges if Iris.qualified_slug(key.source, slug_of, key.target, str(e.get("key") or "")) == slug]
    if not found:
        raise NotFound(f"no relation {slug!r}")
    row = rows[0]
    subject_label = primary_label(row["from_labels"])
    if subject_label is None:
        raise NotFound(f"no relation {slug!r}")
    subject = mapper.iris.node(subject_label, key.source, row["from_node"].get("number"))
    edge = {"type": key.type, "props": found[0], "other": row["to_node"], "other_labels": row["to_labels"]}
    quads = list(mapper.edge_quads(subject, subject_label, row["from_node"], edge))
    quads += mapper.type_quads(subject, subject_label, row["from_node"], None)
    quads += _linked(mapper, edge)
    iri = Iri(f"{mapper.base}relation/{slug}")
    return Description(iri, "relation", slug, display_label("", {"id": slug}), _unique(quads))


async def describe_scheme(graph: GraphReader, mapper: Mapper, name: str) -> Description:
    label = SCHEMES.get(name)
    source_schemes = {scheme.name: scheme.title for scheme in registry.TASK_SOURCE_SCHEMES}
    if label is None and name not in source_schemes:
        raise NotFound(f"no concept scheme {name!r} (there are: {', '.join([*SCHEMES, *source_schemes])})")
    scheme = mapper.iris.scheme(name)
    quads = [q for q in mapper.scheme_quads() if q[0] == scheme]
    if label is None:  # a public source's own task coding: its Task nodes with `scheme` = name
        for row in await graph.read("rdf/source_scheme_top", scheme=name):
            concept = mapper.iris.node("Task", row["id"])
            quads.append((scheme, SKOS_HAS_TOP_CONCEPT, concept, None))
            quads += mapper.type_quads(concept, "Task", row, None)
        return Description(scheme, "scheme", name, source_schemes[name], _unique(quads))
    for row in await graph.read("rdf/scheme_top", label=label):
        concept = mapper.iris.node(label, row["id"])
        quads.append((scheme, SKOS_HAS_TOP_CONCEPT, concept, None))
        quads += mapper.type_quads(concept, label, row, None)
    return Description(scheme, "scheme", name, SCHEME_LABELS[label][1], _unique(quads))


# -- views -------------------------------------------------------------------------------------


def _labels(quads: list[Quad]) -> dict[str, str]:
    return {q[0]: q[2].value for q in quads if q[1] == LABEL and isinstance(q[2], Lit)}


def _by_subject(quads: list[Quad]) -> dict[Iri, list[tuple[Iri, Term]]]:
    grouped: dict[Iri, list[tuple[Iri, Term]]] = defaultdict(list)
    for s, p, o, _ in quads:
        grouped[s].append((p, o))
    return grouped


def as_json(description: Description, base: str) -> dict[str, Any]:
    """A plain JSON view: the resource's properties, then every other resource described with it."""
    labels = _labels(description.quads)

    def value(term: Term) -> object:
        if isinstance(term, Iri):
            return {"iri": term, "label": labels.get(term)}
        return literal_python(term)

    def properties(pairs: list[tuple[Iri, Term]]) -> dict[str, list[object]]:
        props: dict[str, list[object]] = defaultdict(list)
        for predicate, obj in pairs:
            props[curie(predicate, base)].append(value(obj))
        return dict(props)

    grouped = _by_subject(description.quads)
    return {
        "iri": description.subject,
        "type": description.type,
        "id": description.id,
        "label": description.label,
        "properties": properties(grouped.pop(description.subject, [])),
        "resources": {iri: properties(pairs) for iri, pairs in grouped.items()},
    }


class _Link(NamedTuple):
    href: str | None
    iri: str
    text: str


class _Row(NamedTuple):
    predicate: _Link
    values: list[dict[str, str | None]]


def html_page(description: Description, base: str) -> HtmlPage:
    """The linked-data page of a resource (`service/templates/resource.html`)."""
    labels = _labels(description.quads)

    def href(iri: str) -> str:
        return "/" + iri[len(base) :] if iri.startswith(base) else iri

    def link(iri: str) -> _Link:
        return _Link(href(iri), iri, labels.get(iri) or curie(iri, base))

    def cell(term: Term) -> dict[str, str | None]:
        if isinstance(term, Iri):
            return link(term)._asdict()
        return {"href": None, "text": term.value, "lang": term.lang}

    def rows(pairs: list[tuple[Iri, Term]]) -> list[_Row]:
        grouped: dict[Iri, list[dict[str, str | None]]] = defaultdict(list)
        for predicate, obj in pairs:
            grouped[predicate].append(cell(obj))
        return [
            _Row(link(p) if p.startswith(base) else _Link(None, p, curie(p, base)), values)
            for p, values in grouped.items()
        ]

    grouped = _by_subject(description.quads)
    subject = description.subject
    own = grouped.pop(subject, [])
    sections = []
    incoming = []
    for iri, pairs in grouped.items():
        if all(p in (LABEL, TYPE) for p, _ in pairs):
            continue  # a linked resource's name: shown in the links
        if all(o == subject or p in (LABEL, TYPE) for p, o in pairs):
            incoming += [{"source": link(iri), "predicate": curie(p, base)} for p, o in pairs if o == subject]
            continue
        title = labels.get(iri) or iri.rsplit("#", 1)[-1]
        sections.append({"iri": iri, "href": href(iri), "title": title, "rows": rows(pairs)})
    context = {
        "subject": subject,
        "formats": ("ttl", "jsonld", "nt", "rdf", "trig", "json"),
        "properties": rows(own),
        "sections": sections,
        "incoming": incoming,
        "people_page": page_href(description.type, description.id),
    }
    return HtmlPage("resource.html", description.label, context)
