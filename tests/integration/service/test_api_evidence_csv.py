"""`expand=evidence` in CSV: /dependencies and /centrality give one row per row x claim with the claim's
text, quote, interviews, interviewee roles, section and line, the same as the JSON answer's inline
claims; without expand the CSV is one row per row, as before."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx

EVIDENCE = [
    "claim",
    "claim_text",
    "claim_quote",
    "claim_interviews",
    "claim_interviewee_roles",
    "claim_section",
    "claim_line",
]


def _csv(api: httpx.Client, path: str, **params: str) -> tuple[list[str], list[dict[str, str]]]:
    answer = api.get(path, params={**params, "format": "csv"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(answer.text))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _claim_cells(claim: dict[str, Any] | None) -> dict[str, str]:
    if claim is None:  # an actor with no claim found keeps its one row
        return dict.fromkeys(EVIDENCE, "")
    return {
        "claim": claim["id"],
        "claim_text": claim["text"],
        "claim_quote": claim["quote"] or "",
        "claim_interviews": "; ".join(i["id"] for i in claim["interviews"]),
        "claim_interviewee_roles": "; ".join(i["role"] or "" for i in claim["interviews"]),
        "claim_section": claim["section"] or "",
        "claim_line": "" if claim["line"] is None else str(claim["line"]),
    }


def test_dependencies_csv_has_a_row_per_dependency_and_claim(api: httpx.Client) -> None:
    params = {"actor": "unmik", "direction": "both"}
    plain_columns, plain = _csv(api, "/dependencies", **params)
    assert not set(EVIDENCE) & set(plain_columns)  # without expand: as before
    columns, rows = _csv(api, "/dependencies", **params, expand="evidence")
    assert columns == [*plain_columns, *EVIDENCE]
    full = api.get("/dependencies", params={**params, "expand": "evidence"}).json()
    steps = [(n, i, step) for n, c in enumerate(full["chains"], 1) for i, step in enumerate(c["steps"], 1)]
    assert len(plain) == len(steps)
    expected = [
        (str(n), str(i), step["from"], step["to"], _claim_cells(claim))
        for n, i, step in steps
        for claim in step["claims"]
    ]
    assert all(step["claims"] for _, _, step in steps), "every evidenced step has a claim"
    got = [(r["chain"], r["step"], r["from"], r["to"], {k: r[k] for k in EVIDENCE}) for r in rows]
    assert got == expected
    assert any(r["claim_interviewee_roles"] for r in rows)  # the interviewees' roles, from Appendix 1
    # the step's own columns are repeated on each of its claim rows
    by_step = {(p["chain"], p["step"]): p for p in plain}
    for row in rows:
        assert {k: row[k] for k in plain_columns} == by_step[(row["chain"], row["step"])]


def test_centrality_csv_has_a_row_per_actor_and_claim(api: httpx.Client) -> None:
    plain_columns, plain = _csv(api, "/centrality", limit="5")
    columns, rows = _csv(api, "/centrality", limit="5", expand="evidence")
    assert columns == [*plain_columns, *EVIDENCE]
    full = api.get("/centrality", params={"limit": "5", "expand": "evidence"}).json()
    expected = [(str(s["rank"]), s["id"], _claim_cells(c)) for s in full["ranking"] for c in s["claims"] or [None]]
    got = [(r["rank"], r["id"], {k: r[k] for k in EVIDENCE}) for r in rows]
    assert got == expected
    assert {r["id"] for r in rows} == {r["id"] for r in plain}


def test_the_docs_say_what_expand_does_to_the_csv(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    for path in ("/dependencies", "/centrality"):
        (expand,) = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "expand"]
        assert "one row per row x claim" in expand["description"], path
