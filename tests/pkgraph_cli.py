"""Running the `pkgraph` command in a subprocess with an environment of its own (no NEO4J_/PKGRAPH_
variables of the developer's shell leak in)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from db.local_server import free_port


def run_pkgraph(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "db.cli", *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def pkgraph_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    env |= {
        "NEO4J_PASSWORD": secrets.token_urlsafe(16),
        "PKGRAPH_DB_HOME": str(home),
        "PKGRAPH_DB_BOLT_PORT": str(free_port()),
        "PKGRAPH_DB_HTTP_PORT": str(free_port()),
    }
    return env | extra
