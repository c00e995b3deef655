"""HTTP surface of the linked data: `GET /rdf`, VoID, SPARQL, the vocabulary (the IRIs: service.routers.resources)."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from service.deps import ReaderDep
from service.errors import BadInput
from service.formats import HTML, RDF, RDF_ONLY, SPARQL_RESULTS, Format, Offer
from service.graph_reader import GraphReader
from service.html import HtmlPage
from service.models import ErrorBody
from service.negotiation import NotAcceptable, names
from service.rdf import sparql
from service.rdf.export import (
    FORMATS,
    QuadSet,
    Serialised,
    TurtleDocument,
    collect,
    ntriples_chunks,
    quad_pages,
    serialise,
)
from service.rdf.iris import RelationKey
from service.rdf.state import dataset_version, rdf_state
from service.rdf.vocab import context, ontology_turtle, shapes_turtle
from service.rdf.void import void_quads

router = APIRouter(tags=["linked data"])
DUMP_DESCRIPTION = (
    "Chosen by `?format=` or `Accept`. N-Triples is streamed as it is read from Neo4j. "
    "TriG puts each source's statements in the named graph `{base}graph/<source-id>`."
)


@router.get(
    "/rdf",
    summary="The whole dataset as RDF (Turtle, N-Triples, JSON-LD, RDF/XML, TriG)",
    description=DUMP_DESCRIPTION,
    responses=RDF_ONLY.responses(),
    response_class=Response,
    response_model=None,
)
@RDF_ONLY
async def rdf_dump(request: Request, graph: ReaderDep, fmt: Format) -> Serialised | StreamingResponse:
    state = rdf_state(request)
    if fmt.name == "nt":
        chunks = ntriples_chunks(quad_pages(graph.driver, graph.database, state.mapper))
        return StreamingResponse(chunks, media_type=fmt.media_type)
    version = await dataset_version(graph)
    body = state.dumps.get(version, fmt.name)
    if body is None:
        quads = await collect(quad_pages(graph.driver, graph.database, state.mapper))
        body = serialise(quads, FORMATS[fmt.name], state.mapper.base)
        state.dumps.put(version, fmt.name, body)
    return Serialised(body)


@router.get(
    "/ontology",
    summary="The pkgraph OWL ontology (the pk: namespace)",
    responses=RDF_ONLY.responses(),
    response_class=Response,
    response_model=None,
)
@RDF_ONLY
async def ontology(request: Request) -> TurtleDocument:
    return TurtleDocument(ontology_turtle(rdf_state(request).mapper.base))


@router.get(
    "/shapes",
    summary="The SHACL shapes every export satisfies (Turtle)",
    responses={200: {"content": {FORMATS["ttl"].media_type: {"schema": {"type": "string"}}}}},
    response_class=Response,
)
async def shapes(request: Request) -> Response:
    return Response(shapes_turtle(rdf_state(request).mapper.base), media_type=FORMATS["ttl"].media_type)


@router.get(
    "/context.jsonld",
    summary="The JSON-LD context of the JSON-LD export",
    responses={200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}},
)
async def jsonld_context(request: Request) -> JSONResponse:
    return JSONResponse(context(rdf_state(request).mapper.base), media_type="application/ld+json")


async def _store(request: Request, graph: GraphReader) -> sparql.LoadedStore:
    state = rdf_state(request)
    return await state.store.get(graph.driver, graph.database, state.mapper, await dataset_version(graph))


async def _triples(request: Request, graph: GraphReader, version: str | None) -> int:
    """The export's size: the store's if it is built, else counted page by page (and kept per version)."""
    state = rdf_state(request)
    known = state.triples.get(version)
    if known is None:
        loaded = state.store.loaded(version)
        if loaded is not None:
            known = loaded.triples
        else:
            # Distinct triples, as the store counts them: the pages may state one triple twice (a
            # state's seat on the Council in several years is one heldSeatOn triple).
            triples: set[tuple[object, object, object]] = set()
            async for quads in quad_pages(graph.driver, graph.database, state.mapper):
                triples.update((s, p, o) for s, p, o, _ in quads)
            known = len(triples)
        state.triples = {version: known}
    return known


@router.get(
    "/.well-known/void",
    summary="VoID description of the dataset",
    responses=RDF_ONLY.responses(),
    response_class=Response,
    response_model=None,
)
@RDF_ONLY
async def void(request: Request, graph: ReaderDep) -> QuadSet:
    """From counts and a few example resources read from Neo4j: no SPARQL store is built for it."""
    mapper = rdf_state(request).mapper
    counts = (await graph.read("rdf/counts"))[0]
    label_counts = {row["label"]: int(row["nodes"]) for row in counts["labels"]}
    dataset = (await graph.read("system/dataset"))[0]["dataset"]
    version = str(dataset["version"]) if dataset and dataset.get("version") else None
    found = (await graph.read("rdf/void_examples"))[0]
    examples = [
        mapper.iris.node(label, str(found[key]), found[key] if label == "Resolution" else None)
        for label, key in (("Mission", "mission"), ("Resolution", "resolution"), ("Claim", "claim"))
        if found[key] is not None
    ]
    for dep in found["dependency"]:
        kind, _, on = (dep["key"] or "").partition(":")
        examples.append(mapper.iris.relation(RelationKey(dep["source"], "DEPENDS_ON", kind, on, dep["target"])))
    triples = await _triples(request, graph, version)
    sources = await graph.read("rdf/void_sources")
    return QuadSet(void_quads(mapper, label_counts, int(counts["relations"]), triples, dataset, examples, sources))


SPARQL_EXAMPLE = "SELECT ?mission ?label\nWHERE { ?mission a pk:Mission ; rdfs:label ?label } ORDER BY ?label LIMIT 20"
# SELECT/ASK answer in a SPARQL results format, CONSTRUCT/DESCRIBE in RDF; no query: the form.
SOLUTIONS = Offer(*SPARQL_RESULTS)
TRIPLES = Offer(*RDF)
FORM = Offer(SPARQL_RESULTS[0], HTML)
SPARQL = SOLUTIONS + TRIPLES + Offer(HTML)


_SPARQL_NAMES = list(dict.fromkeys(names(SPARQL.formats)))


def _format_param() -> Any:
    # A pattern, not an enum type: the names are known only once the registry is built.
    return Query(
        alias="format",
        pattern="^(" + "|".join(_SPARQL_NAMES) + ")$",
        description=f"one of {', '.join(_SPARQL_NAMES)}; which apply depends on the query form (else 406)",
    )


def _choose(offer: Offer, request: Request, format_: str | None) -> Format:
    """A `?format=` the endpoint knows but this answer is not given in (`ttl` for a SELECT): 406."""
    if format_ and format_.lower() not in names(offer.formats):
        raise NotAcceptable(f"format {format_!r} does not apply to this answer", offer.media_types)
    return offer.choose(request, format_)


@dataclass(frozen=True)
class _Form:
    base: str

    def html_view(self, base: str) -> HtmlPage:
        return HtmlPage("sparql.html", "SPARQL", {"base": self.base, "example": SPARQL_EXAMPLE})


async def _sparql(request: Request, graph: GraphReader, query: str | None, format_: str | None) -> Response:
    if not query:
        fmt = _choose(FORM, request, format_)
        if fmt is HTML:
            return FORM.render(_Form(rdf_state(request).mapper.base), fmt, request)
        raise sparql.BadQuery(
            "no query: send `query` as a URL parameter, a form field or an application/sparql-query body"
        )

    def render(result: sparql.Solutions | sparql.Triples) -> Response:
        offer = SOLUTIONS if isinstance(result, sparql.Solutions) else TRIPLES
        return offer.render(result, _choose(offer, request, format_), request)

    loaded = await _store(request, graph)
    settings = request.app.state.settings
    workers = rdf_state(request).store.workers
    return await sparql.answer(loaded, workers, query, render, settings.base_iri, settings.query_timeout_s)


SPARQL_RESPONSES: dict[int | str, dict[str, Any]] = {
    **SPARQL.responses(),
    400: {
        "model": ErrorBody,
        "description": "syntax error, an update (refused: read-only), or over the time limit (PKGRAPH_QUERY_TIMEOUT)",
    },
    503: {"model": ErrorBody, "description": "too many queries running at once"},
}


@router.get("/sparql", summary="SPARQL 1.1 query (read-only)", responses=SPARQL_RESPONSES, response_class=Response)
async def sparql_get(
    request: Request,
    graph: ReaderDep,
    query: Annotated[str | None, Query(description="SELECT, ASK, CONSTRUCT or DESCRIBE; none: the query form")] = None,
    format_: Annotated[str | None, _format_param()] = None,
    update: Annotated[str | None, Query(description="SPARQL Update: always refused (read-only)")] = None,
) -> Response:
    if update:
        raise sparql.BadQuery("this endpoint is read-only: SPARQL updates are refused")
    return await _sparql(request, graph, query, format_)


@router.post(
    "/sparql", summary="SPARQL 1.1 query by POST (read-only)", responses=SPARQL_RESPONSES, response_class=Response
)
async def sparql_post(
    request: Request,
    graph: ReaderDep,
    format_: Annotated[str | None, _format_param()] = None,
    query_param: Annotated[
        str | None, Query(alias="query", description="the query, when the body is an empty form")
    ] = None,
) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if content_type == "application/sparql-update":
        raise sparql.BadQuery("this endpoint is read-only: SPARQL updates are refused")
    if content_type == "application/sparql-query":
        query: str | None = body
    elif content_type in ("application/x-www-form-urlencoded", ""):
        form = urllib.parse.parse_qs(body)
        if form.get("update"):
            raise sparql.BadQuery("this endpoint is read-only: SPARQL updates are refused")
        query = form["query"][0] if form.get("query") else query_param
    else:
        raise BadInput(f"POST a query as application/sparql-query or a form, not {content_type}")
    return await _sparql(request, graph, query, format_)
