"""Apply schema/constraints.cypher: idempotent, so it is safe before every ingest and at start-up."""

from __future__ import annotations

import re
from typing import LiteralString

from neo4j import Driver, Session

from queries import statement, strip_comments
from queries.templates import expand
from schema import registry
from schema.paths import SCHEMA

CONSTRAINTS = SCHEMA / "constraints.cypher"


def apply_schema(driver: Driver, database: str) -> int:
    """Create every constraint and index that does not exist yet; return how many statements ran."""
    statements = schema_statements()
    with driver.session(database=database) as session:
        _drop_stale_search_index(session)
        for text in statements:
            # Schema commands cannot share a transaction with each other or with data writes.
            session.run(text).consume()
        session.run(statement("schema/await_indexes").text).consume()
    return len(statements)


def _drop_stale_search_index(session: Session) -> None:
    """The full-text index is created IF NOT EXISTS: one made with other fields (an older registry)
    is dropped first, so that the index always covers the registry's search fields."""
    found = session.run(statement("schema/search_index").text).data()
    if not found:
        return
    wanted_labels = set(registry.search_labels())
    wanted_properties = set(registry.search_properties())
    if set(found[0]["labels"]) != wanted_labels or set(found[0]["properties"]) != wanted_properties:
        session.run(statement("schema/drop_search_index").text).consume()


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
