"""How a mission's mandate changed, resolution by resolution, across predecessor and successor missions.

Input: the `mission` row of the mission asked for and the rows of `mandate_evolution` (one per mandate,
with its resolution, tasks, figures and the mandate it follows, in no particular order).
"""

from __future__ import annotations

from typing import Any

from service import models
from service.tabular import Table, tabulates

CEILINGS = {"troop-ceiling", "police-ceiling", "military-observer-ceiling"}
COLUMNS = ["mandate", "mission", "resolution", "year", "action", "ceilings", "tasks_added", "tasks_removed", "source"]


def along_precedes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mandates in PRECEDES order; separate chains by their first resolution's number."""
    by_id = {row["mandate"]["id"]: row for row in rows}
    following: dict[str, list[str]] = {}
    for row in rows:
        if row["previous"] in by_id:
            following.setdefault(row["previous"], []).append(row["mandate"]["id"])

    def number(mandate_id: str) -> int:
        resolution = by_id[mandate_id]["resolution"]
        return int(resolution["number"]) if resolution else 0

    ordered: list[dict[str, Any]] = []
    pending = sorted((i for i, r in by_id.items() if r["previous"] not in by_id), key=number, reverse=True)
    while pending:
        current = pending.pop()
        ordered.append(by_id[current])
        pending.extend(sorted(following.get(current, []), key=number, reverse=True))
    return ordered


def _ceilings(figures: list[dict[str, Any]], last_ceiling: dict[str, float]) -> list[models.CeilingChange]:
    """The mandate's ceilings, each against the last value of its measure; updates `last_ceiling`."""
    ceilings = []
    for figure in sorted(figures, key=lambda f: f["measure"]):
        if figure["measure"] not in CEILINGS:
            continue
        previous = last_ceiling.get(figure["measure"])
        ceilings.append(
            models.CeilingChange(
                **{k: v for k, v in figure.items() if k != "id"},
                previous=previous,
                change=None if previous is None else figure["value"] - previous,
            )
        )
        last_ceiling[figure["measure"]] = figure["value"]
    return ceilings


def _step(
    row: dict[str, Any], ceilings: list[models.CeilingChange], tasks: list[dict[str, Any]], last_tasks: set[str] | None
) -> models.MandateStep:
    known = {t["id"] for t in tasks} if tasks else None
    resolution = row["resolution"]
    return models.MandateStep(
        mandate=row["mandate"]["id"],
        mission=models.Ref(**row["mission"]),
        resolution=models.ResolutionSummary(**resolution, missions=[]) if resolution else None,
        resolution_source=models.Provenance(**{k: resolution.get(k) for k in ("source", "section", "line")})
        if resolution
        else None,
        previous=row["previous"],
        ceilings=ceilings,
        tasks=[models.TaskOut(**t) for t in tasks] if tasks else None,
        # A mandate whose tasks the thesis does not give is compared with nothing, and skipped.
        tasks_added=None if known is None else sorted(known - (last_tasks or set())),
        tasks_removed=None if known is None else sorted((last_tasks or set()) - known),
        source=models.Provenance(**{k: v for k, v in row["mandate"].items() if k != "id"}),
    )


def mandate_evolution(mission: dict[str, Any], rows: list[dict[str, Any]]) -> models.MandateEvolution:
    """The mandates in order, each with its ceilings' changes and the tasks added and removed."""
    last_ceiling: dict[str, float] = {}
    last_tasks: set[str] | None = None
    steps: list[models.MandateStep] = []
    for row in along_precedes(rows):
        tasks = sorted(row["tasks"], key=lambda t: t["id"])
        steps.append(_step(row, _ceilings(row["figures"], last_ceiling), tasks, last_tasks))
        if tasks:
            last_tasks = {t["id"] for t in tasks}
    missions = {s.mission.id: s.mission for s in steps}
    return models.MandateEvolution(
        mission=models.Ref(id=mission["id"], name=mission.get("name"), acronym=mission.get("acronym")),
        missions=list(missions.values()),
        mandates=steps,
    )


def table(evolution: models.MandateEvolution) -> list[dict[str, Any]]:
    """One row per mandate, for CSV (columns `COLUMNS`)."""
    return [
        {
            "mandate": s.mandate,
            "mission": s.mission.id,
            "resolution": s.resolution.number if s.resolution else None,
            "year": s.resolution.year if s.resolution else None,
            "action": s.resolution.action if s.resolution else None,
            "ceilings": [f"{c.measure}={c.value:g}" for c in s.ceilings],
            "tasks_added": s.tasks_added,
            "tasks_removed": s.tasks_removed,
            "source": f"{s.source.source} {s.source.section or ''} line {s.source.line}",
        }
        for s in evolution.mandates
    ]


@tabulates(models.MandateEvolution)
def csv_table(evolution: models.MandateEvolution) -> Table:
    return Table(COLUMNS, table(evolution), f"mandate-evolution-{evolution.mission.id}")
