"""Facet links of a filtered page: each value with its count and the link that adds (or removes) it.

Input: a page's path, its chosen filters and the facet rows a statement answered (`value`,
`label`, `count`). Choosing a value replaces that facet's earlier choice and goes back to the first
page; a chosen value's link removes it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode


def facet_href(path: str, filters: dict[str, Any], name: str, value: str | None) -> str:
    chosen = {key: val for key, val in filters.items() if key != name and val is not None}
    if value is not None:
        chosen[name] = value
    return f"{path}?{urlencode(chosen)}" if chosen else path


def facet(path: str, filters: dict[str, Any], name: str, title: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    current = filters.get(name)
    values = []
    for row in rows:
        chosen = current is not None and str(current) == str(row["value"])
        href = facet_href(path, filters, name, None if chosen else str(row["value"]))
        values.append(
            {
                "value": row["value"],
                "label": row.get("label") or row["value"],
                "count": row["count"],
                "chosen": chosen,
                "href": href,
            }
        )
    return {"name": name, "title": title, "values": values}
