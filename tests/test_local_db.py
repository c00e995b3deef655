"""`pkgraph db` faults: each says what is wrong and what to do, and exits non-zero."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from db.local_server import free_port
from schema.settings import Settings


def _pkgraph(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "db.cli", *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    env |= {
        "NEO4J_PASSWORD": secrets.token_urlsafe(16),
        "PKGRAPH_DB_HOME": str(home),
        "PKGRAPH_DB_BOLT_PORT": str(free_port()),
        "PKGRAPH_DB_HTTP_PORT": str(free_port()),
    }
    return env | extra


# These run `java -version` (and one starts the JVM) before they fail as they should, so they need
# Java, like the Neo4j tests; the others fail before any tool is looked for.
needs_java = pytest.mark.integration


def test_missing_password_names_the_variable(tmp_path: Path) -> None:
    env = _env(tmp_path)
    del env["NEO4J_PASSWORD"]
    done = subprocess.run(
        [sys.executable, "-m", "db.cli", "db", "status"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "NEO4J_PASSWORD is not set" in done.stderr


def test_missing_java_says_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "mvn").symlink_to(shutil.which("mvn") or "/usr/bin/mvn")
    done = _pkgraph("db", "start", env=_env(tmp_path / "home", PATH=str(bin_dir)))
    assert done.returncode == 1
    assert "java not found" in done.stderr
    assert "JDK 17 or 21" in done.stderr


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


def test_status_of_a_stopped_database(tmp_path: Path) -> None:
    done = _pkgraph("db", "status", env=_env(tmp_path / "home"))
    assert done.returncode == 3
    assert "stopped" in done.stdout


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
