"""The README's "How do I ..." calls really work: each curl line runs against the seeded service."""

from __future__ import annotations

import json
import re
import shlex
import subprocess

import httpx

from schema.paths import PROJECT_ROOT

README_BASE = "http://127.0.0.1:8000"


def _howto_calls() -> list[str]:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## How do I ...", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"`(curl [^`]+)`", section)


def test_the_readme_answers_ten_questions_with_calls_that_work(api: httpx.Client) -> None:
    calls = _howto_calls()
    assert len(calls) == 10
    for call in calls:
        argv = shlex.split(call.replace(README_BASE, str(api.base_url).rstrip("/")))
        done = subprocess.run([*argv, "--fail", "--max-time", "60"], capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{call}: curl exit {done.returncode} {done.stderr}"
        assert done.stdout.strip(), call
        if "format=csv" in call:
            assert done.stdout.count("\n") > 1, call
        else:
            assert json.loads(done.stdout), call
