"""The project's top-level packages, as pyproject.toml's package discovery names them."""

from __future__ import annotations

import tomllib

from schema.paths import PROJECT_ROOT

_FIND = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
PACKAGES: tuple[str, ...] = tuple(name for name in _FIND["find"]["include"] if "." not in name)
