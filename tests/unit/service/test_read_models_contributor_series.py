"""The mission page's contributors over time, from a hand-made statement row (no Neo4j)."""

from __future__ import annotations

from service.read_models.contributor_series import contributors_over_time

IPI = {"basis": "official monthly count", "source": "ipi-peacekeeping", "file": "ipi/Gender.Full.csv"}
GEO = {"basis": "map estimate", "source": "geo-pko", "file": "geo-pko/TCCMap.csv"}
RECORD = {
    "mission": {"id": "m", "name": "Mission", "acronym": "M"},
    "totals": [{"month": "2012-01", "count": 120}, {"month": "2012-02", "count": 130}],
    "official": [
        {
            "state": "pak",
            "state_name": "Pakistan",
            "total": 200,
            "points": [{"period": "2012-01", "count": 100}, {"period": "2012-02", "count": 100}],
        },
        {"state": "ind", "state_name": "India", "total": 10, "points": [{"period": "2012-02", "count": 10}]},
    ],
    "official_sources": [IPI],
    "estimates": [{"state": "ind", "state_name": "India", "total": 900, "points": [{"period": "2012", "count": 900}]}],
    "estimate_sources": [GEO],
}


def test_each_basis_is_its_own_series_never_summed() -> None:
    found = contributors_over_time(RECORD)
    assert [(s["state"], s["kind"]) for s in found["official"]] == [("pak", "official"), ("ind", "official")]
    assert [(s["state"], s["kind"]) for s in found["estimates"]] == [("ind", "estimate")]
    assert found["estimates"][0]["points"] == [{"x": 2012.0, "y": 900, "date": "2012"}]
    assert [p["y"] for p in found["total"]] == [120, 130]
    assert found["sources"] == {"official": [IPI], "estimate": [GEO]}


def test_the_tables_have_a_row_per_period_and_a_column_per_state() -> None:
    found = contributors_over_time(RECORD)
    table = found["official_table"]
    assert [s["id"] for s in table["states"]] == ["pak", "ind"]
    assert table["rows"] == [
        {"period": "2012-01", "counts": [100, None], "total": 120},
        {"period": "2012-02", "counts": [100, 10], "total": 130},
    ]
    assert found["estimates_table"]["rows"] == [{"period": "2012", "counts": [900]}]
