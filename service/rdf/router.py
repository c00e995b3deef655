"""HTTP surface of the linked data: `GET /rdf`, dereferenceable IRIs, VoID, SPARQL, the vocabulary."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from service.deps import ReaderDep
from service.errors import BadInput
from service.graph_reader import GraphReader
from service.models import ErrorBody
from service.rdf import sparql
from service.rdf.describe import Description, as_html, as_json, describe_node, describe_relation, describe_scheme
from service.rdf.export import FORMATS, collect, ntriples_chunks, quad_pages, serialise
from service.rdf.iris import TYPES
from service.rdf.mapping import Mapper
from service.rdf.negotiation import choose
from service.rdf.terms import Iri, Quad
from service.rdf.vocab import context, ontology_turtle, shapes_turtle
from service.rdf.void import void_quads

router = APIRouter(tags=["linked data"])

RDF_FORMATS = list(FORMATS)  # ttl first: the default for `*/*`
RESOURCE_FORMATS = ["json", "html", *RDF_FORMATS]
FormatParam = Annotated[str | None, Query(alias="format", description="ttl, nt, jsonld, rdf, trig (html, json)")]
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "no such resource"},
    406: {"model": ErrorBody, "description": "none of the formats the client accepts"},
}
_TEXT = {"schema": {"type": "string"}}


def _answers(*media_types: str) -> dict[int | str, dict[str, Any]]:
    """The 200 answer's media types, for the OpenAPI document."""
    return {200: {"description": "by Accept header or ?format=", "content": {m: _TEXT for m in media_types}}}


RDF_MEDIA = [f.media_type for f in FORMATS.values()]
RESOURCE_ANSWERS = {**ERRORS, **_answers("text/html", "application/json", *RDF_MEDIA)}


@dataclass
class RdfState:
    """Per-app linked-data state: the mapper, the SPARQL store, whole-dataset serialisations."""

    mapper: Mapper
    store: sparql.StoreCache = field(default_factory=sparql.StoreCache)
    dumps: dict[tuple[str | None, str], bytes] = field(default_factory=dict)


def _state(request: Request) -> RdfState:
    state = getattr(request.app.state, "rdf", None)
    if state is None:
        state = RdfState(Mapper(request.app.state.settings.base_iri))
        request.app.state.rdf = state
    assert isinstance(state, RdfState)
    return state


async def _version(graph: ReaderDep) -> str | None:
    rows = await graph.read("system/dataset")
    dataset = rows[0]["dataset"] if rows else None
    return str(dataset["version"]) if dataset and dataset.get("version") else None


def _rdf_response(quads: list[Quad], key: str, base: str, filename: str | None = None) -> Response:
    fmt = FORMATS[key]
    headers = {"Vary": "Accept"}
    if filename:
        headers["Content-Disposition"] = f'inline; filename="{filename}.{fmt.extension}"'
    return Response(serialise(quads, fmt, base), media_type=fmt.media_type, headers=headers)


@router.get(
    "/rdf",
    summary="The whole dataset as RDF (Turtle, N-Triples, JSON-LD, RDF/XML, TriG)",
    description="Chosen by `?format=` or `Accept`. N-Triples is streamed as it is read from Neo4j. "
    "TriG puts each source's statements in the named graph `{base}graph/<source-id>`.",
    responses={**ERRORS, **_answers(*RDF_MEDIA)},
    response_class=Response,
)
async def rdf_dump(request: Request, graph: ReaderDep, format_: FormatParam = None) -> Response:
    key = choose(RDF_FORMATS, request.headers.get("accept"), format_)
    state = _state(request)
    base = state.mapper.base
    if key == "nt":
        chunks = ntriples_chunks(quad_pages(graph.driver, graph.database, state.mapper))
        return StreamingResponse(chunks, media_type=FORMATS["nt"].media_type, headers={"Vary": "Accept"})
    version = await _version(graph)
    body = state.dumps.get((version, key))
    if body is None:
        quads = await collect(quad_pages(graph.driver, graph.database, state.mapper))
        body = serialise(quads, FORMATS[key], base)
        state.dumps.clear()  # only the current version's serialisations are kept
        state.dumps[(version, key)] = body
    return Response(body, media_type=FORMATS[key].media_type, headers={"Vary": "Accept"})


def _resource_response(description: Description, request: Request, format_: str | None, base: str) -> Response:
    key = choose(RESOURCE_FORMATS, request.headers.get("accept"), format_)
    if key == "html":
        return HTMLResponse(as_html(description, base), headers={"Vary": "Accept"})
    if key == "json":
        return JSONResponse(as_json(description, base), headers={"Vary": "Accept"})
    return _rdf_response(description.quads, key, base)


def _resource_route(segment: str) -> None:
    async def resource(request: Request, graph: ReaderDep, id: str, format_: FormatParam = None) -> Response:
        state = _state(request)
        description = await describe_node(graph, state.mapper, segment, id)
        return _resource_response(description, request, format_, state.mapper.base)

    router.add_api_route(
        f"/{segment}/{{id}}",
        resource,
        methods=["GET"],
        summary=f"The {segment} IRI: HTML, JSON or RDF (its concise bounded description)",
        responses=RESOURCE_ANSWERS,
        response_class=Response,
        name=f"rdf_{segment}",
    )


for _segment in TYPES.values():
    _resource_route(_segment)


@router.get(
    "/relation/{id}",
    summary="An evidenced actor relation (qualified): HTML, JSON or RDF",
    responses=RESOURCE_ANSWERS,
    response_class=Response,
)
async def relation(request: Request, graph: ReaderDep, id: str, format_: FormatParam = None) -> Response:
    state = _state(request)
    description = await describe_relation(graph, state.mapper, id)
    return _resource_response(description, request, format_, state.mapper.base)


@router.get(
    "/scheme/{id}", summary="A SKOS concept scheme (task, code)", responses=RESOURCE_ANSWERS, response_class=Response
)
async def scheme(request: Request, graph: ReaderDep, id: str, format_: FormatParam = None) -> Response:
    state = _state(request)
    description = await describe_scheme(graph, state.mapper, id)
    return _resource_response(description, request, format_, state.mapper.base)


@router.get(
    "/ontology",
    summary="The pkgraph OWL ontology (the pk: namespace)",
    responses=_answers(*RDF_MEDIA),
    response_class=Response,
)
async def ontology(request: Request, format_: FormatParam = None) -> Response:
    key = choose(RDF_FORMATS, request.headers.get("accept"), format_)
    base = _state(request).mapper.base
    text = ontology_turtle(base)
    if key == "ttl":
        return Response(text, media_type=FORMATS["ttl"].media_type)
    return Response(_reserialise(text, key), media_type=FORMATS[key].media_type)


@router.get(
    "/shapes",
    summary="The SHACL shapes every export satisfies (Turtle)",
    responses=_answers(FORMATS["ttl"].media_type),
    response_class=Response,
)
async def shapes(request: Request) -> Response:
    return Response(shapes_turtle(_state(request).mapper.base), media_type=FORMATS["ttl"].media_type)


@router.get(
    "/context.jsonld",
    summary="The JSON-LD context of the JSON-LD export",
    responses={200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}},
)
async def jsonld_context(request: Request) -> JSONResponse:
    return JSONResponse(context(_state(request).mapper.base), media_type="application/ld+json")


def _reserialise(turtle: str, key: str) -> bytes:
    import rdflib

    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    if FORMATS[key].datasets:
        dataset = rdflib.Dataset()
        dataset.parse(data=turtle, format="turtle")
        return dataset.serialize(format=FORMATS[key].rdflib_name, encoding="utf-8")
    return graph.serialize(format=FORMATS[key].rdflib_name, encoding="utf-8")


async def _store(request: Request, graph: GraphReader) -> sparql.LoadedStore:
    state = _state(request)
    return await state.store.get(graph.driver, graph.database, state.mapper, await _version(graph))


@router.get(
    "/.well-known/void",
    summary="VoID description of the dataset",
    responses=_answers(*RDF_MEDIA),
    response_class=Response,
)
async def void(request: Request, graph: ReaderDep, format_: FormatParam = None) -> Response:
    key = choose(RDF_FORMATS, request.headers.get("accept"), format_)
    state = _state(request)
    loaded = await _store(request, graph)
    counts = (await graph.read("rdf/counts"))[0]
    label_counts = {row["label"]: int(row["nodes"]) for row in counts["labels"]}
    dataset = (await graph.read("system/dataset"))[0]["dataset"]
    examples: list[Iri] = []
    for cls in ("Mission", "Resolution", "Claim", "Dependency"):
        query = f"SELECT ?s WHERE {{ ?s a <{state.mapper.pk(cls)}> }} ORDER BY ?s LIMIT 1"
        rows = loaded.store.query(query, use_default_graph_as_union=True)
        assert isinstance(rows, ox.QuerySolutions)
        examples += [Iri(row["s"].value) for row in rows if isinstance(row["s"], ox.NamedNode)]
    quads = void_quads(state.mapper, label_counts, int(counts["relations"]), loaded.triples, dataset, examples)
    return _rdf_response(quads, key, state.mapper.base)


_SPARQL_FORM = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pkgraph SPARQL</title></head>
<body style="font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto">
<h1>SPARQL (read-only)</h1><p>SELECT, ASK, CONSTRUCT, DESCRIBE over the RDF export; prefixes pk:, org:, prov:, skos:,
dct:, schema: are predefined. Named graphs: <code>{base}graph/&lt;source&gt;</code>.</p>
<form method="get" action="/sparql"><textarea name="query" rows="12" style="width:100%">SELECT ?mission ?label
WHERE {{ ?mission a pk:Mission ; rdfs:label ?label }} ORDER BY ?label LIMIT 20</textarea>
<p><button>Run</button></p></form></body></html>"""


async def _sparql(request: Request, graph: GraphReader, query: str | None, format_: str | None) -> Response:
    if not query:
        if "text/html" in request.headers.get("accept", ""):
            return HTMLResponse(_SPARQL_FORM.format(base=_state(request).mapper.base))
        raise sparql.BadQuery(
            "no query: send `query` as a URL parameter, a form field or an application/sparql-query body"
        )
    accept = request.headers.get("accept") or "*/*"
    if format_:
        media = sparql.RESULT_ALIASES.get(format_.lower())
        if media is None:
            raise BadInput(f"format {format_!r} is not one of {', '.join(sparql.RESULT_ALIASES)}")
        accept = media
    loaded = await _store(request, graph)
    settings = request.app.state.settings
    result = await sparql.answer(loaded.store, query, accept, settings.base_iri, settings.query_timeout_s)
    return Response(result.body, media_type=result.media_type, headers={"Vary": "Accept"})


SPARQL_RESPONSES: dict[int | str, dict[str, Any]] = {
    **_answers("application/sparql-results+json", "text/csv", "text/tab-separated-values", *RDF_MEDIA, "text/html"),
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
    format_: FormatParam = None,
) -> Response:
    if request.query_params.get("update"):
        raise sparql.BadQuery("this endpoint is read-only: SPARQL updates are refused")
    return await _sparql(request, graph, query, format_)


@router.post(
    "/sparql", summary="SPARQL 1.1 query by POST (read-only)", responses=SPARQL_RESPONSES, response_class=Response
)
async def sparql_post(request: Request, graph: ReaderDep, format_: FormatParam = None) -> Response:
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
        query = form["query"][0] if form.get("query") else request.query_params.get("query")
    else:
        raise BadInput(f"POST a query as application/sparql-query or a form, not {content_type}")
    return await _sparql(request, graph, query, format_)
