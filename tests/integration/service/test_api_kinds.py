"""`kind` on /sources and /units takes the registry's vocabulary (schema.registry SOURCE_KINDS,
UNIT_KINDS, which the records validate against too): an unknown kind is a 422 naming the parameter
and listing the allowed values, as `/figures?measure=` does, not an empty page."""

from __future__ import annotations

import httpx
import pytest

from schema import registry


@pytest.mark.parametrize(("path", "kinds"), [("/sources", registry.SOURCE_KINDS), ("/units", registry.UNIT_KINDS)])
def test_an_unknown_kind_is_422_listing_the_kinds(api: httpx.Client, path: str, kinds: tuple[str, ...]) -> None:
    refused = api.get(path, params={"kind": "bogus"})
    assert refused.status_code == 422
    (problem,) = refused.json()["detail"]
    assert problem["parameter"] == "query.kind"
    assert problem["input"] == "bogus"
    allowed = problem["message"].replace("\\", "")  # the pattern escapes the hyphens
    assert all(kind in allowed for kind in kinds), problem


@pytest.mark.parametrize(("path", "kinds"), [("/sources", registry.SOURCE_KINDS), ("/units", registry.UNIT_KINDS)])
def test_every_kind_of_the_vocabulary_is_accepted(api: httpx.Client, path: str, kinds: tuple[str, ...]) -> None:
    every = api.get(path, params={"limit": 500}).json()
    assert every["total"] <= 500
    found = {item["kind"] for item in every["items"]}
    assert found <= set(kinds)  # the graph holds no kind the vocabulary lacks
    for kind in kinds:
        answer = api.get(path, params={"kind": kind, "limit": 500})
        assert answer.status_code == 200, (kind, answer.text)
        assert answer.json()["total"] == sum(item["kind"] == kind for item in every["items"])

