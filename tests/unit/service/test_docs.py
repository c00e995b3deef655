"""/docs and /redoc load everything from the service's own host, under a Content-Security-Policy
that names no other host (issue 16, point 10)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from schema.settings import Settings
from service.app import create_app

ASSET = re.compile(r"""(?:src|href|url)\s*[:=]\s*['"]([^'"]+)['"]""")
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    # No request here reaches Neo4j: the driver connects lazily.
    settings = Settings.model_validate({"neo4j_password": "x" * 12, "base_iri": "http://pkgraph.test/"})
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_reference_only_the_services_own_host(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    references = ASSET.findall(response.text)
    assert any(ref.endswith(".js") for ref in references), references
    for ref in references:
        assert ref.startswith("/"), f"{page} loads {ref} from elsewhere"
        assert not ref.startswith("//"), f"{page} loads {ref} from elsewhere"
        if ref.startswith("/docs/"):
            asset = client.get(ref)
            assert asset.status_code == 200, ref
            assert len(asset.content) > 1000, ref


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_policy_names_no_other_host_and_allows_only_their_own_inline_script(
    client: TestClient, page: str
) -> None:
    response = client.get(page)
    policy = response.headers["content-security-policy"]
    assert "http" not in policy, policy
    assert "*" not in policy, policy
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src ")).split()[1:]
    inline = INLINE_SCRIPT.findall(response.text)  # Swagger UI's initialiser; ReDoc has none
    assert inline or page == "/redoc"
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in inline}
    assert set(script_src) == {"'self'", *hashes}
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src


def test_the_redoc_bundle_fetches_nothing_from_another_host(client: TestClient) -> None:
    """The bundle as shipped draws its vendor's logo from cdn.redoc.ly; the one served does not."""
    response = client.get("/docs/redoc/redoc.standalone.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "cdn.redoc.ly" not in response.text
    assert len(response.text) > 1_000_000  # the whole bundle, not a stub
    assert "API docs by Redocly" in response.text  # the credit stays, without the image


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/health", "/openapi.json", "/no/such/path"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["x-frame-options"] == "DENY", path
        assert "default-src 'self'" in headers["content-security-policy"], path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["cross-origin-resource-policy"] == "same-origin", path


def test_a_route_that_sets_its_own_policy_is_not_given_a_second(client: TestClient) -> None:
    assert len(client.get("/docs").headers.get_list("content-security-policy")) == 1
