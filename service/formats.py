"""The format registry: one name and its media types -> one renderer, as rdflib's plugin registry
maps a serialiser's name to its class.

Routes return domain objects; an `Offer` (the formats a route answers in, most preferred first)
negotiates (service.negotiation) and hands the object to the chosen format's renderer. A renderer
asks the object for the view it needs: `table()` for CSV, `html_view()` for HTML, `rdf()` for the
RDF serialisations, `results()` for SPARQL results. JSON of a pydantic model goes back to FastAPI,
which validates it against the route's response model as for any route.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Protocol, TypeVar, runtime_checkable

from fastapi import Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from service.html import HtmlPage, render_page
from service.models import NotAcceptableBody
from service.negotiation import choose, names
from service.rdf.export import FORMATS as RDF_FORMATS
from service.rdf.export import RdfFormat
from service.tabular import csv_text, table_of


@runtime_checkable
class JsonView(Protocol):
    """A JSON body that is not a response model (the linked-data view of a resource)."""

    def json_view(self, base: str) -> dict[str, Any]: ...


@runtime_checkable
class HtmlView(Protocol):
    def html_view(self, base: str) -> HtmlPage: ...


@runtime_checkable
class RdfView(Protocol):
    def rdf(self, fmt: RdfFormat, base: str) -> bytes: ...


@runtime_checkable
class ResultsView(Protocol):
    """SPARQL SELECT/ASK results; `key` is a SPARQL results format (json, xml, csv, tsv)."""

    def results(self, key: str) -> bytes: ...


@dataclass(frozen=True)
class Context:
    """What a renderer knows of the request: the base IRI and a default file name."""

    base: str
    name: str


Renderer = Callable[[object, Context], Response]


@dataclass(frozen=True)
class Format:
    name: str
    media_types: tuple[str, ...]  # the first labels the answer; the others are what clients also send
    render: Renderer = field(compare=False)
    aliases: tuple[str, ...] = ()  # other `?format=` spellings

    @property
    def media_type(self) -> str:
        return self.media_types[0]


REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    if fmt.name in REGISTRY:
        raise ValueError(f"format {fmt.name!r} is registered already")
    REGISTRY[fmt.name] = fmt
    return fmt


def _wrong(fmt: str, obj: object) -> TypeError:
    return TypeError(f"{type(obj).__name__} offers no {fmt} view")


# -- renderers ---------------------------------------------------------------------------------


def _json(obj: object, ctx: Context) -> Response:
    if isinstance(obj, JsonView):
        return JSONResponse(obj.json_view(ctx.base))
    return JSONResponse(jsonable_encoder(obj))


def _csv(obj: object, ctx: Context) -> Response:
    table = table_of(obj)
    if table is None:
        raise _wrong("CSV", obj)
    return Response(
        csv_text(table),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{table.filename or ctx.name}.csv"'},
    )


def _html(obj: object, ctx: Context) -> Response:
    if not isinstance(obj, HtmlView):
        raise _wrong("HTML", obj)
    return HTMLResponse(render_page(obj.html_view(ctx.base)))


def _rdf(fmt: RdfFormat) -> Renderer:
    def render(obj: object, ctx: Context) -> Response:
        if not isinstance(obj, RdfView):
            raise _wrong(fmt.key, obj)
        return Response(obj.rdf(fmt, ctx.base), media_type=fmt.media_type)

    return render


def _results(key: str, media_type: str) -> Renderer:
    def render(obj: object, ctx: Context) -> Response:
        if not isinstance(obj, ResultsView):
            raise _wrong(f"SPARQL {key}", obj)
        return Response(obj.results(key), media_type=media_type)

    return render


JSON = register(Format("json", ("application/json",), _json))
CSV = register(Format("csv", ("text/csv",), _csv))
HTML = register(Format("html", ("text/html", "application/xhtml+xml"), _html))
# Other media types and `?format=` names clients use for the RDF serialisations.
_RDF_ALIASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ttl": (("application/x-turtle", "text/n3"), ("turtle",)),
    "nt": (("text/plain",), ("ntriples",)),
    "jsonld": (("application/json-ld",), ("json-ld",)),
    "rdf": (("application/xml", "text/xml"), ("xml", "rdfxml")),
    "trig": (("application/x-trig",), ()),
}
RDF = tuple(
    register(Format(key, (fmt.media_type, *_RDF_ALIASES[key][0]), _rdf(fmt), _RDF_ALIASES[key][1]))
    for key, fmt in RDF_FORMATS.items()
)
# SPARQL results: registered under their own names; an offer of them answers `?format=json` etc.
SPARQL_RESULTS = tuple(
    register(Format(f"sparql-{key}", (media,), _results(key, media), (key,)))
    for key, media in {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    }.items()
)


# -- offers ------------------------------------------------------------------------------------

T = TypeVar("T")


def _body_schema(media_type: str) -> dict[str, Any]:
    """JSON-based answers (SPARQL JSON results, JSON-LD) are JSON values; the others are text."""
    if media_type.endswith("+json"):
        return {"schema": {"type": ["object", "array"]}}
    return {"schema": {"type": "string"}}


def _context(request: Request) -> Context:
    return Context(request.app.state.settings.base_iri, request.url.path.rstrip("/").rsplit("/", 1)[-1] or "answer")


class Offer:
    """The formats a route answers in, most preferred first: it negotiates, renders, documents."""

    def __init__(self, *formats: Format) -> None:
        self.formats = formats

    def __add__(self, other: Offer) -> Offer:
        return Offer(*self.formats, *other.formats)

    @property
    def media_types(self) -> list[str]:
        return [fmt.media_type for fmt in self.formats]

    def responses(self, description: str = "by Accept header or ?format=") -> dict[int | str, dict[str, Any]]:
        """The OpenAPI answers: 200 in each media type (JSON's schema comes from the response model), 406."""
        content = {fmt.media_type: _body_schema(fmt.media_type) for fmt in self.formats if fmt is not JSON}
        return {
            200: {"description": description, "content": content},
            406: {"model": NotAcceptableBody, "description": "none of the offered formats is acceptable"},
        }

    def parameter(self) -> Any:
        """The `?format=` query parameter: one of the offer's names (anything else is a 422)."""
        allowed = names(self.formats)
        literal: Any = Literal  # a Literal of names known only at run time
        return Annotated[
            literal[tuple(allowed)] | None,
            Query(alias="format", description=f"one of {', '.join(allowed)}; overrides the Accept header"),
        ]

    def choose(self, request: Request, format_param: str | None) -> Format:
        return choose(self.formats, request.headers.get("accept"), format_param)

    def render(self, obj: object, fmt: Format, request: Request) -> Response:
        response = fmt.render(obj, _context(request))
        response.headers["Vary"] = "Accept"
        return response

    def __call__(self, endpoint: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T | Response]]:
        """Negotiate around a route that returns a domain object.

        The route may declare a parameter annotated `Format` to be told the choice before it reads
        (to read only what that format needs). The wrapper puts the request, the response and
        `?format=` into the route's signature, which is what FastAPI reads; FastAPI gives one request
        parameter only, so the route's own `Request` / `Response` parameters are filled from these.
        """
        signature = inspect.signature(endpoint, eval_str=True)
        filled: dict[type, list[str]] = {Format: [], Request: [], Response: []}
        kept = []
        for param in signature.parameters.values():
            if param.annotation in filled:
                filled[param.annotation].append(param.name)
            else:
                kept.append(param.replace(kind=param.KEYWORD_ONLY))
        added = [
            inspect.Parameter("negotiation_request", inspect.Parameter.KEYWORD_ONLY, annotation=Request),
            inspect.Parameter("negotiation_response", inspect.Parameter.KEYWORD_ONLY, annotation=Response),
            inspect.Parameter(
                "negotiation_format", inspect.Parameter.KEYWORD_ONLY, annotation=self.parameter(), default=None
            ),
        ]

        @functools.wraps(endpoint)
        async def negotiated(**kwargs: Any) -> T | Response:
            request: Request = kwargs.pop("negotiation_request")
            response: Response = kwargs.pop("negotiation_response")
            fmt = self.choose(request, kwargs.pop("negotiation_format"))
            for kind, value in ((Format, fmt), (Request, request), (Response, response)):
                kwargs.update(dict.fromkeys(filled[kind], value))
            result = await endpoint(**kwargs)
            if isinstance(result, Response):  # a transport the route chose itself (a stream)
                result.headers["Vary"] = "Accept"
                return result
            if fmt is JSON and not isinstance(result, JsonView):
                response.headers["Vary"] = "Accept"
                return result  # FastAPI validates and serialises it, as the response model says
            return self.render(result, fmt, request)

        negotiated.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
        return negotiated


TABULAR = Offer(JSON, CSV)
# Lists an analyst reads in a browser as well: a table page with paging links.
LISTING = Offer(JSON, CSV, HTML)
RDF_ONLY = Offer(*RDF)
RESOURCE = Offer(JSON, HTML, *RDF)
