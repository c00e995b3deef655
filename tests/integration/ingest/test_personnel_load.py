"""The Passmore, IPI and Geo-PKO adapters loaded into the seeded graph: strength, ceilings, contributions."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from schema.settings import Settings


def _rows(driver: Driver, settings: Settings, cypher: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher, params, database_=settings.neo4j_database)
    return [r.data() for r in records]


def test_a_state_contribution_equals_its_ipi_row(seeded: Driver, settings: Settings) -> None:
    # Gender.Full.csv line 18152: 2012-06-30, Pakistan (PAK), MONUSCO: experts 55 (55 men), troops 3,694 (men)
    rows = _rows(
        seeded,
        settings,
        "MATCH (s:Organisation {id: 'pak'})-[r:CONTRIBUTES {month: '2012-06'}]->(:Mission {id: 'monusco'}) "
        "RETURN r.type AS type, r.count AS count, r.men AS men, r.women AS women, r.basis AS basis, "
        "r.source AS source, r.file AS file, r.row AS row ORDER BY type",
    )
    assert [(r["type"], r["count"], r["men"], r["women"]) for r in rows] == [
        ("experts", 55, 55, 0),
        ("troops", 3694, 3694, 0),
    ]
    assert {(r["basis"], r["source"], r["file"], r["row"]) for r in rows} == {
        ("official monthly count", "ipi-peacekeeping", "ipi-peacekeeping/Gender.Full.csv", 18152)
    }


def test_strength_nodes_keep_the_contract(seeded: Driver, settings: Settings) -> None:
    rows = _rows(
        seeded,
        settings,
        "MATCH (:Mission {id: 'monusco'})-[:HAS_STRENGTH]->(s:Strength {month: '2012-06'}) "
        "RETURN s.measure AS measure, s.value AS value, s.source AS source, s.preferred AS preferred "
        "ORDER BY measure, source",
    )
    measures = {r["measure"] for r in rows}
    assert {"deployed_troops", "deployed_police", "deployed_observers"} <= measures
    assert all(r["source"] in ("ipi-peacekeeping", "passmore-shortfall") for r in rows)
