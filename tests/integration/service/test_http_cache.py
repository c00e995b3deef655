"""Validation caching over real HTTP: ETag, If-None-Match -> 304, Cache-Control, Vary (issue 15)."""

from __future__ import annotations

import httpx
import pytest
from neo4j import Driver

from schema.settings import Settings

PAGES = ["/missions", "/mission/unmik", "/dependencies?actor=unmik", "/centrality", "/.well-known/void"]


@pytest.mark.parametrize("path", PAGES)
def test_an_unchanged_answer_is_304_without_a_body(api: httpx.Client, path: str) -> None:
    first = api.get(path)
    assert first.status_code == 200
    tag = first.headers["etag"]
    assert tag.startswith('"')
    assert first.headers["cache-control"] == "no-cache"
    assert "accept" in first.headers["vary"].lower()
    again = api.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == tag
    assert api.get(path).headers["etag"] == tag  # the same bytes, the same tag


def test_each_representation_has_its_own_tag(api: httpx.Client) -> None:
    json_tag = api.get("/mission/unmik", headers={"Accept": "application/json"}).headers["etag"]
    turtle = api.get("/mission/unmik", headers={"Accept": "text/turtle", "If-None-Match": json_tag})
    assert turtle.status_code == 200
    assert turtle.headers["etag"] != json_tag


def test_a_stale_tag_gets_the_whole_answer(api: httpx.Client) -> None:
    response = api.get("/missions", headers={"If-None-Match": '"not-the-current-tag"'})
    assert response.status_code == 200
    assert response.json()["items"]


def test_a_change_in_the_graph_changes_the_tag(api: httpx.Client, seeded: Driver, settings: Settings) -> None:
    # The graph changes as an ingest changes it: with a new version on the source's :Dataset node
    # (the answer cache serves each version's answers until the version changes).
    before = api.get("/mission/unmik")
    seeded.execute_query(
        "MATCH (d:Dataset {id: 'curated'}) MATCH (m:Mission {id: 'unmik'}) "
        "SET d.version = d.version + '-test', m.name = m.name + ' (test)'",
        database_=settings.neo4j_database,
    )
    try:
        after = api.get("/mission/unmik", headers={"If-None-Match": before.headers["etag"]})
        assert after.status_code == 200
        assert after.headers["etag"] != before.headers["etag"]
    finally:
        seeded.execute_query(
            "MATCH (d:Dataset {id: 'curated'}) MATCH (m:Mission {id: 'unmik'}) "
            "SET d.version = left(d.version, size(d.version) - 5), m.name = left(m.name, size(m.name) - 7)",
            database_=settings.neo4j_database,
        )
    assert api.get("/mission/unmik").headers["etag"] == before.headers["etag"]


def test_streamed_dumps_and_errors_carry_no_tag(api: httpx.Client) -> None:
    assert "etag" not in api.get("/rdf", params={"format": "nt"}).headers
    assert "etag" not in api.get("/mission/no-such-mission").headers
