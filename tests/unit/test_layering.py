"""The layers import only downwards: every module's imports are read (ast, nothing is run) and
checked against the rule of the README's layout. `schema` and `queries` are the shared core;
`service` (HTTP) and `ingest` (loading) both build on it and never on each other; `db`
(command line, local Neo4j, operations) sits on top and may use all of them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from schema.paths import PROJECT_ROOT

# package -> the top-level modules it must not import, directly or inside a function.
FORBIDDEN = {
    "schema": {"service", "ingest", "db"},
    "queries": {"service", "ingest", "db"},
    "service": {"ingest", "db"},
    # The ingest runs without a web stack: the CLI, the tests and the benchmarks load with it alone.
    "ingest": {"service", "db", "fastapi", "starlette", "uvicorn"},
}


def imported(path: Path) -> set[str]:
    """The top-level names a module imports; relative imports stay in its own package."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def modules(package: str) -> list[Path]:
    return sorted((PROJECT_ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above_or_beside_it(package: str) -> None:
    found = modules(package)
    assert found, package
    breaches = {
        path.relative_to(PROJECT_ROOT).as_posix(): sorted(imported(path) & FORBIDDEN[package]) for path in found
    }
    assert {name: bad for name, bad in breaches.items() if bad} == {}


def test_the_import_reader_sees_every_form(tmp_path: Path) -> None:
    # The check is only as good as the reader: each form of import, also inside a function.
    module = tmp_path / "m.py"
    module.write_text(
        "import ingest.dataset\nfrom db import cli\nfrom . import sibling\n"
        "def f():\n    from service.rdf import terms\n    import fastapi as web\n",
        encoding="utf-8",
    )
    assert imported(module) == {"ingest", "db", "service", "fastapi"}
