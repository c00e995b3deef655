"""The OpenAPI document as the service really answers (issue 16).

FastAPI documents a 422 of its own (`HTTPValidationError`) that the service never sends: every error
is the one body of service.errors, `{error, detail}`. This module rewrites the generated document
once: every 4xx and 5xx is that body, every operation documents 422 and the 4XX/5XX ranges (a Host
refused, a body too large, Neo4j unavailable), and the one route that runs named statements,
`POST /queries/{name}`, is documented as one operation per statement with the parameters it takes.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema

from queries import public_statements
from service.models import ErrorBody, NotAcceptableBody

ERROR_REF = "#/components/schemas/ErrorBody"
_FASTAPI_ERRORS = ("HTTPValidationError", "ValidationError")
_RANGES = {
    "4XX": "the request was refused; `error` says why (bad_host, body_too_large, method_not_allowed, ...)",
    "5XX": "Neo4j unavailable or busy (503, with Retry-After), or a fault of the service",
}


def _error_content() -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": ERROR_REF}}}


def _documents_a_body(response: dict[str, Any]) -> bool:
    return any(media.get("schema") for media in response.get("content", {}).values())


def _errors_as_served(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    responses["422"] = {
        "description": "a parameter or the body does not fit this document; `detail` lists each one",
        "content": _error_content(),
    }
    for status, response in responses.items():
        if status[0] in "45" and not _documents_a_body(response):
            response["content"] = _error_content()
            response["description"] = response.get("description") or "an error"
    for status, description in _RANGES.items():
        responses.setdefault(status, {"description": description, "content": _error_content()})


def _named_statement_operations(schema: dict[str, Any]) -> None:
    """`/queries/{name}` as one path per statement: its body is an object of exactly its parameters."""
    generic = schema["paths"].pop("/queries/{name}", None)
    if generic is None:
        return
    template = generic["post"]
    for found in public_statements():
        body: dict[str, Any] = {
            "type": "object",
            "properties": {name: {"description": f"the statement's ${name}"} for name in found.parameters},
            "required": list(found.parameters),
            "additionalProperties": False,
        }
        if not found.parameters:
            body["type"] = ["object", "null"]  # no parameters: no body, `null` or `{}`
        operation = {key: value for key, value in template.items() if key not in ("parameters", "requestBody")}
        operation["operationId"] = f"run_query_{found.name.replace('/', '_')}"
        operation["summary"] = f"Run the named statement {found.name} (read-only)"
        operation["description"] = found.description
        operation["requestBody"] = {
            "required": bool(found.parameters),
            "content": {"application/json": {"schema": body}},
        }
        schema["paths"][f"/queries/{found.name}"] = {"post": operation}


def served_openapi(app: FastAPI) -> dict[str, Any]:
    schema = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version=app.openapi_version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in _FASTAPI_ERRORS:
        components.pop(name, None)
    _, definitions = models_json_schema(
        [(ErrorBody, "serialization"), (NotAcceptableBody, "serialization")],
        ref_template="#/components/schemas/{model}",
    )
    components.update(definitions["$defs"])
    _named_statement_operations(schema)
    for operations in schema["paths"].values():
        for operation in operations.values():
            _errors_as_served(operation)
    return schema


def install_openapi(app: FastAPI) -> None:
    """The app's `/openapi.json` is `served_openapi`, built once."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = served_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
