"""The OpenAPI examples an analyst copies work: on the search, claims, list and evidence routes every
filter parameter has an example, and each example answers 200 with something in it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

ROUTES = ["/search", "/claims", "/units", "/posts", "/figures", "/sources", "/statements", "/tasks", "/dependencies"]
# Paging and format parameters have defaults an analyst need not copy.
NO_EXAMPLE_NEEDED = {"limit", "offset", "format", "depth", "direction", "kind"}


def _example(parameter: dict[str, Any]) -> Any:
    schema = parameter["schema"]
    examples = schema.get("examples") or [e for branch in schema.get("anyOf", []) for e in branch.get("examples", [])]
    return (examples or parameter.get("examples") or [None])[0]


@pytest.mark.parametrize("path", ROUTES)
def test_every_filter_has_an_example_that_answers(api: httpx.Client, path: str) -> None:
    operation = api.get("/openapi.json").json()["paths"][path]["get"]
    parameters = [p for p in operation["parameters"] if p["in"] == "query"]
    required = {p["name"]: _example(p) for p in parameters if p.get("required")}
    missing = [p["name"] for p in parameters if _example(p) is None and p["name"] not in NO_EXAMPLE_NEEDED]
    assert not missing, f"{path}: no example for {missing}"
    for parameter in parameters:
        value = _example(parameter)
        if value is None or parameter.get("required"):
            continue
        response = api.get(path, params={**required, parameter["name"]: value})
        assert response.status_code == 200, (path, parameter["name"], value, response.text)
        body = response.json()
        assert body.get("total", 1) > 0 or body.get("direct"), (path, parameter["name"], value)
