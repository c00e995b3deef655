"""The search page: the hits `/search` answers, each with the page it links to, facets by type,
snippets with the matches marked."""

from __future__ import annotations

import re
from typing import Any

from schema import registry
from service import models
from service.explore_paths import iri_path, page_href

# A resolution's id carries its number (`s-res-1244-1999`); its IRI and page are by number.
_RESOLUTION_NUMBER = re.compile(r"^s-res-(\d+)")


def hit_href(label: str, key: str) -> str | None:
    kind = registry.KIND_BY_LABEL.get(label)
    if kind is None:
        return None
    if kind.iri_key == "number":
        number = _RESOLUTION_NUMBER.match(key)
        if number is None:
            return None
        key = number.group(1)
    return page_href(kind.iri_segment, key) or iri_path(kind.iri_segment, key)


def search_results(page: models.SearchPage) -> dict[str, Any]:
    """The page's data from the API's own answer: each hit with the page it links to and its snippet
    in parts (text, is a match), the facets most hits first."""
    return {
        "hits": [
            {**hit.model_dump(), "href": hit_href(hit.type, hit.id) or hit.href, "marked": hit.marked()}
            for hit in page.items
        ],
        "total": page.total,
        "facets": [
            {"value": t, "count": n} for t, n in sorted(page.facets.items(), key=lambda item: (-item[1], item[0]))
        ],
    }
