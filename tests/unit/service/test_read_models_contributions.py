"""The personnel read models without Neo4j: ranking, tables, the data basis of dependency and centrality."""

from __future__ import annotations

from typing import Any

import pytest

from service import models
from service.read_models import contributions as read_model
from service.tabular import table_of


def _official(state: str, count: int, types: list[tuple[str, int]], row: int) -> dict[str, Any]:
    return {
        "state": state,
        "state_name": state.upper(),
        "period": "2012-06",
        "basis": "official monthly count",
        "source": "ipi-peacekeeping",
        "file": "ipi-peacekeeping/Gender.Full.csv",
        "rows": [row],
        "count": count,
        "types": [{"type": t, "count": n, "men": n, "women": 0} for t, n in types],
    }


RECORD = {
    "mission": {"id": "monusco", "name": "MONUSCO", "acronym": "MONUSCO"},
    "month": "2012-06",
    "official": [
        _official("uru", 1200, [("troops", 1200)], 30),
        _official("pak", 3749, [("troops", 3694), ("experts", 55)], 18152),
        _official("ind", 3749, [("troops", 3749)], 12),
    ],
    "estimates": [
        {
            "state": "pak",
            "state_name": "PAK",
            "period": "2012",
            "basis": "map estimate",
            "source": "geo-pko",
            "file": "geo-pko/TCCMap_v.2.3.csv",
            "rows": [9, 4],
            "count": 850,
            "locations": 2,
            "unknown_sizes": 1,
        },
    ],
}


def test_contributors_are_ranked_by_count_ties_by_id_each_basis_apart() -> None:
    answer = read_model.contributors(RECORD, None)
    assert [(r.rank, r.state.id) for r in answer.official] == [(1, "ind"), (2, "pak"), (3, "uru")]
    assert [t.type for t in answer.official[1].types] == ["troops", "experts"]
    assert answer.year == 2012
    (estimate,) = answer.estimates
    assert (estimate.rank, estimate.basis, estimate.rows) == (1, "map estimate", [4, 9])


def test_contributors_table_has_a_column_per_type() -> None:
    table = table_of(read_model.contributors(RECORD, None))
    assert table is not None
    rows = list(table.rows)
    pak = rows[1]
    assert (pak["troops"], pak["experts"], pak["police"], pak["men"], pak["rows"]) == (3694, 55, None, 3749, "18152")
    assert rows[-1]["basis"] == "map estimate"
    assert rows[-1]["troops"] is None
    assert rows[-1]["rows"] == "4;9"


def _data_row(mission: str, state: str, count: int, total: int) -> dict[str, Any]:
    return {
        "month": "2012-06",
        "mission": {"id": mission},
        "state": {"id": state},
        "count": count,
        "mission_total": total,
        "share": count / total,
        "source": "ipi-peacekeeping",
        "basis": "official monthly count",
    }


def test_data_dependencies_keep_the_actors_side() -> None:
    rows = [_data_row("monusco", "pak", 3, 4), _data_row("monusco", "ind", 1, 4), _data_row("unmiss", "pak", 1, 1)]
    actor = models.Ref(id="pak")
    incoming = read_model.data_dependencies(actor, "in", rows)
    assert incoming.basis == "data"
    assert [(e.source_actor, e.share) for e in incoming.edges] == [("monusco", 0.75), ("unmiss", 1.0)]
    assert read_model.data_dependencies(actor, "out", rows).edges == []
    mission = read_model.data_dependencies(models.Ref(id="monusco"), "out", rows)
    assert sum(e.share for e in mission.edges) == pytest.approx(1)
    assert read_model.data_dependencies(actor, "in", []).month is None


def test_data_centrality_names_its_basis_and_weighting() -> None:
    rows = [
        {
            "month": "2012-06",
            "from": "monusco",
            "from_name": "MONUSCO",
            "to": "pak",
            "to_name": "Pakistan",
            "share": 0.75,
        },
        {"month": "2012-06", "from": "unmiss", "from_name": "UNMISS", "to": "pak", "to_name": "Pakistan", "share": 1.0},
    ]
    answer = read_model.data_centrality(rows, "degree", 10)
    assert (answer.basis, answer.month, answer.graph.relations) == ("data", "2012-06", ["CONTRIBUTES"])
    assert answer.ranking[0].id == "pak"
    assert answer.ranking[0].score == 2
    assert "share" in answer.graph.weighting


def test_strength_series_links_the_resolution() -> None:
    row = {
        "id": "monuc-authorised-troops-2008-12",
        "month": "2008-12",
        "measure": "authorised_troops",
        "value": 19815,
        "source": "passmore-shortfall",
        "file": "f",
        "row": 797,
        "column": "authtroop",
        "change": "change",
        "previous": 17030,
        "observer_coding": "unverified",
        "interpolated": False,
        "outcome": None,
        "preferred": True,
        "corroborated_by": None,
    }
    answer = read_model.strength_series(
        {"id": "monuc", "name": "MONUC"}, [{"strength": row, "set_by": {"id": "s-res-1856-2008", "number": 1856}}]
    )
    (item,) = answer.series
    assert item.set_by is not None
    assert item.set_by.name == "S/RES/1856"
    table = table_of(answer)
    assert table is not None
    assert next(iter(table.rows))["set_by"] == "s-res-1856-2008"
