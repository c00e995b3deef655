"""Cypher statements live in `.cypher` files, never in Python strings: this module reads them.

A statement file starts with `//` header lines (what it answers, its parameters, `:param`
lines for Neo4j Browser); the header is kept for `GET /queries`, the body is what runs. Lines
marked to repeat per label are expanded from the domain registry (queries.templates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import LiteralString

from queries.templates import expand

QUERIES = Path(__file__).resolve().parent

_NAME = re.compile(r"^[a-z0-9_]+(?:/[a-z0-9_]+)*$")


@dataclass(frozen=True)
class CypherFile:
    name: str
    header: str
    # Statement files are code shipped with pkgraph, never input, so they may run as literal queries.
    text: LiteralString

    @property
    def parameters(self) -> list[str]:
        """The `$names` the statement takes, in order of first use."""
        return list(dict.fromkeys(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", self.text)))

    @property
    def description(self) -> str:
        return "\n".join(line for line in self.header.splitlines() if not line.startswith(":param"))

    @property
    def browser_params(self) -> str | None:
        """The `:param {...}` line to paste into Neo4j Browser before the statement."""
        return next((line for line in self.header.splitlines() if line.startswith(":param")), None)


def strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


@cache
def statement(name: str, folder: Path = QUERIES) -> CypherFile:
    """The named statement `<folder>/<name>.cypher` (default: this package, the statements the
    project runs; the benchmarks keep theirs in bench/queries/); the name is checked, so it cannot
    escape the folder."""
    if not _NAME.match(name):
        raise KeyError(name)
    path = folder / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(name)
    raw = path.read_text(encoding="utf-8")
    header = "\n".join(line.lstrip()[2:].strip() for line in raw.splitlines() if line.lstrip().startswith("//"))
    return CypherFile(name, header, strip_comments(expand(raw)))


# The ingest's writes and the schema step's wait are not offered to callers of POST /queries.
_PRIVATE_FOLDERS = ("ingest/", "schema/")


def public_statements() -> list[CypherFile]:
    """Every named read statement the service runs, for GET /queries."""
    names = sorted(path.relative_to(QUERIES).with_suffix("").as_posix() for path in QUERIES.rglob("*.cypher"))
    return [statement(name) for name in names if not name.startswith(_PRIVATE_FOLDERS)]
