"""The benchmarks' wrk runner against a real local HTTP server: latencies and throughput parsed,
an error answer under load refused."""

from __future__ import annotations

import shutil

import pytest

from bench.wrk import parse, wrk

pytestmark = pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")


def test_a_run_gives_p50_below_p99_and_requests_per_second(server: str) -> None:
    latency = wrk(server + "/", 2, 1, headers={"If-None-Match": '"x"'}, timeout_s=5)
    assert 0 < latency.p50_ms <= latency.p99_ms
    assert latency.per_s > 0


def test_an_error_answer_under_load_fails_the_measurement(server: str) -> None:
    with pytest.raises(RuntimeError, match=r"/broken: \d+ error responses under load"):
        wrk(server + "/broken", 2, 1)


def test_units_are_read_as_milliseconds() -> None:
    report = "  Latency Distribution\n     50%  812.00us\n     99%    1.50s\nRequests/sec:   1234.5\n"
    latency = parse("http://x/", report)
    assert latency.p50_ms == pytest.approx(0.812)
    assert (latency.p99_ms, latency.per_s) == (1500.0, 1234.5)
    with pytest.raises(RuntimeError, match="wrk printed no 99% latency"):
        parse("http://x/", "     50%  1.00ms\n")
