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
        ),
    ]
    run = Run("curated", 977, health, Latency(0.9, 1.0, 6000.0), rows, (10, 2**20, 1.5), 3.0, 150.0, 140.0, ["x `/x`"])
    text = report([run], 8, 5, (1.0, 1.0, 1.0))
    fast = next(line for line in text.splitlines() if "`/a`" in line)
    slow = next(line for line in text.splitlines() if "`/b`" in line)
    assert "1.50 yes, 13.3x yes" in fast  # 1.5 / 1.0 within 2x; 4000 / 300 at least 10x
    assert "2.50 **no**, 5.0x **no**" in slow
    assert "1.90 yes, 6.2x **no**" in slow  # the check-interval process
    assert "| curated | 977 | 1.00 | 5,000 | 0.90 | 6,000 | 10, 1.0, 1.5 | 3.0 | 150 | 140 |" in text
    assert "not measured, the driver path did not answer 200: x `/x`" in text
