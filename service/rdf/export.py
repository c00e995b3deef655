"""The whole graph as RDF: streamed N-Triples / N-Quads, or an rdflib graph for the other formats.

N-Triples is written line by line as rows arrive from Neo4j (the driver pulls `FETCH_SIZE`
records at a time), so its memory does not grow with the graph. Turtle, JSON-LD, RDF/XML and
TriG need the whole graph (prefixes, nesting, named graphs), so they go through rdflib.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS, AsyncDriver
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ingest.cypher import statement
from service.rdf.mapping import Mapper
from service.rdf.terms import Iri, Quad, Term, nq_line, nt_line
from service.rdf.vocab import context, prefixes

FETCH_SIZE = 250
CHUNK_BYTES = 64 * 1024


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


async def stream_rows(driver: AsyncDriver, database: str, name: str, **params: Any) -> AsyncIterator[dict[str, Any]]:
    """Records of `queries/<name>.cypher`, read in one READ transaction in pages of FETCH_SIZE."""
    query = statement(name)
    async with (
        driver.session(database=database, default_access_mode=READ_ACCESS, fetch_size=FETCH_SIZE) as session,
        await session.begin_transaction() as tx,
    ):
        result = await tx.run(query.text, params)
        keys = result.keys()
        async for record in result:
            # The values are plain maps, lists and scalars: no need for record.data()'s deep copy.
            yield dict(zip(keys, record.values(), strict=True))


async def export_quads(driver: AsyncDriver, database: str, mapper: Mapper) -> AsyncIterator[Quad]:
    for quad in mapper.scheme_quads():
        yield quad
    async for row in stream_rows(driver, database, "rdf/export_nodes"):
        for quad in mapper.node_quads(row):
            yield quad


async def ntriples_chunks(quads: AsyncIterator[Quad], quads_too: bool = False) -> AsyncIterator[bytes]:
    """N-Triples (or N-Quads) in chunks of about CHUNK_BYTES, for a StreamingResponse or a file."""
    line = nq_line if quads_too else nt_line
    buffer: list[str] = []
    size = 0
    async for quad in quads:
        text = line(quad)
        buffer.append(text)
        size += len(text)
        if size >= CHUNK_BYTES:
            yield "".join(buffer).encode("utf-8")
            buffer.clear()
            size = 0
    if buffer:
        yield "".join(buffer).encode("utf-8")


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
    """One of FORMATS (TriG keeps the named graphs; the others merge them)."""
    if fmt.datasets:
        return to_dataset(quads, base).serialize(format=fmt.rdflib_name, encoding="utf-8")
    graph = to_graph(quads, base)
    if fmt.key == "jsonld":
        return graph.serialize(format="json-ld", context=context(base)["@context"], encoding="utf-8")
    return graph.serialize(format=fmt.rdflib_name, encoding="utf-8")


async def collect(quads: AsyncIterator[Quad]) -> list[Quad]:
    return [quad async for quad in quads]
