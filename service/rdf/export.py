"""The whole graph as RDF: streamed N-Triples / N-Quads, or an rdflib graph for the other formats.

The graph is read label by label in pages of `PAGE_SIZE` nodes (one Neo4j record per page), and
each page is mapped to quads and, for N-Triples, written out before the next is read, so memory
does not grow with the graph. Turtle, JSON-LD, RDF/XML and TriG need the whole graph (prefixes,
nesting, named graphs), so they go through rdflib; N-Triples never does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import LiteralString

from neo4j import READ_ACCESS, AsyncDriver, AsyncResult
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from queries import statement
from service.rdf.iris import TYPES, primary_label
from service.rdf.mapping import Mapper, Row
from service.rdf.terms import Iri, Lit, Quad, Term, nq_line, nt_line
from service.rdf.vocab import context, prefixes

# Nodes per page: a page of claims is about 30,000 triples, a few MB while it is written.
PAGE_SIZE = 1000


@dataclass(frozen=True)
class RdfFormat:
    key: str
    media_type: str
    rdflib_name: str
    extension: str
    datasets: bool = False


FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat("ttl", "text/turtle", "turtle", "ttl"),
    "nt": RdfFormat("nt", "application/n-triples", "nt", "nt"),
    "jsonld": RdfFormat("jsonld", "application/ld+json", "json-ld", "jsonld"),
    "rdf": RdfFormat("rdf", "application/rdf+xml", "xml", "rdf"),
    "trig": RdfFormat("trig", "application/trig", "trig", "trig", datasets=True),
}


def page_query(label: str) -> LiteralString:
    """`queries/rdf/export_page.cypher` for one label; labels cannot be parameters of an index seek."""
    if label not in TYPES:
        raise ValueError(f"label {label!r} is not in the allow-list")
    return statement("rdf/export_page").text.replace("__LABEL__", f"`{label}`")


async def node_pages(driver: AsyncDriver, database: str, page_size: int = PAGE_SIZE) -> AsyncIterator[list[Row]]:
    """Every exported node as mapping rows, a page at a time, all read in one READ transaction.

    The next page is asked for before this one is handed on, so Neo4j reads it (on its own core)
    while the caller maps and writes this one.
    """
    labels = list(TYPES)
    queries = {label: page_query(label) for label in labels}
    async with (
        driver.session(database=database, default_access_mode=READ_ACCESS) as session,
        await session.begin_transaction() as tx,
    ):
        index = 0
        result: AsyncResult | None = await tx.run(queries[labels[0]], {"after": "", "page": page_size})
        while result is not None:
            label = labels[index]
            record = await result.single(strict=True)
            rows: list[Row] = record["rows"]
            if len(rows) == page_size:
                result = await tx.run(queries[label], {"after": record["last"], "page": page_size})
            elif index + 1 < len(labels):
                index += 1
                result = await tx.run(queries[labels[index]], {"after": "", "page": page_size})
            else:
                result = None
            # A node with two exported labels is written once, under the label that names its IRI.
            yield [row for row in rows if primary_label(row["labels"]) == label]


async def quad_pages(
    driver: AsyncDriver, database: str, mapper: Mapper, page_size: int = PAGE_SIZE
) -> AsyncIterator[list[Quad]]:
    """The whole export as lists of quads, one list per page of nodes (the concept schemes first)."""
    yield list(mapper.scheme_quads())
    node_quads = mapper.node_quads
    async for rows in node_pages(driver, database, page_size):
        yield [quad for row in rows for quad in node_quads(row)]


async def ntriples_chunks(pages: AsyncIterator[list[Quad]], quads_too: bool = False) -> AsyncIterator[bytes]:
    """N-Triples (or N-Quads), one chunk per page, for a StreamingResponse or a file."""
    line = nq_line if quads_too else nt_line
    async for quads in pages:
        if quads:
            yield "".join(map(line, quads)).encode("utf-8")


def rdflib_term(term: Term) -> URIRef | Literal:
    if isinstance(term, Iri):
        return URIRef(term)
    if term.lang is not None:
        return Literal(term.value, lang=term.lang)
    return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)


def to_graph(quads: Iterable[Quad], base: str) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, ns in prefixes(base).items():
        graph.bind(prefix, ns)
    add = graph.add
    for s, p, o, _ in quads:
        add((URIRef(s), URIRef(p), rdflib_term(o)))
    return graph


def to_dataset(quads: Iterable[Quad], base: str) -> Dataset:
    dataset = Dataset(default_union=True)
    for prefix, ns in prefixes(base).items():
        dataset.bind(prefix, ns)
    graphs: dict[str | None, Graph] = {None: dataset.graph(DATASET_DEFAULT_GRAPH_ID)}
    for s, p, o, g in quads:
        target = graphs.get(g)
        if target is None:
            assert g is not None
            target = graphs[g] = dataset.graph(URIRef(g))
        target.add((URIRef(s), URIRef(p), rdflib_term(o)))
    return dataset


def serialise(quads: Iterable[Quad], fmt: RdfFormat, base: str) -> bytes:
    """One of FORMATS (TriG keeps the named graphs; the others merge them).

    N-Triples is written by the one N-Triples writer (`terms.nt_line`), as the streamed dump is.
    """
    if fmt.key == "nt":
        return "".join(map(nt_line, quads)).encode("utf-8")
    if fmt.datasets:
        return to_dataset(quads, base).serialize(format=fmt.rdflib_name, encoding="utf-8")
    graph = to_graph(quads, base)
    if fmt.key == "jsonld":
        return graph.serialize(format="json-ld", context=context(base)["@context"], encoding="utf-8")
    return graph.serialize(format=fmt.rdflib_name, encoding="utf-8")


async def collect(pages: AsyncIterator[list[Quad]]) -> list[Quad]:
    return [quad async for quads in pages for quad in quads]


@dataclass(frozen=True)
class QuadSet:
    """Quads to be answered in an RDF format of the client's choice (service.formats.RdfView)."""

    quads: list[Quad]

    def rdf(self, fmt: RdfFormat, base: str) -> bytes:
        return serialise(self.quads, fmt, base)


@dataclass(frozen=True)
class Serialised:
    """An answer already serialised in the negotiated format (a cached dump)."""

    body: bytes

    def rdf(self, fmt: RdfFormat, base: str) -> bytes:
        return self.body


@dataclass(frozen=True)
class TurtleDocument:
    """A Turtle file of ours (the ontology, without blank nodes), re-serialised on request."""

    text: str

    def rdf(self, fmt: RdfFormat, base: str) -> bytes:
        if fmt.key == "ttl":
            return self.text.encode("utf-8")
        return serialise(list(map(_quad, Graph().parse(data=self.text, format="turtle"))), fmt, base)


def _term(node: object) -> Term:
    if isinstance(node, URIRef):
        return Iri(node)
    if isinstance(node, Literal):
        return Lit(str(node), str(node.datatype) if node.datatype else None, node.language)
    raise ValueError(f"{node!r}: blank nodes are not in our vocabulary files")


def _quad(triple: tuple[object, object, object]) -> Quad:
    s, p, o = map(_term, triple)
    assert isinstance(s, Iri)
    assert isinstance(p, Iri)
    return (s, p, o, None)
