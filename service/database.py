"""The one Neo4j driver of the service: created and closed in the lifespan, handed to routes.

Routes declare `graph: Graph` and call `graph.read(name, **params)`: the statement comes from
`queries/<name>.cypher`, parameters travel separately, reads use READ routing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, LiteralString

from fastapi import Depends, Request
from neo4j import READ_ACCESS, AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase, RoutingControl
from neo4j.graph import Node, Path, Relationship

from ingest.cypher import statement
from service.settings import Settings


def create_sync_driver(settings: Settings) -> Driver:
    """The blocking driver of the command line and the benchmarks (the service uses the async one)."""
    # Notifications off as in the service: on a first load, "property `digest` does not exist"
    # would be printed for every statement that looks for an earlier load.
    return GraphDatabase.driver(settings.neo4j_uri, auth=_auth(settings), notifications_min_severity="OFF")


def _auth(settings: Settings) -> tuple[str, str]:
    return settings.neo4j_user, settings.neo4j_password.get_secret_value()


def create_driver(settings: Settings) -> AsyncDriver:
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=_auth(settings),
        # Fail fast when Neo4j is down, so clients get a 503 quickly instead of hanging.
        connection_acquisition_timeout=5.0,
        connection_timeout=3.0,
        max_transaction_retry_time=5.0,
        # Server notifications (e.g. "property `page` does not exist" for optional properties) would
        # be logged on every request; the statements are tested, so they are noise here.
        notifications_min_severity="OFF",
    )


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
                result = await tx.run(text, params)
                keys = list(result.keys())
                rows: list[dict[str, Any]] = []
                truncated = False
                async for record in result:
                    if len(rows) == row_cap:
                        truncated = True
                        break
                    rows.append({key: plain(record[key]) for key in keys})
                return keys, rows, truncated
            finally:
                await tx.rollback()


def plain(value: Any) -> Any:
    """Driver values as JSON: nodes and relationships as maps, temporal and spatial values as text."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": plain(dict(value))}
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            "properties": plain(dict(value)),
        }
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _graph(request: Request) -> GraphReader:
    state = request.app.state
    return GraphReader(state.driver, state.settings.neo4j_database, state.settings.query_timeout_s)


Graph = Annotated[GraphReader, Depends(_graph)]
