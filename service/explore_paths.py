"""Where the pages for people are, beside the linked-data page at each IRI.

A resource has one IRI, `{base}{type}/{id}`, whose HTML is the linked-data view (every RDF
property, for linked-data users). The page written for a reader is a separate path,
`/explore/{type}/{id}`; each links to the other. The types listed here have such a page.
"""

from __future__ import annotations

EXPLORE = "/explore"
# IRI type segment -> what the page for people is called in a link.
PAGE_TYPES: dict[str, str] = {
    "mission": "mission",
    "organisation": "organisation or state",
    "resolution": "resolution",
    "interview": "interview",
    "claim": "claim",
    "mandate": "mandate",
    "code": "code",
    "source": "source",
    "finding": "finding",
}


def page_href(segment: str, key: str) -> str | None:
    """The people's page of a resource, or None where its type has none."""
    return f"{EXPLORE}/{segment}/{key}" if segment in PAGE_TYPES else None


def iri_path(segment: str, key: str) -> str:
    """The path of the resource's IRI (its linked-data page and RDF)."""
    return f"/{segment}/{key}"
