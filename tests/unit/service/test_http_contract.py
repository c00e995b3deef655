"""The published contract without Neo4j: the OpenAPI document's error schema and parameters, and
HEAD/OPTIONS/405 (issue 16, point 9). schemathesis checks the live service against the same
document (tests/integration/service/test_contract.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from queries import public_statements
from schema.settings import Settings
from service.app import create_app
from service.read_models.centrality import RELATIONS


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = Settings.model_validate({"neo4j_password": "x" * 12, "base_iri": "http://pkgraph.test/"})
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    document: dict[str, Any] = client.get("/openapi.json").json()
    return document


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            yield f"{method.upper()} {path}", operation


def test_fastapis_own_error_schema_is_gone(spec: dict[str, Any]) -> None:
    assert "HTTPValidationError" not in json.dumps(spec)
    assert "ValidationError" not in spec["components"]["schemas"]


def test_every_error_of_every_operation_is_the_one_error_body(spec: dict[str, Any]) -> None:
    for where, operation in _operations(spec):
        responses = operation["responses"]
        assert {"422", "4XX", "5XX"} <= set(responses), where
        for status, response in responses.items():
            if status[0] in "45":
                schema = response["content"]["application/json"]["schema"]
                assert schema["$ref"].rsplit("/", 1)[-1] in ("ErrorBody", "NotAcceptableBody"), (where, status)


def test_the_error_body_says_what_the_handlers_send(spec: dict[str, Any]) -> None:
    body = spec["components"]["schemas"]["ErrorBody"]
    assert body["required"] == ["error", "detail"]
    detail_types = {option.get("type") for option in body["properties"]["detail"]["anyOf"]}
    assert detail_types == {"string", "array"}
    assert set(spec["components"]["schemas"]["ParameterProblem"]["properties"]) == {"parameter", "message", "input"}


def test_each_named_statement_is_an_operation_with_exactly_its_parameters(spec: dict[str, Any]) -> None:
    assert "/queries/{name}" not in spec["paths"]
    for found in public_statements():
        operation = spec["paths"][f"/queries/{found.name}"]["post"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert body["required"] == list(found.parameters), found.name
        assert body["additionalProperties"] is False


def test_a_validation_error_is_the_one_error_body(client: TestClient) -> None:
    response = client.get("/resolutions/not-a-number")
    assert response.status_code == 422
    assert response.json()["error"] == "bad_input"
    assert response.json()["detail"][0]["parameter"] == "path.number"


def _query_parameter(spec: dict[str, Any], path: str, name: str, method: str = "get") -> dict[str, Any]:
    parameters = spec["paths"][path][method]["parameters"]
    found: dict[str, Any] = next(p for p in parameters if p["name"] == name)
    return found


def test_relations_and_actors_are_patterns_the_service_holds_to(spec: dict[str, Any]) -> None:
    relations = _query_parameter(spec, "/centrality", "relations")["schema"]["anyOf"][0]["pattern"]
    assert re.fullmatch(relations, "DEPENDS_ON, funds")
    assert not re.fullmatch(relations, "")  # an empty `relations=` is refused, as documented
    assert not re.fullmatch(relations, "LIKES")
    assert all(re.fullmatch(relations, name) for name in RELATIONS)
    actors = _query_parameter(spec, "/dependencies/matrix", "actors")["schema"]["pattern"]
    assert re.fullmatch(actors, "unmik,unsc")
    assert not re.fullmatch(actors, "unmik")
    assert not re.fullmatch(actors, ",".join(f"a{i}" for i in range(51)))


def test_the_sparql_format_is_one_of_the_registry_names(spec: dict[str, Any]) -> None:
    for method in ("get", "post"):
        pattern = _query_parameter(spec, "/sparql", "format", method)["schema"]["anyOf"][0]["pattern"]
        assert re.fullmatch(pattern, "sparql-json")
        assert re.fullmatch(pattern, "ttl")
        assert not re.fullmatch(pattern, "yaml")


def test_json_based_answers_are_not_documented_as_strings(spec: dict[str, Any]) -> None:
    content = spec["paths"]["/mission/{id}"]["get"]["responses"]["200"]["content"]
    assert content["application/ld+json"]["schema"]["type"] == ["object", "array"]
    assert content["text/turtle"]["schema"]["type"] == "string"


def test_the_day_must_be_written_as_a_day(client: TestClient) -> None:
    # pydantic's date would read `0` as a Unix time; the document says format: date.
    response = client.get("/missions/unmik/mandate-evolution", params={"at": "0"})
    assert response.status_code == 422
    assert client.get("/missions/unmik/mandate-evolution", params={"at": "2014-02-30"}).status_code == 422


def test_options_lists_every_method_of_the_path(client: TestClient) -> None:
    response = client.options("/sparql")
    assert response.status_code == 204
    assert response.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    assert client.options("/mission/monuc").headers["allow"] == "GET, HEAD, OPTIONS"
    assert client.options("/no/such/path").status_code == 404


def test_a_405_lists_every_method_of_the_path(client: TestClient) -> None:
    response = client.delete("/sparql")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    assert response.json()["error"] == "method_not_allowed"
    assert client.put("/cypher").headers["allow"] == "OPTIONS, POST"


def test_head_is_get_without_the_body(client: TestClient) -> None:
    get, head = client.get("/health"), client.head("/health")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["content-type"] == get.headers["content-type"]
