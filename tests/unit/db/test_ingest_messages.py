"""What `pkgraph ingest` says about each bad-data case of issue 16 (point 7): one clear line per
root cause with file, line, record and field, exit 2, never a traceback; an unreachable Neo4j is
one line and exit 1."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from db.local_server import free_port
from ingest.records import FIELD_MAX_CHARS
from tests.conftest import DATA, MINI
from tests.pkgraph_cli import pkgraph_env

DATA_FILE = "missions.yaml"


def _ingest(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "db.cli", "ingest", str(folder), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _edited(tmp_path: Path, file: str, edit: Callable[[bytes], bytes]) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    path = folder / file
    path.write_bytes(edit(path.read_bytes()))
    return folder


def _errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


BAD_DATA: dict[str, tuple[str, Callable[[bytes], bytes], str]] = {
    # case: (file, edit, what the one error line says)
    "impossible date": (
        DATA_FILE,
        lambda t: t.replace(b'start: "2000"', b"start: 1999-02-30", 1),
        "missions.yaml:1: record 'monuc' start:",
    ),
    "non-UTF-8 byte": (
        DATA_FILE,
        lambda t: t.replace(b"Congo", b"Cong\xe9", 1),
        "missions.yaml:2: not UTF-8: byte 0xe9",
    ),
    "key given twice": (
        DATA_FILE,
        lambda t: t.replace(b"  acronym: MONUC\n", b"  acronym: MONUC\n  acronym: MONUC2\n", 1),
        "missions.yaml:4: acronym: given twice in one record (first at line 3)",
    ),
    # One record's keys one space further in: the file no longer parses. One error, not one per
    # reference into the missions it held.
    "indentation slip": (
        DATA_FILE,
        lambda t: t.replace(b"  acronym: MONUC\n", b"   acronym: MONUC\n", 1),
        "missions.yaml:3: not valid YAML",
    ),
    "not a list": (DATA_FILE, lambda _: b"id: monuc\n", "missions.yaml: expected a list of records at the top level"),
}


@pytest.mark.parametrize("case", sorted(BAD_DATA))
def test_each_bad_data_case_is_one_error_naming_where_it_is(case: str, tmp_path: Path) -> None:
    file, edit, says = BAD_DATA[case]
    result = _ingest(_edited(tmp_path, file, edit), "--check")
    errors = _errors(result)
    assert result.returncode == 2
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"error: {says}"), errors
    assert "1 problem(s); nothing was written" in result.stderr


def test_a_huge_field_is_refused_at_once_with_its_place(tmp_path: Path) -> None:
    """60 MB in one field: refused while reading (it once made Neo4j retry for 50 s, then a traceback)."""
    huge = b"x" * 60_000_000
    folder = _edited(tmp_path, DATA_FILE, lambda t: t.replace(b"  acronym: MONUC\n", b"  note: " + huge + b"\n", 1))
    started = time.monotonic()
    result = _ingest(folder, "--check")
    elapsed = time.monotonic() - started
    errors = _errors(result)
    assert result.returncode == 2
    assert len(errors) == 1, errors
    assert errors[0].startswith("error: missions.yaml:1: record 'monuc' note: String should have at most")
    assert f"{FIELD_MAX_CHARS:,}".replace(",", "") in errors[0].replace(",", "")
    assert elapsed < 60


def test_an_unreachable_neo4j_is_one_line_and_exit_1(tmp_path: Path) -> None:
    env = pkgraph_env(tmp_path) | {"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"}
    started = time.monotonic()
    result = _ingest(MINI, env=env)
    errors = _errors(result)
    assert result.returncode == 1
    assert len(errors) == 1, errors
    assert errors[0].startswith("error: cannot reach Neo4j at bolt://127.0.0.1:"), errors
    assert time.monotonic() - started < 30


def test_an_indentation_slip_in_the_real_data_is_one_error(tmp_path: Path) -> None:
    """organisations.yaml one space off in data/: the public sources read it too (a traceback before),
    and 209 claim assertions name its actors (209 more errors before); one error, the slip's line."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / "organisations.yaml"
    path.write_text(path.read_text().replace("\n  name: UN Security Council\n", "\n   name: UN Security Council\n", 1))
    result = _ingest(folder, "--check")
    errors = _errors(result)
    assert result.returncode == 2
    assert errors == [
        f"error: organisations.yaml:{_line_of(path, 'UN Security Council')}: not valid YAML: "
        "mapping values are not allowed in this context"
    ]


def _line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if text in line)
