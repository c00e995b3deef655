"""The resolutions, their dates and acts, the states and Council seats, loaded from the real files."""

from __future__ import annotations

from neo4j import Driver

from schema.settings import Settings


def rows(driver: Driver, settings: Settings, query: str) -> list[dict[str, object]]:
    records, _, _ = driver.execute_query(query, database_=settings.neo4j_database)
    return [dict(r) for r in records]


def test_every_resolution_is_loaded_once(seeded: Driver, settings: Settings) -> None:
    (row,) = rows(seeded, settings, "MATCH (r:Resolution) RETURN count(r) AS n, count(DISTINCT r.number) AS numbers")
    assert row == {"n": 2722, "numbers": 2722}


def test_seats_per_year(seeded: Driver, settings: Settings) -> None:
    query = (
        "MATCH (s:Organisation)-[h:HELD_SEAT]->(:Organisation {id: 'unsc'}) "
        "RETURN h.year AS year, count(*) AS seats, sum(CASE WHEN h.permanent THEN 1 ELSE 0 END) AS permanent"
    )
    by_year = {r["year"]: (r["seats"], r["permanent"]) for r in rows(seeded, settings, query)}
    assert by_year[1999] == (15, 5)
    assert by_year[1946] == (11, 5)  # 11 members until the 1965 enlargement
    assert by_year[1964] == (10, 5)  # one blank name in the file: reported, not invented
    assert len(by_year) == 2027 - 1946 + 1
