"""How a mission's mandate changed, resolution by resolution, across predecessor and successor missions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from schema import registry
from service import models
from service.deps import ReaderDep
from service.errors import NotFound
from service.read_models import mandate_evolution as read_model
from service.tabular import CSV_RESPONSE, FormatParam, csv_response, wants_csv

router = APIRouter(tags=["mandates"])


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
    answer = read_model.mandate_evolution(found[0]["mission"], await graph.read("mandate_evolution", id=id))
    if wants_csv(request, fmt):
        return csv_response(read_model.table(answer), read_model.COLUMNS, f"mandate-evolution-{id}")
    return answer
