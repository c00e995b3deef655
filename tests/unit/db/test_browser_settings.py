"""Neo4j Browser's settings: the local conf and the compose file open the pkgraph guide and style."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from db.local_server import CONF_TEMPLATE, write_conf
from schema.paths import PROJECT_ROOT
from schema.settings import Settings

COMPOSE = PROJECT_ROOT / "docker-compose.yml"
BROWSER = (
    "browser.remote_content_hostname_whitelist",
    "browser.post_connect_cmd",
    "client.allow_telemetry",
)


def _conf(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if re.match(r"^[a-z][\w.]*=", line))
    return {key: value for key, value in pairs}


def test_local_conf_opens_the_guide_and_style_of_the_api(tmp_path: Path) -> None:
    settings = Settings.model_validate(
        {"neo4j_password": "x" * 12, "db_home": tmp_path / "neo4j", "api_host": "127.0.0.1", "api_port": 8123}
    )
    conf = _conf(write_conf(settings).read_text())
    assert conf["browser.remote_content_hostname_whitelist"] == "127.0.0.1"
    assert conf["browser.post_connect_cmd"] == (
        "style http://127.0.0.1:8123/guide/style.grass; guide http://127.0.0.1:8123/guide"
    )
    assert conf["client.allow_telemetry"] == "false"


def test_compose_carries_the_same_browser_settings_for_the_default_api() -> None:
    template = _conf(CONF_TEMPLATE.read_text())
    env = yaml.safe_load(COMPOSE.read_text())["services"]["neo4j"]["environment"]
    for setting in BROWSER:
        name = "NEO4J_" + setting.replace("_", "__").replace(".", "_")
        expected = template[setting].replace("${api_hostname}", "127.0.0.1")
        expected = expected.replace("${api_origin}", "http://127.0.0.1:8000")
        assert str(env[name]) == expected, setting
