"""Request guards over real HTTP: the Host header, body size, security headers (issue 16)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from schema.settings import Settings


def test_loopback_and_the_base_iris_host_are_served(api: httpx.Client) -> None:
    port = api.base_url.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "pkgraph.test", f"[::1]:{port}"):
        response = api.get("/health", headers={"Host": host})
        assert response.status_code == 200, host


def test_a_foreign_host_header_is_refused(api: httpx.Client) -> None:
    """What a DNS-rebinding page would send: its own name, resolved to 127.0.0.1."""
    response = api.get("/health", headers={"Host": "attacker.example:8000"})
    assert response.status_code == 400
    assert response.json()["error"] == "bad_host"
    assert "attacker.example" in response.json()["detail"]




def test_a_declared_body_over_the_limit_is_refused_unread(api: httpx.Client, settings: Settings) -> None:
    body = b'{"query": "RETURN 1", "pad": "' + b"x" * settings.max_body_bytes + b'"}'
    response = api.post("/cypher", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"] == "body_too_large"


def _chunks(total: int, size: int = 65536) -> Iterator[bytes]:
    yield b'{"query": "RETURN 1", "pad": "'
    sent = 0
    while sent < total:
        yield b"x" * size
        sent += size
    yield b'"}'


def test_a_streamed_body_over_the_limit_is_refused(api: httpx.Client, settings: Settings) -> None:
    response = api.post(
        "/cypher", content=_chunks(settings.max_body_bytes * 2), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"] == "body_too_large"


def test_a_body_under_the_limit_still_works(api: httpx.Client) -> None:
    response = api.post("/cypher", json={"query": "RETURN 1 AS one"})
    assert response.status_code == 200
    assert response.json()["rows"] == [{"one": 1}]


@pytest.mark.parametrize("path", ["/health", "/missions", "/nonexistent"])
def test_security_headers_on_every_answer(api: httpx.Client, path: str) -> None:
    headers = api.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_a_request_without_host_is_refused(api: httpx.Client) -> None:
    """HTTP/1.0 allows leaving Host out; such a request names no host this service answers for."""
    with socket.create_connection(("127.0.0.1", api.base_url.port), timeout=10) as conn:
        conn.sendall(b"GET /health HTTP/1.0\r\n\r\n")
        answer = conn.recv(65536).decode("latin-1")
    assert answer.startswith("HTTP/1.1 400")
    assert "bad_host" in answer
