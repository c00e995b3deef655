"""Old plural detail paths (`/missions/{id}`, `/findings/{id}`, ...): each answers 308 to the
resource's IRI with the query string kept, and is documented with the model the IRI answers, so a
client reading the OpenAPI document learns what it gets once the redirect is followed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import RedirectResponse

from schema import registry
from service import models
from service.details import DETAILS

Id = Annotated[str, Path(pattern=registry.ID_PATTERN, max_length=registry.ID_MAX_LENGTH)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.ErrorBody, "description": "unknown id"}}


def to_iri(segment: str, key: str, request: Request) -> RedirectResponse:
    query = request.url.query
    return RedirectResponse(f"/{segment}/{key}" + (f"?{query}" if query else ""), status_code=308)


def moved(segment: str, key: str) -> dict[str, Any]:
    """The route's documentation: the model is what the IRI answers once the redirect is followed."""
    return {
        "response_model": DETAILS[segment].model,
        "responses": {
            308: {
                "description": f"permanent redirect to the IRI /{segment}/{{{key}}}, the query string kept",
                "headers": {"Location": {"schema": {"type": "string"}, "description": "the IRI's path"}},
            },
            **NOT_FOUND,
        },
        "summary": f"One {segment}: 308 to its IRI /{segment}/{{{key}}}, which answers the model below",
    }
