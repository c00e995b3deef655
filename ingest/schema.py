"""Apply schema/constraints.cypher: idempotent, so it is safe before every ingest and at start-up."""

from __future__ import annotations

from neo4j import Driver

from ingest.cypher import schema_statements, statement


def apply_schema(driver: Driver, database: str) -> int:
    """Create every constraint and index that does not exist yet; return how many statements ran."""
    statements = schema_statements()
    with driver.session(database=database) as session:
        for text in statements:
            # Schema commands cannot share a transaction with each other or with data writes.
            session.run(text).consume()
        session.run(statement("system/await_indexes").text).consume()
    return len(statements)
