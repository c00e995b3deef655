"""Faults of callers' Cypher answer 4xx with a reason, never 500 (issue 16, point 8)."""

from __future__ import annotations

import httpx
import pytest


def test_a_body_that_is_not_json_is_422(api: httpx.Client) -> None:
    for content_type in ("text/plain", "application/x-www-form-urlencoded"):
        response = api.post("/cypher", content=b"RETURN 1", headers={"Content-Type": content_type})
        assert response.status_code == 422, content_type
        assert response.json()["error"] == "bad_input"


def test_undecodable_bytes_in_the_body_are_400_in_the_one_error_body(api: httpx.Client) -> None:
    response = api.post("/cypher", content=b'{"query": "RETURN \xff"}', headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"
    assert response.json()["detail"]


def test_an_unknown_path_answers_the_one_error_body(api: httpx.Client) -> None:
    response = api.get("/no/such/path/here")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "detail": "Not Found"}


@pytest.mark.parametrize(
    ("parameters", "named"),
    [
        ({"x": 2**63}, "x"),
        ({"x": -(2**63) - 1}, "x"),
        ({"nested": {"deep": [1, 2**70]}}, "nested"),
    ],
)
def test_integers_outside_64_bits_are_422_naming_the_parameter(
    api: httpx.Client, parameters: dict[str, object], named: str
) -> None:
    response = api.post("/cypher", json={"query": "RETURN 1 AS one", "parameters": parameters})
    assert response.status_code == 422
    assert named in response.text


def test_a_lone_surrogate_is_422(api: httpx.Client) -> None:
    body = b'{"query": "RETURN $s AS s", "parameters": {"s": "\\ud800"}}'
    response = api.post("/cypher", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"] == "bad_input"


def test_a_value_python_cannot_hold_is_400(api: httpx.Client) -> None:
    response = api.post("/cypher", json={"query": "RETURN date('+10000-01-01') AS far"})
    assert response.status_code == 400
    assert response.json()["error"] == "unrepresentable_value"


def test_the_transaction_memory_limit_is_400(api: httpx.Client) -> None:
    response = api.post(
        "/cypher", json={"query": "UNWIND range(1, 100000000) AS x WITH collect(x) AS c RETURN size(c)"}
    )
    assert response.status_code == 400
    assert response.json()["error"] in ("query_too_large", "query_timeout")


def test_a_wide_answer_is_refused_before_it_is_all_in_memory(api: httpx.Client) -> None:
    """10,000 rows of 5 kB each: 50 MB of JSON, over the 16 MB bound."""
    wide = "UNWIND range(1, 10000) AS x RETURN x, reduce(s = '', i IN range(1, 500) | s + 'xxxxxxxxxx') AS pad"
    response = api.post("/cypher", json={"query": wide, "limit": 10000})
    assert response.status_code == 400
    assert response.json()["error"] == "answer_too_large"
