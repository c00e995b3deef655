"""Which answers may be kept, and what identifies one: the allow-list of route families and the key.

Only routes whose answer is a function of the dataset version, the path, the query string and the
negotiated representation are listed. Unbounded inputs (`/search`, `/explore/search`, `/cypher`,
`/sparql`, `/queries/...`), operations (`/health`, `/ready`) and anything not listed go to the
routes every time.
"""

from __future__ import annotations

import re
import urllib.parse

from service.explore_paths import PAGE_TYPES
from service.rdf.iris import TYPES

_SEGMENTS = "|".join(re.escape(segment) for segment in [*TYPES.values(), "relation", "scheme"])
FAMILIES: dict[str, re.Pattern[str]] = {
    "lists": re.compile(
        r"/(?:missions|organisations|resolutions|interviews|claims|codes|units|posts|figures|sources|statements|tasks)"
    ),
    "mandate evolution": re.compile(r"/missions/[^/]+/mandate-evolution"),
    "dependencies and chains": re.compile(r"/dependencies(?:/matrix)?"),
    "centrality": re.compile(r"/centrality"),
    # An entity's IRI: its details as JSON, its explorer page as HTML, its description as RDF.
    "entity details": re.compile(rf"/(?:{_SEGMENTS})/[^/]+"),
    "VoID": re.compile(r"/\.well-known/void"),
    "whole-graph RDF": re.compile(r"/(?:rdf|ontology|shapes|context\.jsonld)"),
    "home page": re.compile(r"/"),
    # The pages for people, as their API routes; the search page is as unbounded as /search.
    "pages for people": re.compile(rf"/explore/(?:(?:{'|'.join(PAGE_TYPES)})/[^/]+|network|claims|findings)"),
}


def family(path: str) -> str | None:
    """The cacheable family `path` belongs to, or None: then it is never kept."""
    return next((name for name, pattern in FAMILIES.items() if pattern.fullmatch(path)), None)


def normalised_query(query_string: bytes) -> str:
    """The same parameters in any order give one key; a repeated parameter keeps its values' order."""
    pairs = urllib.parse.parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    return urllib.parse.urlencode(sorted(pairs, key=lambda pair: pair[0]))


def representation(accept: bytes | None) -> str:
    # service.negotiation gives a client that sends no Accept what it gives `*/*`: one key for both.
    text = " ".join((accept or b"").decode("latin-1").split())
    return text or "*/*"
