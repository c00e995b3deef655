"""The resources at their IRIs, `{base}{type}/{id}`: one face per resource, negotiated.

HTML for a browser (the linked-data page), JSON for an app (the API model where the type has one,
with its `@id`; else the linked-data JSON view), and the five RDF serialisations of its concise
bounded description. The plural API paths (`/missions/{id}`, ...) redirect here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from service import evidence
from service.deps import ReaderDep
from service.details import DETAILS, read_detail
from service.evidence import Expand
from service.formats import JSON, RESOURCE, Format
from service.models import ErrorBody, Evidence
from service.rdf.describe import Description, describe_node, describe_relation, describe_scheme
from service.rdf.iris import TYPES
from service.rdf.mapping import DERIVED_FROM
from service.rdf.state import rdf_state

router = APIRouter(tags=["resources"])
ANSWERS = {**RESOURCE.responses(), 404: {"model": ErrorBody, "description": "no such resource"}}


def _resource_route(segment: str) -> None:
    detail = DETAILS.get(segment)

    @RESOURCE
    async def resource(request: Request, graph: ReaderDep, id: str, fmt: Format) -> BaseModel | Description:
        mapper = rdf_state(request).mapper
        if fmt is JSON and detail is not None:
            found = await read_detail(graph, segment, id)
            found.iri = f"{mapper.base}{segment}/{id}"
            return found
        return await describe_node(graph, mapper, segment, id)

    router.add_api_route(
        f"/{segment}/{{id}}",
        resource,
        methods=["GET"],
        summary=f"The {segment} IRI: HTML, JSON or RDF (its concise bounded description)",
        response_model=detail.model if detail else None,
        responses=ANSWERS,
        name=f"rdf_{segment}",
    )


for _segment in TYPES.values():
    _resource_route(_segment)


@dataclass(frozen=True)
class EvidencedRelation(Description):
    """A relation's description with its supporting claims inline (`expand=evidence`): JSON adds
    `claims`; HTML and RDF are the description's."""

    claims: tuple[Evidence, ...] = ()

    def json_view(self, base: str) -> dict[str, Any]:
        return {**super().json_view(base), "claims": [claim.model_dump() for claim in self.claims]}


@router.get(
    "/relation/{id}",
    summary="An evidenced actor relation, or a Council seat, contribution or deployment: HTML, JSON or RDF",
    responses=ANSWERS,
    response_model=None,
)
@RESOURCE
async def relation(request: Request, graph: ReaderDep, id: str, expand: Expand = None) -> Description:
    mapper = rdf_state(request).mapper
    found = await describe_relation(graph, mapper, id)
    if not expand:
        return found
    # the claims it was derived from: prov:wasDerivedFrom <{base}claim/{id}>
    claim_iri = f"{mapper.base}claim/"
    ids = [str(q[2])[len(claim_iri) :] for q in found.quads if q[1] == DERIVED_FROM and str(q[2]).startswith(claim_iri)]
    claims = evidence.pick(await evidence.claims_by_id(graph, ids), ids)
    return EvidencedRelation(found.subject, found.type, found.id, found.label, found.quads, tuple(claims))


@router.get(
    "/scheme/{id}",
    summary="A SKOS concept scheme (task, code; pema, tamm: the sources' own task codings)",
    responses=ANSWERS,
    response_model=None,
)
@RESOURCE
async def scheme(request: Request, graph: ReaderDep, id: str) -> Description:
    return await describe_scheme(graph, rdf_state(request).mapper, id)
