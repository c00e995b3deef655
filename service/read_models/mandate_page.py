"""A mandate's page for people: one step of its mission's mandate evolution, with what is in force.

Input: the mission's mandate evolution (service.read_models.mandate_evolution, the one place the
sources' carry-forward rules are applied), the mandate's id and the ids of the other sources'
mandates for the same mission and resolution. The thesis's (curated) mandates carry its ceilings;
the ceilings in force at a mandate are the last of each measure up to it along the mandate chain,
which runs on across a mission's predecessors and successors as the evolution does.
"""

from __future__ import annotations

from typing import Any

from service import models
from service.errors import NotFound
from service.read_models.mandate_evolution import THESIS


def _thesis(evolution: models.MandateEvolution, mandate: str) -> tuple[models.MandateStep, list[dict[str, Any]]]:
    in_force: dict[str, dict[str, Any]] = {}
    for step in evolution.mandates:
        for ceiling in step.ceilings:
            in_force[ceiling.measure] = {**ceiling.model_dump(), "set_by": step.mandate}
        if step.mandate == mandate:
            return step, sorted(in_force.values(), key=lambda c: c["measure"])
    raise NotFound(f"no mandate {mandate!r} in the mandate evolution of {evolution.mission.id!r}")


def _of_source(
    evolution: models.MandateEvolution, mandate: str
) -> tuple[models.SourceHistory, models.SourceMandateStep]:
    for history in evolution.sources:
        for step in history.mandates:
            if step.mandate == mandate:
                return history, step
    raise NotFound(f"no mandate {mandate!r} in the mandate evolution of {evolution.mission.id!r}")


def _neighbours(ids: list[str], mandate: str) -> dict[str, str | None]:
    at = ids.index(mandate)
    return {"previous": ids[at - 1] if at else None, "next": ids[at + 1] if at + 1 < len(ids) else None}


def mandate_page(
    evolution: models.MandateEvolution, mandate: str, coding: str | None, corresponding: list[str]
) -> dict[str, Any]:
    """The page's data: `thesis` (the curated step and its ceilings in force) or `coded` (a public
    source's step and its rule), the other sources' steps for the same resolution, and the chain."""
    thesis_ids = {s.mandate for s in evolution.mandates}
    others = [_of_source(evolution, m) for m in corresponding if m not in thesis_ids]
    data: dict[str, Any] = {
        "segment": "mandate",
        "id": mandate,
        "source": coding or THESIS,
        "mission": evolution.mission.model_dump(),
        "missions": [m.model_dump() for m in evolution.missions],
    }
    if coding is None:
        step, ceilings = _thesis(evolution, mandate)
        data["thesis"] = step.model_dump()
        data["ceilings_in_force"] = ceilings
        data["chain"] = _neighbours([s.mandate for s in evolution.mandates], mandate)
        data["resolutions"] = [step.resolution.number] if step.resolution else []
    else:
        history, coded = _of_source(evolution, mandate)
        data["coded"] = {**coded.model_dump(), "carry_forward": history.carry_forward, "rule": history.rule}
        data["chain"] = _neighbours([s.mandate for s in history.mandates], mandate)
        data["resolutions"] = coded.resolutions
    data["corresponding"] = {
        "thesis": sorted(m for m in corresponding if m in thesis_ids),
        "sources": [
            {**step.model_dump(), "carry_forward": history.carry_forward, "rule": history.rule}
            for history, step in others
        ],
    }
    return data
