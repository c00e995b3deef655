"""How a mission's mandate changed, resolution by resolution, across predecessor and successor missions."""

from __future__ import annotations

import asyncio
import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from schema import registry
from service import models
from service.deps import ReaderDep
from service.errors import BadInput, NotFound
from service.formats import TABULAR
from service.graph_reader import GraphReader
from service.read_models import mandate_evolution as read_model

router = APIRouter(tags=["mandates"])
# A calendar day as the document says (`format: date`): pydantic's date would also take `0`
# (a Unix time) and answer for 1970-01-01.
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def _day(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"at: {text!r} is not a calendar day (YYYY-MM-DD)") from None


# The sources whose mandates a CSV answer may list (`all`: every one).
CsvSource = Literal["thesis", "pema", "tamm", "all"]


async def read_evolution(graph: GraphReader, id: str, at: datetime.date | None = None) -> models.MandateEvolution:
    """A mission's mandate evolution (also drawn on its page, service.routers.explore)."""
    # Independent reads, so at once: the answer waits for the slowest, not for their sum.
    found, mandates, sources, strength = await asyncio.gather(
        graph.read("mission", id=id),
        graph.read("mandate_evolution", id=id),
        graph.read("mandate_evolution_sources", id=id),
        graph.read("mission_strength", id=id),
    )
    if not found:
        raise NotFound(f"no mission {id!r}")
    return read_model.mandate_evolution(found[0]["mission"], mandates, sources, strength, at)


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
    at: Annotated[
        str | None,
        Query(
            pattern=ISO_DATE,
            json_schema_extra={"format": "date"},
            description="YYYY-MM-DD: the mandate each source has in force that day",
        ),
    ] = None,
    source: Annotated[
        list[CsvSource] | None,
        Query(description="CSV rows of these sources (default: the thesis's mandates); JSON gives every source"),
    ] = None,
) -> models.MandateEvolution:
    answer = await read_evolution(graph, id, _day(at))  # a bad day is refused before Neo4j is asked
    chosen: set[str] = set(source or []) or {read_model.THESIS}
    if "all" in chosen:
        chosen = {read_model.THESIS, *registry.CARRY_FORWARD}
    return answer.model_copy(update={"csv_sources": sorted(chosen)})
