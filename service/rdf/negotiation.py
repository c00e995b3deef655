"""Content negotiation: `?format=` wins, else the client's `Accept` header (with q-values).

Each endpoint offers formats in its own order of preference; that order breaks ties, so a browser
(`text/html` explicitly) gets HTML, a client sending `*/*` or no Accept gets the endpoint's first
format (JSON for a resource), and a client that accepts nothing offered gets 406.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.errors import BadInput, PkgraphError
from service.rdf.export import FORMATS

MEDIA_TYPES: dict[str, str] = {"html": "text/html", "json": "application/json"} | {
    key: fmt.media_type for key, fmt in FORMATS.items()
}
# Other names clients use for the same formats.
ALIASES: dict[str, str] = {
    "application/xhtml+xml": "html",
    "application/x-turtle": "ttl",
    "text/n3": "ttl",
    "text/plain": "nt",
    "application/xml": "rdf",
    "text/xml": "rdf",
    "application/json-ld": "jsonld",
    "application/x-trig": "trig",
}
FORMAT_NAMES: dict[str, str] = {"turtle": "ttl", "ntriples": "nt", "json-ld": "jsonld", "xml": "rdf", "rdfxml": "rdf"}


class NotAcceptable(PkgraphError):
    status = 406
    error = "not_acceptable"


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float


def _ranges(accept: str) -> list[_Range]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        main, sub = media.split("/", 1)
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append(_Range(main, sub, q))
    return ranges


def _quality(media_type: str, key: str, ranges: list[_Range]) -> float:
    """The q of the most specific range matching the format (exact, alias, type/*, */*)."""
    main, sub = media_type.split("/", 1)
    best: tuple[int, float] | None = None
    for r in ranges:
        exact = (r.type, r.subtype) == (main, sub) or ALIASES.get(f"{r.type}/{r.subtype}") == key
        if exact:
            rank = 3
        elif r.type == main and r.subtype == "*":
            rank = 2
        elif r.type == "*" and r.subtype == "*":
            rank = 1
        else:
            continue
        if best is None or rank > best[0]:
            best = (rank, r.q)
    return best[1] if best else 0.0


def choose(offered: list[str], accept: str | None, format_param: str | None) -> str:
    """The format key to answer with, from `offered` (most preferred first)."""
    if format_param:
        key = FORMAT_NAMES.get(format_param.lower(), format_param.lower())
        if key not in offered:
            raise BadInput(f"format {format_param!r} is not one of {', '.join(offered)}")
        return key
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)
    scored = [(_quality(MEDIA_TYPES[key], key, ranges), -index, key) for index, key in enumerate(offered)]
    q, _, key = max(scored)
    if q <= 0:
        types = ", ".join(MEDIA_TYPES[k] for k in offered)
        raise NotAcceptable(f"none of the formats accepted ({accept}); available: {types}")
    return key
