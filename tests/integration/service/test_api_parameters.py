"""Unknown query parameters answer 422 naming them, on every route (service.parameters), over real HTTP."""

from __future__ import annotations

import httpx
import pytest

# One route of each router: a typo in a parameter's name must not be silently dropped anywhere.
ROUTES = [
    "/claims",
    "/missions",
    "/units",
    "/search?q=mandate",
    "/dependencies?actor=unmik",
    "/centrality",
    "/mission/unmik",
    "/missions/unmik/mandate-evolution",
    "/health",
    "/queries",
]


@pytest.mark.parametrize("route", ROUTES)
def test_an_unknown_parameter_is_422_naming_it(api: httpx.Client, route: str) -> None:
    response = api.get(route, params={"misison": "unmik"})
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "bad_input"
    (problem,) = body["detail"]
    assert problem["parameter"] == "query.misison"
    assert "misison" in problem["message"]
    assert problem["input"] == "unmik"


def test_the_message_lists_what_the_route_takes(api: httpx.Client) -> None:
    problem = api.get("/claims", params={"sectoin": "5.2"}).json()["detail"][0]
    for name in ("section", "subsection", "code", "research_question", "limit", "offset", "format"):
        assert name in problem["message"]


def test_declared_and_global_parameters_pass(api: httpx.Client) -> None:
    assert api.get("/claims", params={"mission": "unmik", "limit": 1, "format": "csv"}).status_code == 200
    assert api.get("/mission/unmik", params={"format": "ttl"}).status_code == 200
    # a redirect keeps its query string; the IRI it leads to checks it
    assert api.get("/missions/unmik", params={"format": "json"}).status_code == 308


def test_every_unknown_parameter_is_named(api: httpx.Client) -> None:
    response = api.get("/missions", params={"kind": "integrated-mission", "colour": "blue", "size": "3"})
    assert response.status_code == 422
    assert [p["parameter"] for p in response.json()["detail"]] == ["query.colour", "query.size"]


def test_sparql_update_is_still_refused_as_an_update(api: httpx.Client) -> None:
    response = api.get("/sparql", params={"update": "DELETE WHERE { ?s ?p ?o }"})
    assert response.status_code == 400
