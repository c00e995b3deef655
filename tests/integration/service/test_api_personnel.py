"""Contributors, a state's contributions, the strength series and the data basis of dependency, over HTTP."""

from __future__ import annotations

import csv
import io

import httpx

from tests import source_rows

PAK = source_rows.ipi_contribution("PAK", "MONUSCO", "2012-06")
SC_FILE = "un-psdata-scmembership/DPPA-SCMembership.csv"


def test_top_contributors_of_a_mission_in_a_month(api: httpx.Client) -> None:
    answer = api.get("/missions/monusco/contributors", params={"at": "2012-06"}).json()
    assert answer["month"] == "2012-06"
    official = answer["official"]
    assert [row["rank"] for row in official] == list(range(1, len(official) + 1))
    # ranked as Gender.Full.csv's totals of that month rank them
    month = source_rows.ipi_contributions("MONUSCO", "2012-06")
    assert [row["count"] for row in official] == sorted((r.int("Total Total") for r in month), reverse=True)
    assert all(row["basis"] == "official monthly count" and row["source"] == "ipi-peacekeeping" for row in official)
    pakistan = next(row for row in official if row["state"]["id"] == "pak")
    assert pakistan["count"] == PAK.int("Total Total")
    assert {t["type"]: t["count"] for t in pakistan["types"]} == {
        kind: total for kind, (total, _, _) in source_rows.ipi_types(PAK).items()
    }
    assert (pakistan["file"], pakistan["rows"]) == (PAK.file, [PAK.line])
    assert all(row["basis"] == "map estimate" and row["source"] == "geo-pko" for row in answer["estimates"])


def test_contributors_as_csv_and_bad_input(api: httpx.Client) -> None:
    text = api.get("/missions/monusco/contributors", params={"at": "2012-06", "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    pakistan = next(r for r in rows if r["state"] == "pak" and r["basis"] == "official monthly count")
    types = source_rows.ipi_types(PAK)
    assert (pakistan["troops"], pakistan["experts"], pakistan["rows"]) == (
        str(types["troops"][0]),
        str(types["experts"][0]),
        str(PAK.line),
    )
    assert api.get("/missions/monusco/contributors").status_code == 422
    assert api.get("/missions/monusco/contributors", params={"at": "2012-13"}).status_code == 422
    assert api.get("/missions/no-such-mission/contributors", params={"year": "2012"}).status_code == 404


def test_a_year_gives_the_latest_month_and_the_map_estimates(api: httpx.Client) -> None:
    answer = api.get("/missions/monusco/contributors", params={"year": "2012"}).json()
    assert answer["month"] == "2012-12"
    assert answer["year"] == 2012
    assert answer["estimates"], "Geo-PKO has MONUSCO in 2012"
    for row in answer["estimates"]:
        assert row["period"] == "2012"
        assert row["locations"] >= 1


def test_a_states_contributions_over_time(api: httpx.Client) -> None:
    answer = api.get("/organisations/pak/contributions").json()
    june = next(r for r in answer["official"] if r["mission"]["id"] == "monusco" and r["period"] == "2012-06")
    assert june["count"] == PAK.int("Total Total")
    assert {t["type"]: (t["count"], t["men"], t["women"]) for t in june["types"]} == source_rows.ipi_types(PAK)
    periods = [r["period"] for r in answer["official"]]
    assert periods == sorted(periods)
    text = api.get("/organisations/pak/contributions", params={"format": "csv"}).text
    assert "official monthly count" in text
    assert "ipi-peacekeeping/Gender.Full.csv" in text
    assert api.get("/organisations/no-such-state/contributions").status_code == 404


def test_a_ceiling_change_linked_to_its_resolution(api: httpx.Client) -> None:
    series = api.get("/missions/monuc/strength").json()["series"]
    # MONUC's troop ceiling rose in 2008-12 (res. 1856, adopted 22 Dec 2008: lag 0)
    row, before = source_rows.passmore("MONUC", 2008, 12), source_rows.passmore("MONUC", 2008, 11)
    change = next(s for s in series if s["id"] == "monuc-authorised-troops-2008-12")
    assert (change["value"], change["previous"], change["change"]) == (
        row.int("authtroop"),
        before.int("authtroop"),
        "change",
    )
    assert change["set_by"]["id"] == "s-res-1856-2008"
    assert (change["source"], change["row"], change["column"]) == ("passmore-shortfall", row.line, "authtroop")
    assert change["observer_coding"] == "unverified"
    deployed = [s for s in series if s["measure"] == "deployed_troops" and s["month"] == "2008-12"]
    assert deployed
    assert all(s["source"] in ("ipi-peacekeeping", "passmore-shortfall") for s in deployed)


def test_deployed_strength_against_the_ceiling_in_force(api: httpx.Client) -> None:
    series = api.get("/missions/monusco/strength").json()["series"]
    ceilings = [s for s in series if s["measure"] == "authorised_troops" and s["month"] <= "2012-06"]
    in_force = max(ceilings, key=lambda s: s["month"])
    assert in_force["value"] == source_rows.passmore("MONUSCO", 2012, 6).int("authtroop")
    total = source_rows.ipi_total("MONUSCO", "2012-06")
    (deployed,) = [
        s for s in series if s["measure"] == "deployed_troops" and s["month"] == "2012-06" and s["preferred"]
    ]
    assert (deployed["value"], deployed["source"], deployed["row"]) == (
        total.int("Troops"),
        "ipi-peacekeeping",
        total.line,
    )
    assert deployed["value"] < in_force["value"]  # MONUSCO below its troop ceiling that month


def test_the_mission_resource_links_its_strength_and_contributors(api: httpx.Client) -> None:
    mission = api.get("/mission/monusco", headers={"Accept": "application/json"}).json()
    assert mission["strength"] == "/missions/monusco/strength"
    assert mission["contributors"].startswith("/missions/monusco/contributors?at=")
    top = mission["top_contributors"]
    assert 1 <= len(top) <= 5
    assert [t["count"] for t in top] == sorted((t["count"] for t in top), reverse=True)


def test_dependencies_default_basis_is_the_evidence(api: httpx.Client) -> None:
    plain = api.get("/dependencies", params={"actor": "unmik"})
    named = api.get("/dependencies", params={"actor": "unmik", "basis": "evidence"})
    assert plain.content == named.content
    assert plain.json()["basis"] == "evidence"  # every answer names its basis


def test_dependencies_on_the_data_basis(api: httpx.Client) -> None:
    answer = api.get("/dependencies", params={"actor": "monusco", "basis": "data", "month": "2012-06"}).json()
    assert answer["basis"] == "data"
    assert answer["month"] == "2012-06"
    shares = [e["share"] for e in answer["edges"]]
    assert abs(sum(shares) - 1) < 1e-9
    pakistan = next(e for e in answer["edges"] if e["to"] == "pak")
    assert pakistan["count"] == PAK.int("Total Total")
    assert pakistan["share"] == PAK.int("Total Total") / pakistan["mission_total"]
    assert all(e["from"] == "monusco" and e["kind"] == "resource" for e in answer["edges"])
    state = api.get("/dependencies", params={"actor": "pak", "basis": "data", "direction": "in", "month": "2012-06"})
    assert any(e["from"] == "monusco" and e["to"] == "pak" for e in state.json()["edges"])
    both = api.get("/dependencies", params={"actor": "monusco", "basis": "both", "month": "2012-06"}).json()
    assert both["basis"] == "both"
    assert both["data"]["basis"] == "data"
    assert both["data"]["edges"] == answer["edges"]
    assert "direct" in both["evidence"]


def test_centrality_on_the_data_basis(api: httpx.Client) -> None:
    plain = api.get("/centrality")
    assert plain.content == api.get("/centrality", params={"basis": "evidence"}).content
    assert plain.json()["basis"] == "evidence"
    answer = api.get("/centrality", params={"basis": "data", "year": "2013", "metric": "degree"}).json()
    assert answer["basis"] == "data"
    assert answer["month"] == "2013-12"
    assert answer["graph"]["relations"] == ["CONTRIBUTES"]
    assert answer["ranking"]
    both = api.get("/centrality", params={"basis": "both"}).json()
    assert both["evidence"]["ranking"] == plain.json()["ranking"]
    assert both["data"]["basis"] == "data"


def test_the_query_library_gives_the_council_of_a_year(api: httpx.Client) -> None:
    listed = {q["name"] for q in api.get("/queries").json()}
    assert {"council_in_year", "mission_contributors", "organisation_contributions"} <= listed
    assert "mandate_evolution_sources" in listed  # a mission's mandate history from PEMA and TAMM
    result = api.post("/queries/council_in_year", json={"year": 2013}).json()
    members = result["rows"]
    expected = [
        r for r in source_rows.rows(SC_FILE) if r.cells["year"] == "2013" and r.cells["security_council_member"]
    ]
    assert sorted(m["row"] for m in members) == sorted(r.line for r in expected)
    assert len(members) == 15
    assert sum(bool(m["permanent"]) for m in members) == 5
    assert {m["file"] for m in members} == {SC_FILE}
