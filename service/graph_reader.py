"""How the service reads Neo4j: named statements in READ transactions, user Cypher rolled back.

The driver is created and closed in the app's lifespan (`service.app`); routes get a reader
through `service.deps.ReaderDep`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import READ_ACCESS, AsyncDriver, AsyncTransaction, RoutingControl
from neo4j.graph import Node, Path, Relationship

from queries import statement
from service.cypher_check import refusals, writes
from service.errors import QueryRefused


@dataclass(frozen=True)
class GraphReader:
    driver: AsyncDriver
    database: str
    timeout_s: float

    async def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement in a READ transaction; records as plain dicts."""
        query = statement(name)
        records, _, _ = await self.driver.execute_query(
            query.text,
            params,
            database_=self.database,
            routing_=RoutingControl.READ,
        )
        return [record.data() for record in records]

    async def read_statement(
        self, text: LiteralString, params: dict[str, Any], row_cap: int
    ) -> tuple[list[str], list[dict[str, Any]], bool]:
        """Run Cypher in a READ access-mode transaction that is always rolled back.

        The database refuses writes in a read transaction; the rollback means nothing could
        persist even so. Neo4j ends the transaction after `timeout_s`. At most `row_cap` rows are
        returned; the third value says whether more were left.
        """
        async with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
            tx = await session.begin_transaction(timeout=self.timeout_s)
            try:
                await self._refuse_unless_read_only(tx, text, params)
                result = await tx.run(text, params)
                keys = list(result.keys())
                rows: list[dict[str, Any]] = []
                truncated = False
                async for record in result:
                    if len(rows) == row_cap:
                        truncated = True
                        break
                    rows.append({key: to_json(record[key]) for key in keys})
                return keys, rows, truncated
            finally:
                await tx.rollback()

    @staticmethod
    async def _refuse_unless_read_only(tx: AsyncTransaction, text: LiteralString, params: dict[str, Any]) -> None:
        """Compile the statement (EXPLAIN runs nothing) and refuse a plan that is not all reads
        (service.cypher_check)."""
        summary = await (await tx.run("EXPLAIN " + text, params)).consume()
        refused = refusals(summary.plan or {})
        written = writes(refused)
        if written:
            raise QueryRefused("write_refused", "read-only: Neo4j says this statement writes: " + ", ".join(written))
        if refused:
            raise QueryRefused(
                "statement_refused",
                "only reads of the graph and read-only procedures may run here; refused: " + ", ".join(refused),
            )


def to_json(value: Any) -> Any:
    """Driver values as JSON: nodes and relationships as maps, temporal and spatial values as text."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": to_json(dict(value))}
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            "properties": to_json(dict(value)),
        }
    if isinstance(value, Path):
        return {"nodes": [to_json(n) for n in value.nodes], "relationships": [to_json(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
