"""Apply schema/constraints.cypher: idempotent, so it is safe before every ingest and at start-up."""

from __future__ import annotations

import re
from typing import LiteralString

from neo4j import Driver

from queries import statement, strip_comments
from queries.templates import expand
from schema.paths import SCHEMA

CONSTRAINTS = SCHEMA / "constraints.cypher"


def apply_schema(driver: Driver, database: str) -> int:
    """Create every constraint and index that does not exist yet; return how many statements ran."""
    statements = schema_statements()
    with driver.session(database=database) as session:
        for text in statements:
            # Schema commands cannot share a transaction with each other or with data writes.
            session.run(text).consume()
        session.run(statement("schema/await_indexes").text).consume()
    return len(statements)


def schema_statements() -> list[LiteralString]:
    """The statements of schema/constraints.cypher (per-label lines expanded from the registry),
    one per `;`-terminated block."""
    body = strip_comments(expand(CONSTRAINTS.read_text(encoding="utf-8")))
    return [part.strip() for part in body.split(";") if part.strip()]


def expected_schema_names() -> set[str]:
    """Names of the constraints and indexes the schema file creates."""
    return {
        match.group(1)
        for text in schema_statements()
        if (match := re.match(r"CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\w+)", text))
    }
