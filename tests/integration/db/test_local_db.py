"""`pkgraph db` faults: each says what is wrong and what to do, and exits non-zero."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from schema.settings import Settings
from tests.pkgraph_cli import pkgraph_env as _env
from tests.pkgraph_cli import run_pkgraph as _pkgraph

# These run `java -version` (and one starts the JVM) before they fail as they should, so they need
# Java, like the Neo4j tests; the others fail before any tool is looked for.
needs_java = pytest.mark.integration






@needs_java
def test_missing_maven_says_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "java").symlink_to(shutil.which("java") or "/usr/bin/java")
    done = _pkgraph("db", "start", env=_env(tmp_path / "home", PATH=str(bin_dir)))
    assert done.returncode == 1
    assert "mvn not found" in done.stderr


@needs_java
def test_port_in_use_names_the_port_and_the_setting(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _pkgraph("db", "start", env=_env(tmp_path / "home", PKGRAPH_DB_BOLT_PORT=str(port)))
    assert done.returncode == 1
    assert f"port {port}" in done.stderr
    assert "PKGRAPH_DB_BOLT_PORT" in done.stderr


@needs_java
def test_a_server_that_cannot_start_exits_non_zero_with_its_log(tmp_path: Path) -> None:
    # A later start (the password is set already) with 1k of heap: the JVM refuses and says so in its log.
    auth = tmp_path / "home" / "data" / "dbms" / "auth.ini"
    auth.parent.mkdir(parents=True)
    auth.write_text("")
    done = _pkgraph("db", "start", env=_env(tmp_path / "home", PKGRAPH_DB_HEAP="1k"))
    assert done.returncode == 1
    assert "Neo4j exited with code" in done.stderr
    assert "last lines of" in done.stderr
    assert "heap" in done.stderr.lower()




def test_status_of_the_running_test_database(settings: Settings) -> None:
    env = _env(settings.db_home)
    env |= {
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "PKGRAPH_DB_BOLT_PORT": str(settings.db_bolt_port),
        "PKGRAPH_DB_HTTP_PORT": str(settings.db_http_port),
    }
    done = _pkgraph("db", "status", env=env)
    assert done.returncode == 0, done.stderr
    assert "running" in done.stdout
    assert "bolt" in done.stdout
