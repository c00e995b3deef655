"""The thesis's personnel figures beside Passmore's strength in /missions/{id}/strength: agreeing
values corroborate, differing ones show each source's value and the preferred one."""

from __future__ import annotations

from typing import Any

import httpx

from tests import source_rows

COLUMN = {"authorised_troops": "authtroop", "authorised_police": "authpolice", "authorised_observers": "authmilobs"}


def _compared(api: httpx.Client) -> list[dict[str, Any]]:
    answer = api.get("/missions/monuc/strength").json()
    assert answer["rule"], "the comparison names its rule"
    found: list[dict[str, Any]] = answer["corroboration"]
    return found


def test_thesis_ceilings_against_passmore_by_year(api: httpx.Client) -> None:
    compared = [c for c in _compared(api) if c["measure"] in COLUMN and len(c["figure"]["refers_to"]) == 4]
    assert compared, "the thesis gives MONUC's ceilings by year, Passmore by month"
    outcomes = set()
    for c in compared:
        figure = c["figure"]
        months = source_rows.passmore_year("MONUC", int(figure["refers_to"]))
        values = {float(cell) for r in months if (cell := r.cells[COLUMN[c["measure"]]]) not in ("", "NA")}
        # every public witness is a value Passmore's file gives in that year, read at its own row
        for witness in c["public"]:
            assert witness["source"] == "passmore-shortfall"
            (row,) = [r for r in source_rows.rows(witness["file"]) if r.line == witness["row"]]
            assert float(row.cells[witness["column"]]) == witness["value"]
            assert witness["value"] in values
        expected = "corroborated" if float(figure["value"]) in values else "differs"
        assert c["outcome"] == expected, c
        if expected == "differs":
            assert c["preferred"] in {w["strength"] for w in c["public"]}
        else:
            assert c["preferred"] is None
            assert all(w["value"] == figure["value"] for w in c["public"])
        assert figure["source"] == "thesis"
        assert figure["line"]
        outcomes.add(expected)
    assert outcomes == {"corroborated", "differs"}


def test_figures_without_public_data_are_not_compared(api: httpx.Client) -> None:
    # Passmore's MONUC starts in 2000-07: a figure of 2000-02 has nothing to meet
    first = source_rows.passmore_year("MONUC", 2000)[0]
    assert int(first.cells["month"]) > 2
    assert not [c for c in _compared(api) if c["figure"]["refers_to"] == "2000-02"]
    kfor = api.get("/missions/kfor/strength").json()
    assert kfor["corroboration"] == []
    assert kfor["rule"] is None
