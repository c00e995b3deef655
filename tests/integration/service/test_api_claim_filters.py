"""/claims filters by section, subsection, research question and code (with the code hierarchy), the
research question filled from the coding, interviewee roles on claim rows, and 422s for unknown values."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import yaml

from schema.paths import PROJECT_ROOT


@pytest.fixture(scope="module")
def every_claim(api: httpx.Client) -> list[dict[str, Any]]:
    page = api.get("/claims", params={"limit": 500}).json()
    assert page["total"] == len(page["items"])
    return list(page["items"])


def _ids(api: httpx.Client, **params: str) -> list[str]:
    page = api.get("/claims", params={**params, "limit": 500}).json()
    assert page["total"] == len(page["items"]), page
    return [c["id"] for c in page["items"]]


def test_section_filter_keeps_the_section_and_its_subsections(
    api: httpx.Client, every_claim: list[dict[str, Any]]
) -> None:
    expected = [c["id"] for c in every_claim if c["section"] == "5.2" or c["section"].startswith("5.2.")]
    found = _ids(api, section="5.2")
    assert found == expected
    assert 0 < len(found) < len(every_claim)


def test_subsection_filter(api: httpx.Client, every_claim: list[dict[str, Any]]) -> None:
    subsections = sorted({c["subsection"] for c in every_claim if c["subsection"]})
    assert len(subsections) > 5
    for subsection in subsections[:3]:
        assert _ids(api, subsection=subsection) == [c["id"] for c in every_claim if c["subsection"] == subsection]


def test_a_malformed_section_is_422(api: httpx.Client) -> None:
    response = api.get("/claims", params={"section": "five"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["parameter"] == "query.section"


def test_research_question_is_filled_from_the_coding(every_claim: list[dict[str, Any]]) -> None:
    records = yaml.safe_load((PROJECT_ROOT / "data" / "claims.yaml").read_text(encoding="utf-8"))
    coded = {r["id"]: r.get("research_question") for r in records}
    assert sum(1 for v in coded.values() if v) > 100
    assert {c["id"]: c["research_question"] for c in every_claim} == coded


def test_research_question_filter_and_its_broader_question(
    api: httpx.Client, every_claim: list[dict[str, Any]]
) -> None:
    rq1 = _ids(api, research_question="rq1")
    assert rq1 == [c["id"] for c in every_claim if c["research_question"] == "rq1"]
    central = set(_ids(api, research_question="rq-central"))
    assert central == {c["id"] for c in every_claim if c["research_question"]}
    assert set(rq1) < central


def test_a_broader_code_matches_its_narrower_codes(api: httpx.Client, every_claim: list[dict[str, Any]]) -> None:
    broader = {c["id"]: c["broader"] for c in api.get("/codes").json()}

    def family(code: str) -> set[str]:
        """The code and every code below it."""
        below = {code}
        while grown := {k for k, b in broader.items() if b in below} - below:
            below |= grown
        return below

    checked = 0
    for code in sorted({b for b in broader.values() if b}):
        codes = family(code)
        expected = [c["id"] for c in every_claim if codes & set(c["codes"])]
        assert _ids(api, code=code) == expected, code
        checked += any(code not in c["codes"] for c in every_claim if codes & set(c["codes"]))
    assert checked  # some broader code matched claims coded only with a narrower one


def test_unknown_filter_values_are_422_naming_them(api: httpx.Client) -> None:
    for params, named in (
        ({"code": "nonexistent"}, "nonexistent"),
        ({"research_question": "rq9"}, "rq9"),
        ({"interview": "drc-999"}, "drc-999"),
        ({"mission": "atlantis"}, "atlantis"),
        ({"actor": "nobody"}, "nobody"),
    ):
        response = api.get("/claims", params=params)
        assert response.status_code == 422, params
        body = response.json()
        assert body["error"] == "bad_input"
        assert named in body["detail"]
        assert next(iter(params)) in body["detail"]


def test_claim_rows_and_details_carry_the_interviewee_role(
    api: httpx.Client, every_claim: list[dict[str, Any]]
) -> None:
    roles = {i["id"]: i["role"] for i in api.get("/interviews", params={"limit": 500}).json()["items"]}
    cited = [c for c in every_claim if c["interviews"]]
    assert len(cited) > 100
    for claim in cited:
        assert [i["id"] for i in claim["interviewees"]] == claim["interviews"]
        assert all(i["role"] == roles[i["id"]] for i in claim["interviewees"])
    detail = api.get(f"/claim/{cited[0]['id']}").json()
    assert detail["interviewees"] == cited[0]["interviewees"]
    assert detail["research_question"] == cited[0]["research_question"]


def test_unknown_values_of_the_other_lists_are_422_too(api: httpx.Client) -> None:
    for path, params in (
        ("/missions", {"territory": "atlantis"}),
        ("/missions", {"lead": "nobody"}),
        ("/organisations", {"parent": "nobody"}),
        ("/resolutions", {"mission": "atlantis"}),
        ("/figures", {"mission": "atlantis"}),
        ("/tasks", {"mission": "atlantis"}),
        ("/posts", {"unit": "no-unit"}),
        ("/centrality", {"mission": "atlantis"}),
    ):
        response = api.get(path, params=params)
        assert response.status_code == 422, (path, params)
        (name, value) = next(iter(params.items()))
        assert f"{name}: no " in response.json()["detail"]
        assert repr(value) in response.json()["detail"]
