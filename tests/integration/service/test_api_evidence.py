"""Evidence inline (`expand=evidence`) on dependencies, the dependency matrix and centrality: each claim's
text, quote, interviews with roles, section and line, the same as the claim's own answer; ids by default."""

from __future__ import annotations

from typing import Any

import httpx


def _check(api: httpx.Client, ids: list[str], claims: list[dict[str, Any]]) -> None:
    assert [c["id"] for c in claims] == list(dict.fromkeys(ids))
    for claim in claims:
        own = api.get(f"/claim/{claim['id']}").json()
        assert (claim["text"], claim["quote"], claim["section"], claim["line"]) == (
            own["text"],
            own["quote"],
            own["section"],
            own["line"],
        )
        assert claim["interviews"] == own["interviewees"]


def test_dependencies_carry_ids_by_default_and_claims_on_request(api: httpx.Client) -> None:
    bare = api.get("/dependencies", params={"actor": "unmik"}).json()
    assert bare["direct"]
    assert all("claims" not in step for step in bare["direct"])
    full = api.get("/dependencies", params={"actor": "unmik", "expand": "evidence"}).json()
    assert [s["evidence"] for s in full["direct"]] == [s["evidence"] for s in bare["direct"]]
    for step in full["direct"][:5]:
        _check(api, step["evidence"], step["claims"])
    roles = [i["role"] for s in full["direct"] for c in s["claims"] for i in c["interviews"]]
    assert roles
    assert all(roles)


def test_chains_of_depth_two_are_expanded_too(api: httpx.Client) -> None:
    full = api.get("/dependencies", params={"actor": "unmik", "depth": 2, "expand": "evidence"}).json()
    steps = [s for chain in full["chains"] for s in chain["steps"]]
    assert any(len(chain["steps"]) == 2 for chain in full["chains"])
    assert all([c["id"] for c in s["claims"]] == list(dict.fromkeys(s["evidence"])) for s in steps)


def test_matrix_cells_carry_their_claims(api: httpx.Client) -> None:
    matrix = api.get("/dependencies/matrix", params={"actors": "unmik,unsc,osce,eu", "expand": "evidence"}).json()
    cells = [cell for row in matrix["rows"].values() for cell in row.values()]
    assert cells
    for cell in cells[:2]:
        _check(api, cell["evidence"], cell["claims"])


def test_centrality_carries_the_claims_behind_each_actor(api: httpx.Client) -> None:
    ranking = api.get("/centrality", params={"limit": 3, "expand": "evidence"}).json()["ranking"]
    assert all(score["claims"] for score in ranking)
    top = ranking[0]
    claims = top["claims"]
    deps = api.get("/dependencies", params={"actor": top["id"], "direction": "both"}).json()
    assert {i for s in deps["direct"] for i in s["evidence"]} <= {c["id"] for c in claims}
    assert "claims" not in api.get("/centrality", params={"limit": 3}).json()["ranking"][0]


def test_expand_takes_only_evidence(api: httpx.Client) -> None:
    response = api.get("/dependencies", params={"actor": "unmik", "expand": "everything"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["parameter"] == "query.expand"


def test_a_relation_carries_its_claims_on_request(api: httpx.Client) -> None:
    step = api.get("/dependencies", params={"actor": "unmik", "kind": "power"}).json()["direct"][0]
    slug = f"{step['from']}--depends-on--{step['kind']}--{step['on']}--{step['to']}"
    bare = api.get(f"/relation/{slug}").json()
    assert "claims" not in bare
    full = api.get(f"/relation/{slug}", params={"expand": "evidence"}).json()
    assert full["properties"] == bare["properties"]
    _check(api, step["evidence"], sorted(full["claims"], key=lambda c: step["evidence"].index(c["id"])))
