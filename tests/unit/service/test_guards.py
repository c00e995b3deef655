"""The hosts the request guards accept, from the settings."""

from __future__ import annotations

from schema.settings import Settings
from service.guards import allowed_hosts


def test_configured_hosts_are_added() -> None:
    settings = Settings.model_validate(
        {"neo4j_password": "x" * 12, "allowed_hosts": "api.example.org, other.test", "base_iri": "https://lod.test/"}
    )
    assert {"api.example.org", "other.test", "lod.test", "127.0.0.1", "localhost", "::1"} <= allowed_hosts(settings)
    assert "0.0.0.0" not in allowed_hosts(settings.model_copy(update={"api_host": "0.0.0.0"}))
