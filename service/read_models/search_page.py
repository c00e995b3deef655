"""The search page: hits of `search` with the page each links to, facets by type, snippets if given.

`/search` answers id, type, label and score today; where it also answers a snippet (with the
match marked) or highlights, the page shows them, and nothing breaks while it does not.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from schema import registry
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


def search_results(hits: list[dict[str, Any]], only_type: str | None) -> dict[str, Any]:
    facets = Counter(hit["type"] for hit in hits)
    shown = [
        {**hit, "href": hit_href(hit["type"], hit["id"]), "snippet": hit.get("snippet")}
        for hit in hits
        if only_type is None or hit["type"] == only_type
    ]
    return {
        "hits": shown,
        "total": len(hits),
        "facets": [{"value": t, "count": n} for t, n in sorted(facets.items(), key=lambda item: (-item[1], item[0]))],
    }
