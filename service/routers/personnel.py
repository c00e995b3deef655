"""A mission's personnel: its strength series, who supplies it, and what a state supplies (each basis apart)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from schema import registry
from service import models
from service.deps import ReaderDep
from service.errors import BadInput, NotFound
from service.formats import TABULAR
from service.read_models import contributions as read_model
from service.read_models import corroboration

router = APIRouter(tags=["contributions"])

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
YEAR = r"^\d{4}$"


@router.get(
    "/missions/{id}/contributors",
    response_model=models.Contributors,
    responses={**TABULAR.responses("JSON, or CSV on request"), 400: {}, 404: {"model": models.ErrorBody}},
    summary="The states that supply a mission's personnel in a month or a year, ranked, by basis",
)
@TABULAR
async def contributors(
    graph: ReaderDep,
    id: Annotated[str, Path(pattern=registry.ID_PATTERN)],
    at: Annotated[str | None, Query(pattern=MONTH, description="a month, YYYY-MM (IPI's official count)")] = None,
    year: Annotated[
        str | None, Query(pattern=YEAR, description="a year, YYYY (IPI: its latest month with data; Geo-PKO)")
    ] = None,
) -> models.Contributors:
    if (at is None) == (year is None):
        raise BadInput("give either at=YYYY-MM or year=YYYY")
    found = await graph.read("mission_contributors", mission=id, month=at, year=year)
    if not found:
        raise NotFound(f"no mission {id!r}")
    return read_model.contributors(found[0], int(year) if year else None)


@router.get(
    "/organisations/{id}/contributions",
    response_model=models.Contributions,
    responses={**TABULAR.responses("JSON, or CSV on request"), 404: {"model": models.ErrorBody}},
    summary="A state's personnel contributions over time, per mission and month (and yearly estimates)",
)
@TABULAR
async def contributions(
    graph: ReaderDep, id: Annotated[str, Path(pattern=registry.ID_PATTERN)]
) -> models.Contributions:
    found = await graph.read("organisation_contributions", id=id)
    if not found:
        raise NotFound(f"no organisation {id!r}")
    return read_model.contributions(found[0])


@router.get(
    "/missions/{id}/strength",
    response_model=models.StrengthSeries,
    responses={**TABULAR.responses("JSON, or CSV on request"), 404: {"model": models.ErrorBody}},
    summary="A mission's ceilings and deployed strength by month, each sourced, and the thesis's figures beside them",
)
@TABULAR
async def strength(graph: ReaderDep, id: Annotated[str, Path(pattern=registry.ID_PATTERN)]) -> models.StrengthSeries:
    found = await graph.read("mission", id=id)
    if not found:
        raise NotFound(f"no mission {id!r}")
    series = await graph.read("mission_strength_series", id=id)
    figures = await graph.read("mission_figures", id=id, measures=list(corroboration.COMPARABLE))
    return read_model.strength_series(found[0]["mission"], series, figures)
