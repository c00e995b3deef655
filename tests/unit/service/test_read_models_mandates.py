"""Mandate evolution from hand-built `mandate_evolution` rows, without Neo4j."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from service.read_models.mandate_evolution import COLUMNS, along_precedes, mandate_evolution, table

pytestmark = pytest.mark.unit

ALPHA = {"id": "alpha", "name": "Alpha Mission", "acronym": "ALM"}
BETA = {"id": "beta", "name": "Beta Mission", "acronym": None}


def _figure(mandate: str, measure: str, value: float) -> dict[str, Any]:
    return {
        "id": f"{mandate}-{measure}",
        "measure": measure,
        "value": value,
        "refers_to": None,
        "description": None,
        "source": "thesis",
        "section": "4.1",
        "line": 40,
        "quote": None,
    }


def _task(task: str) -> dict[str, Any]:
    return {"id": task, "pref_label": task.title(), "source": "thesis", "section": "4.2", "line": 50, "quote": None}


def _row(
    mandate: str,
    mission: dict[str, Any],
    number: int | None,
    previous: str | None,
    tasks: Sequence[str] = (),
    figures: Sequence[tuple[str, float]] = (),
    section: str | None = "3.2",
) -> dict[str, Any]:
    resolution = (
        {
            "id": f"s-res-{number}",
            "number": number,
            "year": 2000 + number % 100,
            "date": None,
            "action": ["establishes"],
            "summary": None,
            "un_digital_library": None,
            "source": "un",
            "section": None,
            "line": 7,
        }
        if number is not None
        else None
    )
    return {
        "mandate": {"id": mandate, "source": "thesis", "section": section, "line": 12, "page": None, "quote": None},
        "mission": mission,
        "resolution": resolution,
        "previous": previous,
        "tasks": [_task(t) for t in tasks],
        "figures": [_figure(mandate, m, v) for m, v in figures],
    }


# Alpha's two mandates, then Beta (its successor); given out of order, as the statement may.
ROWS = [
    _row("beta-1", BETA, 120, "alpha-2", ["monitor", "stabilise"], [("troop-ceiling", 5500), ("police-ceiling", 150)]),
    _row("alpha-2", ALPHA, 110, "alpha-1", [], [("troop-ceiling", 5500), ("budget", 1e6)]),
    _row("alpha-1", ALPHA, 100, None, ["protect", "monitor"], [("troop-ceiling", 5000), ("police-ceiling", 100)]),
]


def test_mandates_follow_precedes_across_missions() -> None:
    answer = mandate_evolution(ALPHA, ROWS)
    assert [m.mandate for m in answer.mandates] == ["alpha-1", "alpha-2", "beta-1"]
    assert [m.previous for m in answer.mandates] == [None, "alpha-1", "alpha-2"]
    assert [m.id for m in answer.missions] == ["alpha", "beta"]
    assert answer.mission.model_dump() == {"id": "alpha", "name": "Alpha Mission", "acronym": "ALM"}


def test_separate_chains_go_by_their_first_resolution_and_each_is_walked_to_its_end() -> None:
    rows = [
        _row("late-2", ALPHA, 95, "late-1"),
        _row("early-2", ALPHA, 130, "early-1"),
        _row("late-1", ALPHA, 90, None),
        _row("early-1", ALPHA, 80, None),
        # Its predecessor is not among the rows: it starts a chain of its own.
        _row("orphan", ALPHA, 85, "elsewhere"),
    ]
    assert [r["mandate"]["id"] for r in along_precedes(rows)] == ["early-1", "early-2", "orphan", "late-1", "late-2"]


def test_ceilings_change_against_the_last_value_of_the_same_measure() -> None:
    steps = mandate_evolution(ALPHA, ROWS).mandates
    seen = [[(c.measure, c.value, c.previous, c.change) for c in s.ceilings] for s in steps]
    assert seen == [
        [("police-ceiling", 100, None, None), ("troop-ceiling", 5000, None, None)],
        # The budget is a figure, not a ceiling.
        [("troop-ceiling", 5500, 5000, 500)],
        # Police: against alpha-1, since alpha-2 set none.
        [("police-ceiling", 150, 100, 50), ("troop-ceiling", 5500, 5500, 0)],
    ]
    assert steps[0].ceilings[0].source == "thesis"
    assert steps[0].ceilings[0].line == 40


def test_tasks_added_and_not_restated_against_the_tasks_in_force() -> None:
    first, silent, successor = mandate_evolution(ALPHA, ROWS).mandates
    assert [t.id for t in first.tasks or []] == ["monitor", "protect"]
    assert (first.tasks_added, first.tasks_removed, first.tasks_not_restated) == (["monitor", "protect"], [], [])
    assert (silent.tasks, silent.tasks_added, silent.tasks_removed) == (None, None, None)
    # The thesis's rule accumulates: a task the successor does not restate is not removed (the
    # defect was to report "protect" as removed), it is still in force, not restated.
    assert (successor.tasks_added, successor.tasks_removed) == (["stabilise"], [])
    assert successor.tasks_not_restated == ["protect"]


def test_resolution_and_sources() -> None:
    step = mandate_evolution(ALPHA, ROWS).mandates[0]
    assert step.resolution is not None
    assert (step.resolution.number, step.resolution.year, step.resolution.missions) == (100, 2000, [])
    assert step.resolution_source is not None
    assert step.resolution_source.model_dump(exclude_none=True) == {"source": "un", "line": 7}
    assert step.source.model_dump(exclude_none=True) == {"source": "thesis", "section": "3.2", "line": 12}


def test_a_mandate_without_resolution() -> None:
    (step,) = mandate_evolution(ALPHA, [_row("alpha-0", ALPHA, None, None)]).mandates
    assert (step.resolution, step.resolution_source) == (None, None)
    assert (step.ceilings, step.tasks) == ([], None)


def test_a_mission_without_mandates() -> None:
    answer = mandate_evolution(BETA, [])
    assert (answer.mandates, answer.missions) == ([], [])


def test_table_has_one_row_per_mandate() -> None:
    rows = table(mandate_evolution(ALPHA, [*ROWS, _row("alpha-9", ALPHA, None, "beta-1", section=None)]))
    assert [set(r) for r in rows] == [set(COLUMNS)] * 4
    assert rows[0] == {
        "mandate": "alpha-1",
        "mission": "alpha",
        "resolution": 100,
        "year": 2000,
        "action": ["establishes"],
        "ceilings": ["police-ceiling=100", "troop-ceiling=5000"],
        "tasks_added": ["monitor", "protect"],
        "tasks_removed": [],
        "source": "thesis 3.2 line 12",
        "instrument": None,
        "date": None,
        "acts": None,
        "tasks_not_restated": [],
        "tasks_in_force": None,
        "project_tasks_added": ["monitor", "protect"],
        "project_tasks_removed": [],
    }
    assert rows[1]["tasks_added"] is None
    assert (rows[3]["resolution"], rows[3]["year"], rows[3]["action"]) == (None, None, None)
    assert rows[3]["source"] == "thesis  line 12"
