"""The one Neo4j driver of the service: created and closed in the lifespan, handed to routes.

Routes declare `graph: Graph` and call `graph.read(name, **params)`: the statement comes from
`queries/<name>.cypher`, parameters travel separately, reads use READ routing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl

from ingest.cypher import statement
from service.settings import Settings


def create_driver(settings: Settings) -> AsyncDriver:
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        # Fail fast when Neo4j is down, so clients get a 503 quickly instead of hanging.
        connection_acquisition_timeout=5.0,
        connection_timeout=3.0,
        max_transaction_retry_time=5.0,
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


def _graph(request: Request) -> GraphReader:
    state = request.app.state
    return GraphReader(state.driver, state.settings.neo4j_database, state.settings.query_timeout_s)


Graph = Annotated[GraphReader, Depends(_graph)]
