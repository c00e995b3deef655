"""The pages for people (home, `/explore/...`): one object per page, offering its HTML and its JSON.

The JSON view is the data the page shows, so whatever a reader sees can be fetched as data; the
HTML view renders the same data through a template of `service/templates/explore/`. Each page
also lists its `downloads` (the CSV, RDF and API answers it is built from) and, through its data,
the sources of what it shows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi import Request
from pydantic_core import to_jsonable_python

from service.formats import HTML, JSON, Offer
from service.graph_reader import GraphReader
from service.html import HtmlPage


@dataclass(frozen=True)
class Download:
    """A link to the page's data in another form or from the API route it comes from."""

    label: str
    href: str
    media_type: str


@dataclass(frozen=True)
class PeoplePage:
    template: str  # under service/templates/explore/
    title: str
    data: dict[str, Any]
    downloads: list[Download] = field(default_factory=list)

    def json_view(self, base: str) -> dict[str, Any]:
        # pydantic-core's encoder gives the bytes FastAPI's jsonable_encoder gives, in a fraction of the
        # time: 84-226 ms of an uncached mission page went to jsonable_encoder.
        encoded: dict[str, Any] = to_jsonable_python(self.data, by_alias=True)
        encoded["downloads"] = [d.__dict__ for d in self.downloads]
        return encoded

    def html_view(self, base: str) -> HtmlPage:
        context = {"data": self.json_view(base), "downloads": self.downloads}
        return HtmlPage(f"explore/{self.template}", self.title, context)


# A people's page prefers HTML (`*/*` too); `?format=json` or Accept: application/json gives its data.
PAGE = Offer(HTML, JSON)
# The home page answers as the rest of the API does (JSON for `*/*`), HTML for a browser.
HOME = Offer(JSON, HTML)


@dataclass(frozen=True)
class EntityPage:
    """The page for people of one IRI type, at `/explore/{segment}/{key}` (service.routers.explore)."""

    segment: str  # the IRI type segment (service.explore_paths.PAGE_TYPES)
    summary: str  # the route's summary in the API documentation
    build: Callable[[GraphReader, str, Request], Awaitable[PeoplePage]]  # reads the page of one key
    key: Literal["id", "number"] = "id"  # a resolution's IRI ends with its number
