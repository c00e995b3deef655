"""A mission page's contributors over time: what its chart draws and the tables beside it say.

Input: the row of `mission_contributors_series` (the largest contributing states per basis, each
with its counts per period, and the monthly total of every state). Out: one series of (x, count)
points per state and basis, IPI's official monthly counts and Geo-PKO's yearly estimates apart
(never summed), the monthly total, month-by-state and year-by-state tables, and the sources read.
"""

from __future__ import annotations

from typing import Any

from service.read_models.mission_timeline import year_fraction

# States drawn per basis: more lines than this are no longer told apart on a chart.
TOP = 8
OFFICIAL = "official"
ESTIMATE = "estimate"


def _series(rows: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    series = []
    for row in rows:
        points = [
            {"x": x, "y": p["count"], "date": p["period"]}
            for p in row["points"]
            if (x := year_fraction(p["period"])) is not None
        ]
        series.append(
            {
                "state": row["state"],
                "label": f"{row['state_name'] or row['state']} ({kind})",
                "name": row["state_name"],
                "href": f"/explore/organisation/{row['state']}",
                "kind": kind,
                "total": row["total"],
                "points": points,
            }
        )
    return series


def _table(series: list[dict[str, Any]]) -> dict[str, Any]:
    """Periods as rows, states as columns (None where a state supplied nobody that period)."""
    by_state = [{p["date"]: p["y"] for p in s["points"]} for s in series]
    periods = sorted({period for counts in by_state for period in counts})
    return {
        "states": [{"id": s["state"], "name": s["name"], "href": s["href"]} for s in series],
        "rows": [{"period": period, "counts": [counts.get(period) for counts in by_state]} for period in periods],
    }


def contributors_over_time(record: dict[str, Any]) -> dict[str, Any]:
    official = _series(record["official"], OFFICIAL)
    estimates = _series(record["estimates"], ESTIMATE)
    total = [
        {"x": x, "y": t["count"], "date": t["month"]}
        for t in record["totals"]
        if (x := year_fraction(t["month"])) is not None
    ]
    official_table = _table(official)
    totals = {t["date"]: t["y"] for t in total}
    for row in official_table["rows"]:
        row["total"] = totals.get(row["period"])
    return {
        "official": official,
        "estimates": estimates,
        "total": total,
        "official_table": official_table,
        "estimates_table": _table(estimates),
        "sources": {OFFICIAL: record["official_sources"], ESTIMATE: record["estimate_sources"]},
    }
