"""`pip install .` ships what the code reads beside itself: a wheel is built and its file list
compared with the source tree (the oracle is a walk of the folders, not the setuptools config)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest

from schema.paths import PROJECT_ROOT
from tests.packages import PACKAGES


def _source_files() -> set[str]:
    """Every file in the package folders: modules, py.typed, queries, schema files, templates, ...
    Nothing there is source-only, so a file type the package data does not name fails here."""
    return {
        path.relative_to(PROJECT_ROOT).as_posix()
        for package in PACKAGES
        for path in (PROJECT_ROOT / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    # Built from a copy, so the build leaves no build/ or egg-info in the checkout.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PROJECT_ROOT / name, source / name)
    for package in PACKAGES:
        shutil.copytree(PROJECT_ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("pkgraph-*.whl")
    return zipfile.ZipFile(built)


@pytest.mark.integration  # builds a package: no Neo4j, but slow for the unit tier
def test_the_wheel_holds_every_module_and_data_file(wheel: zipfile.ZipFile) -> None:
    shipped = {name for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info")}
    wanted = _source_files()
    assert wanted - shipped == set()
    assert shipped - wanted == set()
    # The oracle itself must not be empty where the service needs files.
    for needed in (
        "queries/mission.cypher",
        "queries/ingest/create_nodes.cypher",
        "schema/constraints.cypher",
        "schema/ontology.ttl",
        "schema/context.jsonld",
        "db/pom.xml",
        "db/neo4j.conf.template",
    ):
        assert needed in shipped


@pytest.mark.integration
def test_the_wheel_installs_the_pkgraph_command(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = (name for name in wheel.namelist() if name.endswith(".dist-info/entry_points.txt"))
    lines = wheel.read(entry_points).decode().splitlines()
    assert "pkgraph = db.cli:main" in lines


