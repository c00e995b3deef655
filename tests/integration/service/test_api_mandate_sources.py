"""Mandate evolution from the public sources over real HTTP, on the graph seeded with every source."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx


def _history(answer: dict[str, Any], source: str) -> dict[str, Any]:
    return next(h for h in answer["sources"] if h["source"] == source)


def test_minusma_history_starts_with_its_establishing_resolution_and_tasks(api: httpx.Client) -> None:
    answer = api.get("/missions/minusma/mandate-evolution").json()
    assert answer["mandates"] == []  # the thesis has no MINUSMA mandate
    pema, tamm = _history(answer, "pema"), _history(answer, "tamm")
    assert pema["carry_forward"] == "accumulates"
    assert tamm["carry_forward"] == "full-vector"
    first = pema["mandates"][0]
    assert (first["mandate"], first["resolutions"], first["date"]) == ("pema-minusma-2100", [2100], "2013-04-25")
    assert first["source"] == {
        "source": "pema",
        "file": "pema/PEMA_Feb22_v1.2.csv",
        "row": first["source"]["row"],
        "key": None,
        "column": None,
    }
    civ = next(t for t in first["tasks"] if t["code"] == "pema-civ-protect")
    assert (civ["modality"], civ["paragraph"], civ["column"]) == ("security", "16c, 16c(i), 26", "CivProtect_Security")
    assert {"task": "protection-of-civilians", "match": "EXACT_MATCH"} in [
        {k: p[k] for k in ("task", "match")} for p in civ["project"]
    ]
    assert "protection-of-civilians" in first["project_gained"]
    assert first["gained"] == first["in_force"]
    assert tamm["mandates"][0]["mandate"] == "tamm-minusma-2100"
    assert tamm["mandates"][0]["resolutions"] == [2100]
    # PEMA never drops a task: what a later resolution does not restate stays in force.
    assert all(step["dropped"] == [] for step in pema["mandates"])
    later = pema["mandates"][1]
    assert set(later["not_restated"]) <= set(later["in_force"])


def test_at_gives_the_mandate_in_force_that_day_per_source(api: httpx.Client) -> None:
    answer = api.get("/missions/minusma/mandate-evolution", params={"at": "2014-01-01"}).json()
    assert answer["at"] == "2014-01-01"
    in_force = {row["source"]: row for row in answer["in_force"]}
    assert in_force["pema"]["mandate"] == "pema-minusma-2100"
    assert in_force["tamm"]["mandate"] == "tamm-minusma-2100"
    assert "pema-civ-protect" in in_force["pema"]["tasks"]
    assert "protection-of-civilians" in in_force["pema"]["project_tasks"]
    later = api.get("/missions/minusma/mandate-evolution", params={"at": "2014-07-01"}).json()
    assert {r["source"]: r["mandate"] for r in later["in_force"]} == {
        "pema": "pema-minusma-2164",
        "tamm": "tamm-minusma-2164",
    }
    before = api.get("/missions/minusma/mandate-evolution", params={"at": "2000-01-01"}).json()
    assert before["in_force"] == []
    assert api.get("/missions/minusma/mandate-evolution", params={"at": "2014-13-01"}).status_code == 422
    assert api.get("/missions/minusma/mandate-evolution").json()["in_force"] is None


def test_at_for_the_thesis_mandates_of_monuc(api: httpx.Client) -> None:
    answer = api.get("/missions/monuc/mandate-evolution", params={"at": "2000-06-01"}).json()
    thesis = next(r for r in answer["in_force"] if r["source"] == "thesis")
    assert thesis["mandate"] == "monuc-1291"
    assert any(r["source"] == "pema" for r in answer["in_force"])


def test_tamm_drops_tasks_by_unmik_reconfiguration(api: httpx.Client) -> None:
    answer = api.get("/missions/unmik/mandate-evolution").json()
    tamm = _history(answer, "tamm")
    first, reconfigured = tamm["mandates"][0], tamm["mandates"][1]
    assert first["mandate"] == "tamm-unmik-1244"
    assert {"act": "ESTABLISHES", "resolution": 1244, "source": "tamm"}.items() <= first["acts"][0].items()
    assert first["acts"][0]["file"] == "tamm/TAMM_mission-month_v2.1.csv"
    assert first["acts"][0]["row"]
    assert (reconfigured["instrument"], reconfigured["instrument_kind"]) == ("S/2008/354", "sc-document")
    assert reconfigured["resolutions"] == []
    assert reconfigured["acts"] == []
    assert reconfigured["dropped"]
    assert not set(reconfigured["dropped"]) & set(reconfigured["in_force"])
    # the thesis's view of UNMIK is unchanged
    assert [m["resolution"]["number"] for m in answer["mandates"]] == [1244]


def test_monuc_1291_no_longer_removes_what_it_does_not_restate(api: httpx.Client) -> None:
    steps = {m["mandate"]: m for m in api.get("/missions/monuc/mandate-evolution").json()["mandates"]}
    assert steps["monuc-1291"]["tasks_removed"] == []
    assert steps["monuc-1291"]["tasks_not_restated"]  # SCR 1279's tasks, still in force


def test_public_mandates_correspond_to_the_curated_one(api: httpx.Client) -> None:
    rows = api.post(
        "/cypher",
        json={
            "query": "MATCH (p:Mandate)-[c:CORRESPONDS_TO]->(d:Mandate {id: 'monuc-1291'}) "
            "RETURN p.id AS id, c.source AS source ORDER BY id"
        },
    ).json()["rows"]
    assert [r["id"] for r in rows] == ["pema-monuc-1291", "tamm-monuc-1291"]


def test_csv_of_every_source(api: httpx.Client) -> None:
    text = api.get("/missions/unmik/mandate-evolution", params={"format": "csv", "source": "all"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["mandate"] for r in rows} >= {"unmik-1244", "tamm-unmik-1244", "tamm-unmik-s-2008-354"}
    reconfigured = next(r for r in rows if r["mandate"] == "tamm-unmik-s-2008-354")
    assert reconfigured["tasks_removed"]
    assert reconfigured["source"].startswith("tamm tamm/")
    pema_only = api.get("/missions/minusma/mandate-evolution?format=csv&source=pema").text
    pema_rows = list(csv.DictReader(io.StringIO(pema_only)))
    assert pema_rows[0]["mandate"] == "pema-minusma-2100"
    assert pema_rows[0]["date"] == "2013-04-25"
    assert {r["source"].split()[0] for r in pema_rows} == {"pema"}
    assert api.get("/missions/unmik/mandate-evolution?format=csv&source=acled").status_code == 422
