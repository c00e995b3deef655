"""The benchmarks' service process helpers: its environment and the wait for /ready."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.harness import bench_settings, service_env, wait_until_ready


class _Ready(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/ready" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet: the test output is the assertions
        pass


@pytest.fixture(scope="module")
def ready_url() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Ready)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_the_service_gets_the_benchmark_neo4j_not_the_callers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PKGRAPH_CACHE_BYTES", "1")
    monkeypatch.setenv("NEO4J_URI", "bolt://elsewhere:7687")
    settings = bench_settings(tmp_path, heap="1g", pagecache="1g")
    env = service_env(settings)
    assert env["NEO4J_URI"] == settings.neo4j_uri
    assert env["NEO4J_PASSWORD"] == settings.neo4j_password.get_secret_value()
    assert "PKGRAPH_CACHE_BYTES" not in env


def test_ready_when_ready_answers_and_not_once_the_process_has_exited(ready_url: str) -> None:
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as running:
        assert wait_until_ready(ready_url, running, timeout_s=10, poll_s=0.1)
        running.kill()
    exited = subprocess.Popen([sys.executable, "-c", "pass"])
    exited.wait()
    assert not wait_until_ready("http://127.0.0.1:9", exited, timeout_s=10, poll_s=0.1)
