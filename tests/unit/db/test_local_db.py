"""`pkgraph db` faults found before any tool runs: each says what is wrong and what to do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.pkgraph_cli import pkgraph_env as _env
from tests.pkgraph_cli import run_pkgraph as _pkgraph


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


def test_status_of_a_stopped_database(tmp_path: Path) -> None:
    done = _pkgraph("db", "status", env=_env(tmp_path / "home"))
    assert done.returncode == 3
    assert "stopped" in done.stdout
