"""How a mission's mandate changed, resolution by resolution, across predecessor and successor missions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from schema import registry
from service import models
from service.deps import ReaderDep
from service.errors import NotFound
from service.formats import TABULAR
from service.read_models import mandate_evolution as read_model

router = APIRouter(tags=["mandates"])


@router.get(
    "/missions/{id}/mandate-evolution",
    response_model=models.MandateEvolution,
    responses={**TABULAR.responses("JSON, or CSV on request"), 404: {"model": models.ErrorBody}},
    summary="A mission's mandates in order, with its predecessors and successors",
)
@TABULAR
async def mandate_evolution(
    graph: ReaderDep,
    id: Annotated[str, Path(pattern=registry.ID_PATTERN)],
) -> models.MandateEvolution:
    found = await graph.read("mission", id=id)
    if not found:
        raise NotFound(f"no mission {id!r}")
    return read_model.mandate_evolution(found[0]["mission"], await graph.read("mandate_evolution", id=id))
