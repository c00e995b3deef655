"""The API model of one resource, by IRI type: what `GET /{type}/{id}` answers as JSON.

Mission, organisation, resolution, interview, claim and finding have one (read by the statement of the same
name, assembled by service.read_models.details); the other IRI types answer JSON with their
linked-data view (service.rdf.describe).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from service import models
from service.errors import NotFound
from service.graph_reader import GraphReader
from service.rdf.iris import IRI_KEYS, LABELS
from service.read_models import details


@dataclass(frozen=True)
class Detail:
    model: type[models.Identified]
    assemble: Callable[[dict[str, Any]], models.Identified]


# IRI type segment -> its API model; the statement `queries/<segment>.cypher` reads it.
DETAILS: dict[str, Detail] = {
    "mission": Detail(models.MissionDetail, details.mission),
    "organisation": Detail(models.OrganisationDetail, details.organisation),
    "resolution": Detail(models.ResolutionDetail, details.resolution),
    "interview": Detail(models.InterviewDetail, details.interview),
    "claim": Detail(models.ClaimDetail, details.claim),
    "finding": Detail(models.FindingDetail, details.finding),
}


async def read_detail(graph: GraphReader, segment: str, key: str) -> models.Identified:
    detail = DETAILS[segment]
    by_number = IRI_KEYS.get(LABELS[segment]) == "number"  # a resolution's IRI carries its number
    if by_number and not key.isdigit():
        raise NotFound(f"a {segment} IRI ends with its number, e.g. /resolution/1244, not {key!r}")
    params: dict[str, Any] = {"number": int(key)} if by_number else {"id": key}
    rows = await graph.read(segment, **params)
    if not rows:
        raise NotFound(f"no {segment} {key!r}")
    return detail.assemble(rows[0])
