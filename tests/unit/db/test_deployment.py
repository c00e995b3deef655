"""The compose file: valid with only the password set, and hardened like the local Neo4j."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from db.local_server import CONF_TEMPLATE
from schema.paths import PROJECT_ROOT

COMPOSE = PROJECT_ROOT / "docker-compose.yml"
# Settings of the local conf that guard the server against callers' Cypher; compose must carry each.
HARDENING = (
    "dbms.security.allow_csv_import_from_file_urls",
    "db.memory.transaction.total.max",
    "db.memory.transaction.max",
    "db.transaction.timeout",
    "db.lock.acquisition.timeout",
)


def _compose_env_name(setting: str) -> str:
    """The official image's convention: `NEO4J_` + the setting with `_` doubled and `.` as `_`."""
    return "NEO4J_" + setting.replace("_", "__").replace(".", "_")


def _conf_values(template: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in template.read_text().splitlines() if re.match(r"^[a-z][\w.]*=", line))
    return {key: value for key, value in pairs}


def test_compose_carries_the_local_hardening() -> None:
    conf = _conf_values(CONF_TEMPLATE)
    neo4j_env = yaml.safe_load(COMPOSE.read_text())["services"]["neo4j"]["environment"]
    for setting in HARDENING:
        assert setting in conf, f"{setting} missing from {CONF_TEMPLATE.name}"
        name = _compose_env_name(setting)
        assert name in neo4j_env, f"{name} missing from docker-compose.yml"
        if "${" not in conf[setting]:  # the template's fixed values must be the compose file's too
            assert str(neo4j_env[name]) == conf[setting], setting


def _config_command(compose: str, tmp_path: Path) -> list[str]:
    """`config` with an empty env file, so a developer's .env cannot set what the test leaves unset."""
    empty = tmp_path / "empty.env"
    empty.touch()
    return [compose, "--env-file", str(empty), "-f", str(COMPOSE), "config"]


def test_compose_is_valid_with_only_the_password_set(tmp_path: Path) -> None:
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose is needed: apt-get install docker-compose (make test installs it as root)"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    env["NEO4J_PASSWORD"] = "a-password-for-the-check"
    done = subprocess.run(
        _config_command(compose, tmp_path), capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    resolved = yaml.safe_load(done.stdout)
    for name, service in resolved["services"].items():
        environment = service.get("environment") or {}
        empty = [key for key, value in environment.items() if value in ("", None)]
        assert not empty, f"service {name} gets empty variables {empty} when optional ones are unset"


def test_compose_refuses_to_start_without_a_password(tmp_path: Path) -> None:
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose is needed: apt-get install docker-compose"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    done = subprocess.run(
        _config_command(compose, tmp_path), capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert done.returncode != 0
    assert "NEO4J_PASSWORD" in done.stderr
