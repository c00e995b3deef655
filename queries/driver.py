"""The one way to build a Neo4j driver from the settings: blocking for the command line and the
benchmarks, async for the service and the RDF export."""

from __future__ import annotations

from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase

from schema.settings import Settings


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
        max_connection_pool_size=settings.neo4j_pool_size,
        connection_timeout=3.0,
        max_transaction_retry_time=5.0,
        # Server notifications (e.g. "property `page` does not exist" for optional properties) would
        # be logged on every request; the statements are tested, so they are noise here.
        notifications_min_severity="OFF",
    )
