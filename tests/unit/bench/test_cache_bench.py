"""The answer cache benchmark's report: ratios and goals from the measured latencies."""

from __future__ import annotations

from bench.cache_bench import Row, Run, report
from bench.wrk import Latency


def test_the_report_states_each_ratio_and_whether_the_goal_is_met() -> None:
    health = Latency(1.0, 2.0, 5000.0)
    rows = [
        Row(
            "curated",
            "fast",
            "/a",
            Latency(1.5, 3.0, 4000.0),
            Latency(1.2, 2.0, 4500.0),
            Latency(9.0, 20.0, 300.0),
            40.0,
            1.0,
            186,
        ),
        Row(
            "curated",
            "slow",
            "/b",
            Latency(2.5, 3.0, 2000.0),
            Latency(1.9, 2.0, 2500.0),
            Latency(9.0, 20.0, 400.0),
            50.0,
            2.0,
            8504,
        ),
        Row(
            "curated",
            "unanswered",
            "/c",
            Latency(2.0, 3.0, 3000.0),
            Latency(1.0, 2.0, 5000.0),
            Latency(0.0, 0.0, 0.0),  # no driver answer finished within the measurement
            20000.0,
            1.0,
            10,
        ),
    ]
    run = Run(
        "curated", 977, health, Latency(0.9, 1.0, 6000.0), rows, (10, 2**20, 1.5), 3.0, 145.0, 150.0, 140.0, ["x `/x`"]
    )
    text = report([run], 8, 5, (3.0, 2.0, 1.0), (1.0, 1.0, 1.0))
    fast = next(line for line in text.splitlines() if "`/a`" in line)
    slow = next(line for line in text.splitlines() if "`/b`" in line)
    assert "1.50 yes, 13.3x yes" in fast  # 1.5 / 1.0 within 2x; 4000 / 300 at least 10x
    assert "2.50 **no**, 5.0x **no**" in slow
    assert "1.90 yes, 6.2x **no**" in slow  # the check-interval process
    unanswered = next(line for line in text.splitlines() if "`/c`" in line)
    assert "2.00 yes, driver not measured" in unanswered  # no ratio to a throughput of nothing
    assert "| curated | 977 | 1.00 | 5,000 | 0.90 | 6,000 | 10, 1.0, 1.5 | 3.0 | 145, 150 | 140 |" in text
    assert "| curated | slow | 50.0 | 2.0 | 8,504 |" in text  # the first requests and the answer's size
    assert "at the start 3.0 / 2.0 / 1.0, at the end 1.0 / 1.0 / 1.0" in text
    assert "not measured, the driver path did not answer 200: x `/x`" in text
