"""A mission page's mandate timeline: what its chart draws and the tables beside it say.

Input: the mission's mandate evolution (service.read_models.mandate_evolution: the thesis's
mandates with their ceilings, each public source's mandate history with acts and tasks gained and
dropped, strength by month). Out: series of (date, value) points per ceiling measure and per
strength measure and source, one marker per resolution with what it did to the mission, and one
row per mandate step with the tasks it gained and dropped.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from service import models
from service.read_models.mandate_evolution import THESIS


def year_fraction(day: str) -> float | None:
    """`YYYY-MM-DD` or `YYYY-MM` as a year with its fraction (the chart's x axis); None if not a date."""
    try:
        parts = [int(p) for p in day[:10].split("-")]
        when = datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None
    return round(when.year + (when.timetuple().tm_yday - 1) / 365.25, 4)


def _ceiling_series(evolution: models.MandateEvolution, dates: dict[int, str]) -> list[dict[str, Any]]:
    """The thesis's ceilings, each at its resolution's date (`dates`: from any source, else its year)."""
    points: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for step in evolution.mandates:
        if step.resolution is None:
            continue
        number = step.resolution.number
        day = dates.get(number) or (str(step.resolution.year) if step.resolution.year else None)
        x = year_fraction(day) if day else None
        if x is None:
            continue
        for ceiling in step.ceilings:
            points[ceiling.measure].append(
                {"x": x, "y": ceiling.value, "date": day, "resolution": number, "source": ceiling.source}
            )
    return [{"label": f"ceiling: {measure} (thesis)", "kind": "ceiling", "points": p} for measure, p in points.items()]


def _strength_series(evolution: models.MandateEvolution) -> list[dict[str, Any]]:
    points: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for point in evolution.strength:
        x = year_fraction(point.month)
        if x is not None:
            key = (point.measure, point.source or "")
            points[key].append({"x": x, "y": point.value, "date": point.month, "mission": point.mission})
    return [
        {"label": f"{measure} ({source or 'unsourced'})", "kind": "strength", "points": p}
        for (measure, source), p in sorted(points.items())
    ]


def _markers(evolution: models.MandateEvolution) -> list[dict[str, Any]]:
    """One per resolution: its number, date and every act a source says it did to these missions."""
    found: dict[int, dict[str, Any]] = {}

    def add(number: int, day: str | None, acts: list[str], source: str) -> None:
        marker = found.setdefault(number, {"resolution": number, "date": day, "acts": [], "sources": []})
        marker["date"] = marker["date"] or day
        for act in acts:  # each source's spelling of the act ('ESTABLISHES', 'establishes') as one
            if act.lower() not in marker["acts"]:
                marker["acts"].append(act.lower())
        if source not in marker["sources"]:
            marker["sources"].append(source)

    for step in evolution.mandates:
        if step.resolution is not None:
            add(step.resolution.number, step.resolution.date, step.resolution.acts, THESIS)
    for history in evolution.sources:
        for source_step in history.mandates:
            for number in source_step.resolutions:
                acts = [f"{a.act} {source_step.mission.id}" for a in source_step.acts if a.resolution == number]
                add(number, source_step.date, acts, history.source)
    markers = []
    for marker in sorted(found.values(), key=lambda m: (m["date"] is None, m["date"] or "", m["resolution"])):
        marker["x"] = year_fraction(marker["date"]) if marker["date"] else None
        marker["href"] = f"/explore/resolution/{marker['resolution']}"
        markers.append(marker)
    return markers


def _steps(evolution: models.MandateEvolution) -> list[dict[str, Any]]:
    rows = []
    for step in evolution.mandates:
        rows.append(
            {
                "source": THESIS,
                "mandate": step.mandate,
                "mission": step.mission.id,
                "date": step.resolution.date if step.resolution else None,
                "resolutions": [step.resolution.number] if step.resolution else [],
                "gained": step.tasks_added or [],
                "dropped": step.tasks_removed or [],
            }
        )
    for history in evolution.sources:
        labels = {t.code: t.label or t.code for s in history.mandates for t in s.tasks}
        for source_step in history.mandates:
            rows.append(
                {
                    "source": history.source,
                    "mandate": source_step.mandate,
                    "mission": source_step.mission.id,
                    "date": source_step.date,
                    "resolutions": source_step.resolutions,
                    "gained": [labels.get(code, code) for code in source_step.gained],
                    "dropped": [labels.get(code, code) for code in source_step.dropped],
                }
            )
    return sorted(rows, key=lambda r: (r["date"] or "", r["source"], r["mandate"]))


def timeline(evolution: models.MandateEvolution) -> dict[str, Any]:
    markers = _markers(evolution)
    dates = {m["resolution"]: m["date"] for m in markers if m["date"]}
    return {
        "series": _ceiling_series(evolution, dates) + _strength_series(evolution),
        "markers": markers,
        "steps": _steps(evolution),
    }
