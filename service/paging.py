"""Lists: one page of a list statement, with its filters, its total and the bounds of its paging.

Every list route (service.routers.browse, service.routers.listings) is one `list_route` around a
function that declares its filters and returns `read_page(...)`: filter values that name records
are checked first (422 for one that names none), then the page is read, and its offer renders it
as JSON, CSV or, for a LISTING, an HTML table with paging links.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Annotated, Any, TypeVar, get_args

from fastapi import APIRouter, Query
from pydantic import BaseModel

from service import models
from service.filters import require_known
from service.formats import Offer
from service.graph_reader import GraphReader
from service.read_models.details import clean

Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
# Neo4j's SKIP takes a 32-bit integer; a bound far below it answers 422 instead of a 500 from Neo4j.
MAX_OFFSET = 1_000_000
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"items to skip (at most {MAX_OFFSET:,})")]

P = TypeVar("P", bound=models.Page)
R = TypeVar("R")


def one_of(names: Iterable[str]) -> str:
    """A query parameter pattern that admits exactly these (registry) names."""
    return "^(" + "|".join(re.escape(n) for n in names) + ")$"


def item_model(page_model: type[models.Page]) -> type[BaseModel]:
    """The model of a page's items, from its `items: list[X]` annotation."""
    (item,) = get_args(page_model.model_fields["items"].annotation)
    found: type[BaseModel] = item
    return found


async def read_page(
    graph: GraphReader, query: str, page_model: type[P], known: Mapping[str, str] | None = None, **params: Any
) -> P:
    """One page of the list statement `query`, which takes `params` (its filters, `offset`, `limit`).

    `known` maps a filter to the label of the records it names: a value that names none is a 422
    before anything is read. A full-text `q` among the filters is read as GraphReader.read_searching does.
    """
    if known:
        await require_known(graph, **{name: (label, params[name]) for name, label in known.items()})
    row = (await graph.read_searching(query, **params))[0]
    model = item_model(page_model)
    items = [model(**clean(i)) for i in row["items"]]
    page = page_model(total=row["total"], limit=params["limit"], offset=params["offset"], items=items)
    return page.with_filters(params)


def list_route(
    router: APIRouter, path: str, page_model: type[models.Page], offer: Offer, summary: str, description: str
) -> Callable[[Callable[..., Awaitable[R]]], Callable[..., Awaitable[Any]]]:
    """`GET path` answering `page_model` in the offer's formats (`description` says which)."""

    def decorate(endpoint: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[Any]]:
        route = router.get(path, response_model=page_model, responses=offer.responses(description), summary=summary)
        return route(offer(endpoint))

    return decorate
