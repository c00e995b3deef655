"""The Docker image installs pkgraph as a package, every one of them, never editable."""

from __future__ import annotations

from schema.paths import PROJECT_ROOT
from tests.packages import PACKAGES


def test_the_image_installs_every_package_without_editable_mode() -> None:
    # An editable install in the image would find files beside the sources instead of in the package;
    # a package left out of the COPY lines breaks the `pkgraph` command (db/ once was).
    lines = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()
    copied = {line.split()[1].rstrip("/") for line in lines if line.startswith("COPY ")}
    assert set(PACKAGES) <= copied
    installs = [line for line in lines if "pip install" in line]
    assert installs
    assert not [line for line in installs if " -e " in line or "--editable" in line]
