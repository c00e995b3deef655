"""How a mission's mandate changed, resolution by resolution, across predecessor and successor missions.

Input: the `mission` row of the mission asked for and the rows of `mandate_evolution` (one per curated
mandate, with its resolution, tasks, figures and the mandate it follows, in no particular order); for
the public sources the rows of `mandate_evolution_sources` (one per PEMA or TAMM mandate) and of
`mission_strength` (the personnel sources' monthly figures).

Tasks carry forward by each source's own rule (schema.registry.CARRY_FORWARD, the same rule as the
readers' `tasks_gained_and_dropped` in ingest.public.pema / .tamm): the thesis and PEMA code what a
resolution states, so a task a later mandate does not restate is `not_restated`, still in force,
never removed; TAMM codes the full vector in force, so a task absent from a later mandate was
dropped by it. Each source's mandates stay apart, in its own codes, with the project's tasks
beside them through the SKOS mappings (exact, close and broad matches: a narrowMatch's project
task is narrower than the source's, so it is shown per task but not counted as in force).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from schema import registry
from service import models
from service.tabular import Table, tabulates

CEILINGS = {"troop-ceiling", "police-ceiling", "military-observer-ceiling"}
COLUMNS = [
    "mandate",
    "mission",
    "resolution",
    "year",
    "action",
    "ceilings",
    "tasks_added",
    "tasks_removed",
    "source",
    "instrument",
    "date",
    "acts",
    "tasks_not_restated",
    "tasks_in_force",
    "project_tasks_added",
    "project_tasks_removed",
]
THESIS = "thesis"
# Matches whose project task is no narrower than the source's task: these put it in force.
IN_FORCE_MATCHES = {"EXACT_MATCH", "CLOSE_MATCH", "BROAD_MATCH"}


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
        resolution=models.ResolutionSummary(**resolution) if resolution else None,
        resolution_source=models.Provenance(**{k: resolution.get(k) for k in ("source", "section", "line")})
        if resolution
        else None,
        previous=row["previous"],
        ceilings=ceilings,
        tasks=[models.TaskOut(**t) for t in tasks] if tasks else None,
        # A mandate whose tasks the thesis does not give is compared with nothing, and skipped.
        # The thesis's rule accumulates: it never says a task ended, so none is removed.
        tasks_added=None if known is None else sorted(known - (last_tasks or set())),
        tasks_removed=None if known is None else [],
        tasks_not_restated=None if known is None else sorted((last_tasks or set()) - known),
        source=models.Provenance(**{k: v for k, v in row["mandate"].items() if k != "id"}),
    )


def mandate_evolution(
    mission: dict[str, Any],
    rows: list[dict[str, Any]],
    source_rows: list[dict[str, Any]] | None = None,
    strength_rows: list[dict[str, Any]] | None = None,
    at: datetime.date | None = None,
) -> models.MandateEvolution:
    """The mandates in order, each with its ceilings' changes and the tasks added and not restated
    (the thesis's view); each public source's history by its own rule; strength over time; and,
    with `at`, the mandate each source has in force that day."""
    last_ceiling: dict[str, float] = {}
    last_tasks: set[str] | None = None
    steps: list[models.MandateStep] = []
    for row in along_precedes(rows):
        tasks = sorted(row["tasks"], key=lambda t: t["id"])
        steps.append(_step(row, _ceilings(row["figures"], last_ceiling), tasks, last_tasks))
        if tasks:
            # accumulates: a task stays in force until the source says it ended
            last_tasks = (last_tasks or set()) | {t["id"] for t in tasks}
    histories = source_histories(source_rows or [])
    missions = {s.mission.id: s.mission for s in steps}
    for history in histories:
        for step in history.mandates:
            missions.setdefault(step.mission.id, step.mission)
    return models.MandateEvolution(
        mission=models.Ref(id=mission["id"], name=mission.get("name"), acronym=mission.get("acronym")),
        missions=list(missions.values()),
        mandates=steps,
        sources=histories,
        strength=strength_changes(strength_rows or []),
        at=at.isoformat() if at else None,
        in_force=None if at is None else in_force_at(at, rows, steps, histories),
    )


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    """As the source's reader orders them: PEMA by resolution number (numbers follow adoption order;
    PEMA's own dates swap day and month in some rows), TAMM by first month in force (its instruments
    include SG reports, which have no number)."""
    mandate = row["mandate"]
    numbers = mandate.get("resolution_numbers") or [0]
    if mandate["coding"] == "pema":
        return (min(numbers), mandate.get("date") or "")
    return (mandate.get("date") or "", min(numbers))


def _project(tasks: Iterable[dict[str, Any]], codes: set[str]) -> set[str]:
    return {p["task"] for t in tasks if t["code"] in codes for p in t["project"] if p["match"] in IN_FORCE_MATCHES}


def source_histories(rows: list[dict[str, Any]]) -> list[models.SourceHistory]:
    """Per source, its mandates in order, each with the tasks gained and dropped by the source's rule."""
    by_source: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_source.setdefault(row["mandate"]["coding"], []).append(row)
    histories = []
    for source in sorted(by_source):
        rule = registry.CARRY_FORWARD[source]
        in_force: set[str] = set()
        project_in_force: set[str] = set()
        known: dict[str, dict[str, Any]] = {}
        steps = []
        for row in sorted(by_source[source], key=_order):
            tasks = sorted(row["tasks"], key=lambda t: (t["code"], t.get("modality") or ""))
            for task in tasks:
                known[task["code"]] = task
            coded = {t["code"] for t in tasks}
            after = coded if rule == "full-vector" else in_force | coded
            project_after = _project(known.values(), after)
            mandate = row["mandate"]
            steps.append(
                models.SourceMandateStep(
                    mandate=mandate["id"],
                    mission=models.Ref(**row["mission"]),
                    source=models.SourceLocator(source=mandate["source"], file=mandate["file"], row=mandate["row"]),
                    instrument=mandate.get("instrument"),
                    instrument_kind=mandate.get("instrument_kind"),
                    resolutions=list(mandate.get("resolution_numbers") or []),
                    date=mandate.get("date"),
                    chapter_vii=mandate.get("chapter_vii"),
                    acts=sorted(
                        (models.MandateActOut(**a) for a in row["acts"]),
                        key=lambda a: (a.resolution, a.source or "", a.file or "", a.row or 0, a.column or ""),
                    ),
                    tasks=[models.CodedTask(**t) for t in tasks],
                    gained=sorted(coded - in_force),
                    dropped=sorted(in_force - after),
                    not_restated=sorted(after - coded),
                    in_force=sorted(after),
                    project_gained=sorted(project_after - project_in_force),
                    project_dropped=sorted(project_in_force - project_after),
                    project_in_force=sorted(project_after),
                    note=mandate.get("note"),
                )
            )
            in_force, project_in_force = after, project_after
        histories.append(
            models.SourceHistory(
                source=source, carry_forward=rule, rule=registry.CARRY_FORWARD_RULES[rule], mandates=steps
            )
        )
    return histories


def strength_changes(rows: list[dict[str, Any]]) -> list[models.StrengthPoint]:
    """The months where a (mission, measure, source) value changes, the first month included."""
    last: dict[tuple[str, str, str], float] = {}
    out = []
    for row in sorted(rows, key=lambda r: (r["month"], r["measure"], r.get("source") or "", r["mission"])):
        key = (row["mission"], row["measure"], row.get("source") or "")
        if last.get(key) != row["value"]:
            out.append(models.StrengthPoint(**row))
            last[key] = row["value"]
    return out


def _on_or_before(when: str | None, at: datetime.date) -> bool:
    """A date (YYYY-MM-DD) or month (YYYY-MM: in force from its first day) no later than `at`."""
    return when is not None and when <= at.isoformat()[: len(when)]


def in_force_at(
    at: datetime.date,
    rows: list[dict[str, Any]],
    steps: list[models.MandateStep],
    histories: list[models.SourceHistory],
) -> list[models.MandateInForce]:
    """Per source, the last mandate adopted (or first in force) on or before `at`, with its tasks then."""
    out = []
    dates = {r["mandate"]["id"]: (r["resolution"] or {}).get("date") for r in rows}
    tasks: set[str] = set()
    current: models.MandateStep | None = None
    for step in steps:
        if not _on_or_before(dates.get(step.mandate), at):
            continue
        current = step
        tasks |= {t.id for t in step.tasks or []}
    if current is not None:
        out.append(
            models.MandateInForce(
                source=THESIS,
                mandate=current.mandate,
                mission=current.mission.id,
                instrument=str(current.resolution.number) if current.resolution else None,
                date=dates.get(current.mandate),
                tasks=sorted(tasks),
                project_tasks=sorted(tasks),
            )
        )
    for history in histories:
        before = [s for s in history.mandates if _on_or_before(s.date, at)]
        if before:
            last = before[-1]
            out.append(
                models.MandateInForce(
                    source=history.source,
                    mandate=last.mandate,
                    mission=last.mission.id,
                    instrument=last.instrument,
                    date=last.date,
                    tasks=last.in_force,
                    project_tasks=last.project_in_force,
                )
            )
    return out


def table(evolution: models.MandateEvolution, sources: Iterable[str] = (THESIS,)) -> list[dict[str, Any]]:
    """One row per mandate of the sources asked for (the thesis's by default), for CSV (`COLUMNS`)."""
    wanted = set(sources)
    rows = _thesis_table(evolution) if THESIS in wanted else []
    for history in evolution.sources:
        if history.source not in wanted:
            continue
        for step in history.mandates:
            where = step.source
            rows.append(
                {
                    "mandate": step.mandate,
                    "mission": step.mission.id,
                    "resolution": step.resolutions,
                    "year": step.date[:4] if step.date else None,
                    "action": sorted({a.act for a in step.acts if a.source == history.source}),
                    "ceilings": [],
                    "tasks_added": step.gained,
                    "tasks_removed": step.dropped,
                    "source": f"{where.source} {where.file} row {where.row}",
                    "instrument": step.instrument,
                    "date": step.date,
                    "acts": [f"{a.act} {a.resolution} ({a.source})" for a in step.acts],
                    "tasks_not_restated": step.not_restated,
                    "tasks_in_force": step.in_force,
                    "project_tasks_added": step.project_gained,
                    "project_tasks_removed": step.project_dropped,
                }
            )
    return rows


def _thesis_table(evolution: models.MandateEvolution) -> list[dict[str, Any]]:
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
            "instrument": None,
            "date": s.resolution.date if s.resolution else None,
            "acts": None,
            "tasks_not_restated": s.tasks_not_restated,
            "tasks_in_force": None,
            # the thesis codes in the project's scheme itself
            "project_tasks_added": s.tasks_added,
            "project_tasks_removed": s.tasks_removed,
        }
        for s in evolution.mandates
    ]


@tabulates(models.MandateEvolution)
def csv_table(evolution: models.MandateEvolution) -> Table:
    return Table(COLUMNS, table(evolution, evolution.csv_sources), f"mandate-evolution-{evolution.mission.id}")
