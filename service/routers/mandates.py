"""How a mission's mandate changed, resolution by resolution, across predecessor and successor missions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from schema import registry
from service import models
from service.deps import ReaderDep
from service.errors import NotFound
from service.tabular import CSV_RESPONSE, FormatParam, csv_response, wants_csv

router = APIRouter(tags=["mandates"])
CEILINGS = {"troop-ceiling", "police-ceiling", "military-observer-ceiling"}
COLUMNS = ["mandate", "mission", "resolution", "year", "action", "ceilings", "tasks_added", "tasks_removed", "source"]


def _along_precedes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
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


def _provenance(row: dict[str, Any] | None) -> models.Provenance | None:
    return models.Provenance(**row) if row else None


@router.get(
    "/missions/{id}/mandate-evolution",
    response_model=models.MandateEvolution,
    responses={**CSV_RESPONSE, 404: {"model": models.ErrorBody}},
    summary="A mission's mandates in order, with its predecessors and successors",
)
async def mandate_evolution(
    graph: ReaderDep,
    request: Request,
    id: Annotated[str, Path(pattern=registry.ID_PATTERN)],
    fmt: FormatParam = None,
) -> Any:
    found = await graph.read("mission", id=id)
    if not found:
        raise NotFound(f"no mission {id!r}")
    mission = found[0]["mission"]
    rows = _along_precedes(await graph.read("mandate_evolution", id=id))
    last_ceiling: dict[str, float] = {}
    last_tasks: set[str] | None = None
    steps: list[models.MandateStep] = []
    for row in rows:
        ceilings = []
        for figure in sorted(row["figures"], key=lambda f: f["measure"]):
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
        tasks = sorted(row["tasks"], key=lambda t: t["id"])
        known = {t["id"] for t in tasks} if tasks else None
        added = removed = None
        if known is not None:
            added = sorted(known - (last_tasks or set()))
            removed = sorted((last_tasks or set()) - known)
            last_tasks = known
        resolution = row["resolution"]
        steps.append(
            models.MandateStep(
                mandate=row["mandate"]["id"],
                mission=models.Ref(**row["mission"]),
                resolution=models.ResolutionSummary(**resolution, missions=[]) if resolution else None,
                resolution_source=_provenance({k: resolution.get(k) for k in ("source", "section", "line")})
                if resolution
                else None,
                previous=row["previous"],
                ceilings=ceilings,
                tasks=[models.TaskOut(**t) for t in tasks] if tasks else None,
                tasks_added=added,
                tasks_removed=removed,
                source=models.Provenance(**{k: v for k, v in row["mandate"].items() if k != "id"}),
            )
        )
    missions = {s.mission.id: s.mission for s in steps}
    answer = models.MandateEvolution(
        mission=models.Ref(id=mission["id"], name=mission.get("name"), acronym=mission.get("acronym")),
        missions=list(missions.values()),
        mandates=steps,
    )
    if wants_csv(request, fmt):
        table = [
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
            for s in steps
        ]
        return csv_response(table, COLUMNS, f"mandate-evolution-{id}")
    return answer
