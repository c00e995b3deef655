"""The pages for people (home, `/explore/...`): one object per page, offering its HTML and its JSON.

The JSON view is the data the page shows, so whatever a reader sees can be fetched as data; the
HTML view renders the same data through a template of `service/templates/explore/`. Each page
also lists its `downloads` (the CSV, RDF and API answers it is built from) and, through its data,
the sources of what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi.encoders import jsonable_encoder

from service.formats import HTML, JSON, Offer
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
        encoded: dict[str, Any] = jsonable_encoder(self.data, by_alias=True)
        encoded["downloads"] = [d.__dict__ for d in self.downloads]
        return encoded

    def html_view(self, base: str) -> HtmlPage:
        context = {"data": self.json_view(base), "downloads": self.downloads}
        return HtmlPage(f"explore/{self.template}", self.title, context)


# A people's page prefers HTML (`*/*` too); `?format=json` or Accept: application/json gives its data.
PAGE = Offer(HTML, JSON)
# The home page answers as the rest of the API does (JSON for `*/*`), HTML for a browser.
HOME = Offer(JSON, HTML)
