"""The local Neo4j keeps its secret to itself: never on a command line, store files private."""

from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from db import local_server
from schema.settings import Settings
from tests.conftest import make_settings

# Every test here runs Java and Maven (neo4j-admin), with or without the session's Neo4j.
pytestmark = pytest.mark.integration

# Spaces, quotes, a backslash, `#` and `$`: what an argument file or a shell could mangle.
AWKWARD = "a b\"c\\d#e $x 'q'"


def _neo4j_hash_matches(auth_ini: Path, password: str) -> bool:
    """auth.ini holds `user:SHA-256,<hash>,<salt>,<iterations>:`; Neo4j hashes salt + password, then
    re-hashes the digest iterations - 1 times."""
    _, credentials, _ = auth_ini.read_text(encoding="utf-8").strip().split(":", 2)
    algorithm, digest_hex, salt_hex, iterations = credentials.split(",")
    assert algorithm == "SHA-256"
    digest = hashlib.sha256(bytes.fromhex(salt_hex) + password.encode()).digest()
    for _ in range(int(iterations) - 1):
        digest = hashlib.sha256(digest).digest()
    return digest.hex() == digest_hex


def _set_password(settings: Settings) -> None:
    java, mvn = shutil.which("java"), shutil.which("mvn")
    assert java, "java is needed (see README)"
    assert mvn, "mvn is needed (see README)"
    lib = local_server.resolve(settings, mvn)
    local_server.write_conf(settings)
    local_server._set_initial_password(settings, java, lib)


def test_initial_password_reaches_neo4j_through_an_argument_file(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home", AWKWARD)
    _set_password(settings)
    auth_ini = settings.db_home / "data" / "dbms" / "auth.ini"
    assert _neo4j_hash_matches(auth_ini, AWKWARD)
    # The argument file is gone once the password is set.
    assert not list(settings.db_home.glob(".pw-*"))


def test_the_password_is_not_an_argument_of_the_admin_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What `ps` would show: the command line of every process the runner starts."""
    settings = make_settings(tmp_path / "home", AWKWARD)
    lines: list[list[str]] = []
    real_run = subprocess.run

    def recording_run(command: list[str], **kwargs: object) -> object:
        lines.append(list(command))
        return real_run(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", recording_run)
    _set_password(settings)
    assert lines, "the admin command ran"
    assert not any(AWKWARD in argument for command in lines for argument in command)


def test_store_and_conf_are_private(settings: Settings) -> None:
    """The session's running Neo4j (tests/conftest.py) was set up by local_server.start."""
    assert stat.S_IMODE(settings.db_home.stat().st_mode) == 0o700
    for sub in ("conf", "data", "logs"):
        assert stat.S_IMODE((settings.db_home / sub).stat().st_mode) == 0o700, sub
    assert stat.S_IMODE((settings.db_home / "conf" / "neo4j.conf").stat().st_mode) == 0o600
    auth_ini = settings.db_home / "data" / "dbms" / "auth.ini"
    assert not stat.S_IMODE(auth_ini.stat().st_mode) & 0o077
