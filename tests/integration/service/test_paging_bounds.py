"""Paging parameters are bounded: out-of-range values are 422 naming the parameter, never a 500."""

from __future__ import annotations

import httpx
import pytest

from service.paging import MAX_OFFSET


@pytest.mark.parametrize(
    "query",
    [
        "/claims?offset=2147483647&limit=1",
        "/missions?offset=9223372036854775808",
        f"/organisations?offset={MAX_OFFSET + 1}",
        "/interviews?limit=0",
        "/missions?limit=100000",
        "/resolutions?offset=-1",
    ],
)
def test_out_of_range_paging_is_422(api: httpx.Client, query: str) -> None:
    response = api.get(query)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "bad_input"
    assert any(problem["parameter"].endswith(("offset", "limit")) for problem in body["detail"])


def test_the_largest_offset_answers_an_empty_page(api: httpx.Client) -> None:
    response = api.get("/claims", params={"offset": MAX_OFFSET, "limit": 1})
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert response.json()["total"] > 0
