"""What an analyst could not see (issue 13, point 6), over real HTTP on the seeded graph: descriptions
of interviewees that differ from Appendix 1, a truncated name completed, quotes' display form."""

from __future__ import annotations

import httpx


def test_an_interview_keeps_appendix_1_and_each_other_description_with_its_locator(api: httpx.Client) -> None:
    interview = api.get("/interview/drc-1").json()
    roles = [s for s in interview["statements"] if s["field"] == "role"]
    preferred = [s for s in roles if s["preferred"]]
    assert [(s["value"], s["section"], s["line"]) for s in preferred] == [("DSRSG, MONUC", "appendix-1", 11508)]
    assert interview["role"] == "DSRSG, MONUC"
    others = {s["line"]: s["value"] for s in roles if not s["preferred"]}
    assert others[7329] == "a very senior member of MONUSCO's management staff"


def test_a_claim_shows_how_the_text_describes_its_interviewee(api: httpx.Client) -> None:
    claim = api.get("/claim/c-7-3-7").json()
    assert claim["interviews"] == ["kosovo-2"]
    [interviewee] = claim["interviewees"]
    assert (interviewee["id"], interviewee["role"]) == ("kosovo-2", "Deputy Head, EULEX")
    described = {(s["line"], s["value"]) for s in interviewee["described_otherwise"]}
    assert (10963, "One colleague on UNMiK") in described
    # A claim whose interviewee the text describes as Appendix 1 does shows nothing besides the role.
    plain = api.get("/claim/c-4-2-1-1").json()["interviewees"]
    assert [(i["id"], i["described_otherwise"]) for i in plain] == [("drc-13", [])]


def test_a_truncated_mission_name_is_completed_and_kept_as_a_statement(api: httpx.Client) -> None:
    domrep = api.get("/mission/domrep").json()
    assert domrep["name"] == "Mission of the Representative of the Secretary-General in the Dominican Republic"
    names = {s["value"]: s for s in domrep["statements"] if s["field"] == "name"}
    assert names[domrep["name"]]["preferred"]
    assert names[domrep["name"]]["file"] == "DGC-SCRES.json"
    truncated = names["Mission of the Representative of the Secretary-General in the"]
    assert (truncated["preferred"], truncated["file"], truncated["row"]) == (False, "DPPADPOSS-PKO.csv", 77)


def test_quotes_have_a_display_form_beside_the_verbatim_one(api: httpx.Client) -> None:
    figures = {f["line"]: f for f in api.get("/mission/unmik").json()["figures"]}
    assert figures[6061]["quote"] == "slightly over Jive hundred in total. And since then"
    assert figures[6061]["quote_display"] == "slightly over five hundred in total. And since then"
    claims = api.get("/claims", params={"q": "reconfigured", "limit": 50}).json()["items"]
    assert claims
    for claim in claims:
        if claim["quote"]:
            assert " o f " not in claim["quote_display"]
            assert claim["quote_display"].split() != []
