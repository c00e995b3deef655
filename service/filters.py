"""Filter values that name a record must name one: `?code=nonexistent` is a 422 naming the value,
not an empty page that reads as "no such claims"."""

from __future__ import annotations

from collections import defaultdict

from service.errors import BadInput
from service.graph_reader import GraphReader


async def require_known(graph: GraphReader, **filters: tuple[str, str | None]) -> None:
    """Each `parameter=(label, value)` with a value must name a node of that label (by id)."""
    asked: dict[str, dict[str, str]] = defaultdict(dict)
    for parameter, (label, value) in filters.items():
        if value is not None:
            asked[label][parameter] = value
    unknown: list[str] = []
    for label, values in asked.items():
        (row,) = await graph.read("known_ids", label=label, ids=sorted(set(values.values())))
        found = set(row["found"])
        unknown += [f"{p}: no {label.lower()} {v!r}" for p, v in values.items() if v not in found]
    if unknown:
        raise BadInput("unknown filter value: " + "; ".join(unknown))
