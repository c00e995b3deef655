"""One resource's description (its concise bounded description, with labels of what it links to)
and its HTML and JSON views.

The description of a node is: its own triples and its sub-resources (the `#provenance` locator),
its figures and statements, every relationship in or out of it (an evidenced relation with its
qualified relation resource), and `rdf:type` + `rdfs:label` of every resource at the far end, so a
reader sees names rather than bare IRIs.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from service.errors import NotFound
from service.graph_reader import GraphReader
from service.rdf.iris import IRI_KEYS, LABELS, SCHEMES, parse_relation, primary_label
from service.rdf.mapping import (
    LABEL,
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
    subject: Iri
    type: str
    id: str
    label: str
    quads: list[Quad]


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
    return Description(subject, type_segment, key, display_label(label, props), _unique(quads))


async def describe_relation(graph: GraphReader, mapper: Mapper, slug: str) -> Description:
    key = parse_relation(slug)
    if key is None:
        raise NotFound(f"{slug!r} is not a relation id (<from>--<type>--[<kind>--<on>--]<to>)")
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


async def describe_scheme(graph: GraphReader, mapper: Mapper, name: str) -> Description:
    label = SCHEMES.get(name)
    if label is None:
        raise NotFound(f"no concept scheme {name!r} (there are: {', '.join(SCHEMES)})")
    scheme = mapper.iris.scheme(name)
    quads = [q for q in mapper.scheme_quads() if q[0] == scheme]
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


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.4}"
    "table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border-bottom:1px solid #ddd;"
    "padding:.3rem .5rem;text-align:left;vertical-align:top}th{width:16rem;font-weight:600;color:#444}"
    "code{color:#555}.formats a{margin-right:.6rem}"
)


def as_html(description: Description, base: str) -> str:
    labels = _labels(description.quads)
    grouped = _by_subject(description.quads)
    e = html.escape

    def link(iri: str) -> str:
        href = "/" + iri[len(base) :] if iri.startswith(base) else iri
        text = labels.get(iri) or curie(iri, base)
        return f'<a href="{e(href)}" title="{e(iri)}">{e(text)}</a>'

    def cell(term: Term) -> str:
        if isinstance(term, Iri):
            return link(term)
        suffix = f" <code>@{e(term.lang)}</code>" if term.lang else ""
        return e(term.value) + suffix

    def table(pairs: list[tuple[Iri, Term]]) -> str:
        rows = defaultdict(list)
        for predicate, obj in pairs:
            rows[predicate].append(cell(obj))
        body = "".join(
            f"<tr><th>{link(p) if p.startswith(base) else e(curie(p, base))}</th><td>{'<br>'.join(v)}</td></tr>"
            for p, v in rows.items()
        )
        return f"<table>{body}</table>"

    subject = description.subject
    own = grouped.pop(subject, [])
    sections = []
    incoming = []
    for iri, pairs in grouped.items():
        if all(p in (LABEL, TYPE) for p, _ in pairs):
            continue  # a linked resource's name: shown in the links
        if all(o == subject or p in (LABEL, TYPE) for p, o in pairs):
            incoming += [
                f"<li>{link(iri)} <code>{e(curie(p, base))}</code> this</li>" for p, o in pairs if o == subject
            ]
            continue
        title = labels.get(iri) or iri.rsplit("#", 1)[-1]
        href = "/" + iri[len(base) :] if iri.startswith(base) else iri
        heading = f'<h3 id="{e(iri)}"><a href="{e(href)}">{e(title)}</a></h3>'
        sections.append(f"{heading}<p><code>{e(iri)}</code></p>{table(pairs)}")
    formats = " ".join(f'<a href="?format={k}">{k}</a>' for k in ("ttl", "jsonld", "nt", "rdf", "trig", "json"))
    incoming_html = f"<h2>Links to this resource</h2><ul>{''.join(incoming)}</ul>" if incoming else ""
    related_html = f"<h2>Provenance, evidence and parts</h2>{''.join(sections)}" if sections else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{e(description.label)} - pkgraph</title>'
        f'<link rel="alternate" type="text/turtle" href="?format=ttl"><style>{_STYLE}</style></head><body>'
        f"<h1>{e(description.label)}</h1><p><code>{e(subject)}</code></p>"
        f'<p class="formats">Also as: {formats}</p>'
        f"<h2>Properties</h2>{table(own)}{related_html}{incoming_html}"
        f'<p><a href="/.well-known/void">About this dataset (VoID)</a> · <a href="/sparql">SPARQL</a></p>'
        "</body></html>"
    )
