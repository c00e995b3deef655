"""The load generator of the HTTP benchmarks: one wrk run against a URL (Debian package `wrk`),
its output parsed into p50, p99 and requests per second."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Latency:
    p50_ms: float
    p99_ms: float
    per_s: float


def require_wrk() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")


def wrk(
    url: str,
    connections: int,
    duration_s: int,
    headers: dict[str, str] | None = None,
    timeout_s: int | None = None,
) -> Latency:
    """One thread, `connections` connections for `duration_s`; `timeout_s` is wrk's per-request
    timeout (its own default, 2 s, when None). Any non-2xx/3xx answer fails the measurement."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration_s}s"]
    if timeout_s is not None:
        command += ["--timeout", f"{timeout_s}s"]
    command.append("--latency")
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    done = subprocess.run([*command, url], capture_output=True, text=True, check=True)  # noqa: S603
    return parse(url, done.stdout)


def parse(url: str, stdout: str) -> Latency:
    """wrk's `--latency` report: the 50% and 99% lines and Requests/sec."""

    def ms(label: str) -> float:
        match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", stdout, flags=re.M)
        if match is None:
            raise RuntimeError(f"wrk printed no {label} latency:\n{stdout}")
        return float(match.group(1)) * _UNITS_MS[match.group(2)]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", stdout)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses under load")
    per_s = re.search(r"Requests/sec:\s+([\d.]+)", stdout)
    return Latency(ms("50%"), ms("99%"), float(per_s.group(1)) if per_s else 0.0)
