"""The benchmarks' service process helpers: its environment and the wait for /ready."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.harness import bench_settings, service_env, wait_until_ready


def test_the_service_gets_the_benchmark_neo4j_not_the_callers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PKGRAPH_CACHE_BYTES", "1")
    monkeypatch.setenv("NEO4J_URI", "bolt://elsewhere:7687")
    settings = bench_settings(tmp_path, heap="1g", pagecache="1g")
    env = service_env(settings)
    assert env["NEO4J_URI"] == settings.neo4j_uri
    assert env["NEO4J_PASSWORD"] == settings.neo4j_password.get_secret_value()
    assert "PKGRAPH_CACHE_BYTES" not in env


def test_ready_when_ready_answers_and_not_once_the_process_has_exited(server: str) -> None:
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as running:
        assert wait_until_ready(server, running, timeout_s=10, poll_s=0.1)
        running.kill()
    exited = subprocess.Popen([sys.executable, "-c", "pass"])
    exited.wait()
    assert not wait_until_ready("http://127.0.0.1:9", exited, timeout_s=10, poll_s=0.1)
