"""Content negotiation, once for every route: `?format=` wins, else the `Accept` header (q-values).

A route offers formats in its own order of preference; that order breaks ties, so a browser (which
names `text/html`) gets HTML where it is offered, a client sending `*/*` or no Accept gets the
route's first format, and a client that accepts nothing offered gets 406 with the offer listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from service.errors import BadInput, PkgraphError


class Negotiable(Protocol):
    """What negotiation needs of a format: its `?format=` names and its media types."""

    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def media_types(self) -> tuple[str, ...]: ...


F = TypeVar("F", bound=Negotiable)


class NotAcceptable(PkgraphError):
    status = 406
    error = "not_acceptable"

    def __init__(self, detail: str, offered: list[str]) -> None:
        super().__init__(detail)
        self.extra = {"offered": offered}


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


def _quality(fmt: Negotiable, ranges: list[_Range]) -> float:
    """The q of the most specific range matching the format (any of its media types, type/*, */*)."""
    main = fmt.media_types[0].split("/", 1)[0]
    best: tuple[int, float] | None = None
    for r in ranges:
        if f"{r.type}/{r.subtype}" in fmt.media_types:
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


def names(offered: Sequence[Negotiable]) -> list[str]:
    """Every `?format=` value the offer understands, canonical names first."""
    return [f.name for f in offered] + [alias for f in offered for alias in f.aliases]


def choose(offered: Sequence[F], accept: str | None, format_param: str | None) -> F:
    """The format to answer with, from `offered` (most preferred first)."""
    if format_param:
        wanted = format_param.lower()
        for fmt in offered:
            if wanted == fmt.name or wanted in fmt.aliases:
                return fmt
        raise BadInput(f"format {format_param!r} is not one of {', '.join(names(offered))}")
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)
    q, _, index = max((_quality(fmt, ranges), -index, index) for index, fmt in enumerate(offered))
    if q <= 0:
        media = [fmt.media_types[0] for fmt in offered]
        raise NotAcceptable(f"none of the formats offered is acceptable ({accept}); offered: {', '.join(media)}", media)
    return offered[index]
