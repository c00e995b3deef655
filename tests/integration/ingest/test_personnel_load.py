"""The Passmore, IPI and Geo-PKO adapters loaded into the seeded graph: strength, ceilings, contributions."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from schema.settings import Settings
from tests import source_rows


def _rows(driver: Driver, settings: Settings, cypher: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher, params, database_=settings.neo4j_database)
    return [r.data() for r in records]


def test_a_state_contribution_equals_its_ipi_row(seeded: Driver, settings: Settings) -> None:
    row = source_rows.ipi_contribution("PAK", "MONUSCO", "2012-06")
    rows = _rows(
        seeded,
        settings,
        "MATCH (s:Organisation {id: 'pak'})-[r:CONTRIBUTES {month: '2012-06'}]->(:Mission {id: 'monusco'}) "
        "RETURN r.type AS type, r.count AS count, r.men AS men, r.women AS women, r.basis AS basis, "
        "r.source AS source, r.file AS file, r.row AS row ORDER BY type",
    )
    assert {r["type"]: (r["count"], r["men"], r["women"]) for r in rows} == source_rows.ipi_types(row)
    assert {(r["basis"], r["source"], r["file"], r["row"]) for r in rows} == {
        ("official monthly count", "ipi-peacekeeping", row.file, row.line)
    }


def test_every_ipi_cell_with_people_is_one_contribution_of_a_real_state(seeded: Driver, settings: Settings) -> None:
    ipi = source_rows.rows("ipi-peacekeeping/Gender.Full.csv")
    (counts,) = _rows(
        seeded,
        settings,
        "MATCH (s)-[r:CONTRIBUTES]->(:Mission) "
        "RETURN count(r) AS edges, count(DISTINCT s) AS states, "
        "count(CASE WHEN NOT s:Organisation OR s.kind <> 'state' THEN 1 END) AS not_states, "
        "count(DISTINCT r.iso3) AS codes",
    )
    assert counts["edges"] == sum(len(source_rows.ipi_types(r)) for r in ipi) == 44054
    assert counts["not_states"] == 0
    # one state record per contributor code IPI writes (its names vary, its ISO-3 does not)
    assert counts["states"] == counts["codes"] == len({r.cells["Contributor ISO-3"] for r in ipi})


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
