"""A write and a read through the official driver against the real server."""

from __future__ import annotations

import secrets

from neo4j import Driver, RoutingControl

from schema.settings import Settings


def test_write_then_read_round_trip(driver: Driver, settings: Settings) -> None:
    marker = secrets.token_hex(8)
    driver.execute_query(
        "CREATE (:RoundTrip {marker: $marker, numbers: [1, 2, 3], text: 'ü→✓'})",
        marker=marker,
        database_=settings.neo4j_database,
    )
    try:
        records, _, _ = driver.execute_query(
            "MATCH (n:RoundTrip {marker: $marker}) RETURN n.numbers AS numbers, n.text AS text",
            marker=marker,
            database_=settings.neo4j_database,
            routing_=RoutingControl.READ,
        )
        assert [(r["numbers"], r["text"]) for r in records] == [([1, 2, 3], "ü→✓")]
    finally:
        driver.execute_query(
            "MATCH (n:RoundTrip {marker: $marker}) DELETE n", marker=marker, database_=settings.neo4j_database
        )


def test_server_is_neo4j_5_26_community_on_loopback(driver: Driver, settings: Settings) -> None:
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition",
        database_=settings.neo4j_database,
    )
    assert records[0]["v"].startswith("5.26.")
    assert records[0]["edition"] == "community"
    assert driver.get_server_info().address[0] == "127.0.0.1"


def test_read_access_mode_refuses_writes(driver: Driver, settings: Settings) -> None:
    import pytest
    from neo4j.exceptions import ClientError

    with pytest.raises(ClientError, match=r"(?i)write"):
        driver.execute_query(
            "CREATE (:ShouldNotExist)", database_=settings.neo4j_database, routing_=RoutingControl.READ
        )
