"""The thesis's personnel figures next to the public sources' strength of the same mission and period.

In: the mission's Figure records (its own and its mandates') and its Strength series (Passmore,
IPI). Out: one `Corroboration` per comparable figure, naming every witness with its value and
locator, the outcome, and which witness is preferred by `RULE`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from service import models

# Thesis figure measure -> the Strength measure that counts the same people.
COMPARABLE: dict[str, str] = {
    "troop-ceiling": "authorised_troops",
    "police-ceiling": "authorised_police",
    "military-observer-ceiling": "authorised_observers",
    "troops": "deployed_troops",
    "police": "deployed_police",
    "military-observers": "deployed_observers",
}
RULE = (
    "A figure dated to a month is compared with the public value of that month, one dated to a year "
    "with the values of every month of that year (a ceiling counts in each month from its change to the "
    "next, up to the mission's last month of data). Equal: the witnesses corroborate each other. "
    "Different: each value is shown; the public source's value of the latest month compared is preferred, "
    "since it is dated to the month and read from the UN's own monthly records, while the thesis quotes "
    "a figure without a month or its counting rule (Passmore's observer coding: see the strength series)."
)


def _months(refers_to: str) -> list[str]:
    if len(refers_to) == 4:
        return [f"{refers_to}-{m:02d}" for m in range(1, 13)]
    return [refers_to[:7]]


def _witness(point: models.StrengthOut, month: str) -> models.Witness:
    return models.Witness(
        source=point.source,
        value=point.value,
        month=month,
        strength=point.id,
        file=point.file,
        row=point.row,
        column=point.column,
        corroborated_by=point.corroborated_by,
    )


def _in_force(series: list[models.StrengthOut], measure: str, months: list[str]) -> list[models.Witness]:
    """The public values of `measure` in `months`: a deployed node of the month; a ceiling from its change on."""
    points = sorted((s for s in series if s.measure == measure), key=lambda s: (s.month, s.source))
    if measure.startswith("deployed_"):
        return [_witness(p, p.month) for p in points if p.month in months]
    last = max((s.month for s in series), default="")
    found = []
    for month in months:
        if month > last:
            break
        held = [p for p in points if p.month <= month]
        if held:
            found.append(_witness(held[-1], month))
    return found


def _compared(figure: dict[str, Any], owner: str, series: list[models.StrengthOut]) -> models.Corroboration | None:
    refers_to = figure.get("refers_to")
    measure = COMPARABLE[figure["measure"]]
    if not refers_to:
        return None  # undated: nothing to compare with
    public = _in_force(series, measure, _months(refers_to))
    if not public:
        return None
    thesis = models.FigureOut(**figure)
    agreeing = [w for w in public if w.value == thesis.value]
    if agreeing:
        witnesses = _distinct(agreeing)
        return models.Corroboration(
            figure=thesis, owner=owner, measure=measure, outcome="corroborated", public=witnesses, preferred=None
        )
    witnesses = _distinct(public)
    preferred = public[-1]
    return models.Corroboration(
        figure=thesis,
        owner=owner,
        measure=measure,
        outcome="differs",
        public=witnesses,
        preferred=preferred.strength,
    )


def _distinct(witnesses: Iterable[models.Witness]) -> list[models.Witness]:
    """One witness per node (a ceiling in force over several months is one value): its first month."""
    seen: dict[str | None, models.Witness] = {}
    for w in witnesses:
        seen.setdefault(w.strength, w)
    return list(seen.values())


def corroboration(rows: list[dict[str, Any]], series: list[models.StrengthOut]) -> list[models.Corroboration]:
    found = (_compared(row["figure"], row["owner"], series) for row in rows)
    return [c for c in found if c is not None]
