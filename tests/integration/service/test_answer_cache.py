"""The answer cache (service/answer_cache) against the routes themselves, on the curated data.

Two live servers over the session's Neo4j: one with the cache (as deployed), one with
PKGRAPH_CACHE_BYTES=0 (every answer from the routes). A kept answer must be the route's bytes, under
every dataset version, and a commit must show on the next request.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from schema.settings import Settings
from service.answer_cache import AnswerCache
from service.answer_cache.routes import normalised_query
from service.answer_cache.warm import BROWSER
from tests.conftest import DATA, LiveServer, load_curated

# (path, query, Accept): every cached family, in several representations.
CASES: list[tuple[str, dict[str, str | int], str]] = [
    ("/missions", {}, "*/*"),
    ("/missions", {"limit": 5, "offset": 2}, "text/csv"),
    ("/organisations", {"kind": "state"}, "application/json"),
    ("/resolutions", {}, "*/*"),
    ("/interviews", {}, "*/*"),
    ("/claims", {"limit": 20}, "*/*"),
    ("/codes", {}, "*/*"),
    ("/missions/monusco/mandate-evolution", {}, "*/*"),
    ("/missions/unmik/mandate-evolution", {}, "text/csv"),
    ("/dependencies", {"actor": "unmik", "depth": 2}, "*/*"),
    ("/dependencies", {"actor": "unmik", "direction": "both"}, "text/csv"),
    ("/dependencies/matrix", {"actors": "unmik,unsc,osce,eu"}, "*/*"),
    ("/centrality", {"metric": "pagerank"}, "*/*"),
    ("/centrality", {"metric": "betweenness", "kind": "resource"}, "text/csv"),
    ("/centrality", {"metric": "eigenvector", "mission": "unmik"}, "*/*"),
    ("/mission/unmik", {}, "application/json"),
    ("/mission/unmik", {}, "text/html"),
    ("/mission/monusco", {}, "text/turtle"),
    ("/organisation/osce", {}, "*/*"),
    ("/resolution/1244", {}, "application/ld+json"),
    ("/scheme/code", {}, "text/turtle"),
    ("/.well-known/void", {}, "text/turtle"),
    ("/rdf", {"format": "ttl"}, "*/*"),
    ("/rdf", {"format": "nt"}, "*/*"),
    ("/rdf", {"format": "trig"}, "*/*"),
    ("/ontology", {}, "text/turtle"),
    ("/", {}, "*/*"),
    ("/", {}, BROWSER),
    ("/explore/mission/unmik", {}, BROWSER),
    ("/explore/mission/monusco", {"format": "json"}, "*/*"),
    ("/explore/organisation/osce", {}, "*/*"),
    ("/explore/resolution/1244", {}, BROWSER),
    ("/explore/network", {"mission": "unmik"}, BROWSER),
    ("/explore/claims", {"code": "power-dependency", "chapter": 5}, "text/html"),
    ("/explore/findings", {"chapter": 7, "research_question": "rq1"}, BROWSER),
    ("/explore/mandate/monuc-1291", {}, BROWSER),
]


@dataclass(frozen=True)
class Servers:
    cached: LiveServer
    uncached: LiveServer
    client: httpx.Client  # of the cached server
    plain: httpx.Client  # of the uncached one

    @property
    def cache(self) -> AnswerCache:
        cache = self.cached.app.state.answers
        assert isinstance(cache, AnswerCache)
        return cache


@pytest.fixture(scope="module")
def servers(curated_only: Driver, settings: Settings) -> Iterator[Servers]:
    cached = LiveServer(settings.model_copy(update={"cache_warm": True}))
    uncached = LiveServer(settings.model_copy(update={"cache_bytes": 0}))
    with (
        cached,
        uncached,
        httpx.Client(base_url=cached.url, timeout=120) as client,
        httpx.Client(base_url=uncached.url, timeout=120) as plain,
    ):
        yield Servers(cached, uncached, client, plain)


def _answer(client: httpx.Client, path: str, query: Mapping[str, str | int], accept: str) -> tuple[object, ...]:
    response = client.get(path, params=query, headers={"Accept": accept})
    return response.status_code, response.headers.get("content-type"), response.headers.get("etag"), response.content


def _key(path: str, query: Mapping[str, str | int], accept: str) -> tuple[str, str, str, str]:
    """The key the cache gives the request `_answer` makes."""
    return path, normalised_query(str(httpx.QueryParams(query)).encode()), accept, "GET"


def _warmed(servers: Servers) -> None:
    servers.client.get("/missions")  # reads the version now
    deadline = time.monotonic() + 300
    while servers.cache.warmed != servers.cache.version.value:
        assert time.monotonic() < deadline, "the warm-up did not finish"
        time.sleep(0.2)


def _all_identical(servers: Servers) -> None:
    """Each case from the uncached server, then twice from the cached one (a miss, then a hit)."""
    for path, query, accept in CASES:
        uncached = _answer(servers.plain, path, query, accept)
        first = _answer(servers.client, path, query, accept)
        again = _answer(servers.client, path, query, accept)
        assert uncached[0] == 200, (path, query, accept)
        assert first == uncached, (path, query, accept)
        assert again == uncached, (path, query, accept)
        assert _key(path, query, accept) in servers.cache.store.kept(), (path, query, accept)


def test_the_warm_up_computes_the_known_answers_before_any_client(servers: Servers) -> None:
    _warmed(servers)
    keys = set(servers.cache.store.kept())
    warm: list[tuple[str, dict[str, str]]] = [
        ("/mission/unmik", {}),
        ("/missions/unmik/mandate-evolution", {}),
        ("/dependencies", {"actor": "osce"}),
    ]
    warm += [("/centrality", {"metric": metric}) for metric in ("degree", "betweenness", "pagerank", "eigenvector")]
    warm += [("/organisation/osce", {}), ("/missions", {}), ("/.well-known/void", {})]
    pages = ["/", "/explore/network", "/explore/claims", "/explore/mission/unmik", "/explore/organisation/osce"]
    warm += [(path, {}) for path in pages]
    for path, query in warm:
        assert _key(path, query, "*/*") in keys, path
    for path in pages:  # as a browser asks for them too
        assert _key(path, {}, BROWSER) in keys, path
    hits = servers.cache.hits
    assert servers.client.get("/dependencies", params={"actor": "unmik"}).status_code == 200
    assert servers.cache.hits == hits + 1


def test_the_warm_up_keeps_the_mandate_and_finding_pages_as_hits(servers: Servers) -> None:
    _warmed(servers)
    keys = set(servers.cache.store.kept())
    evolution = servers.plain.get("/missions/unmik/mandate-evolution").json()
    mandates = [step["mandate"] for step in evolution["mandates"]]
    mandates += [step["mandate"] for history in evolution["sources"] for step in history["mandates"]]
    findings = [f["id"] for f in servers.plain.get("/findings", params={"limit": 500}).json()["items"]]
    pages = (
        ["/explore/findings"]
        + [f"/explore/mandate/{m}" for m in mandates]
        + [f"/explore/finding/{f}" for f in findings]
    )
    assert mandates
    assert findings
    for path in pages:
        assert _key(path, {}, BROWSER) in keys, path
        assert _key(path, {}, "*/*") in keys, path
    for path in (pages[0], pages[1], pages[-1]):
        hits = servers.cache.hits
        assert servers.client.get(path, headers={"Accept": BROWSER}).status_code == 200
        assert servers.cache.hits == hits + 1, path


def test_routes_outside_the_allow_list_are_never_kept(servers: Servers) -> None:
    _warmed(servers)  # a warm-up still running (after an earlier test's new version) counts its own requests
    client = servers.client
    assert client.get("/search", params={"q": "unmik"}).status_code == 200
    assert client.get("/queries").status_code == 200
    assert client.post("/queries/mission", json={"id": "unmik"}).status_code == 200
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    assert client.post("/cypher", json={"query": "MATCH (m:Mission) RETURN count(m) AS n"}).status_code == 200
    assert client.get("/health").status_code == 200
    assert client.get("/ready").status_code == 200
    assert client.get("/openapi.json").status_code == 200
    # HEAD is GET without the body (service/http_methods.py, outside the cache): a kept answer serves it.
    got = client.get("/missions/unmik/mandate-evolution")
    hits = servers.cache.hits
    head = client.head("/missions/unmik/mandate-evolution")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == got.headers["etag"]
    assert servers.cache.hits == hits + 1
    assert client.get("/mission/no-such-mission").status_code == 404
    kept = {path for path, *_ in servers.cache.store.kept()}
    never = {"/search", "/queries", "/queries/mission", "/sparql", "/cypher", "/health", "/ready", "/openapi.json"}
    assert not kept & never
    assert "/mission/no-such-mission" not in kept


def test_identical_concurrent_misses_compute_once(servers: Servers) -> None:
    query: dict[str, str | int] = {"metric": "betweenness", "limit": 7}
    misses = servers.cache.misses
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: _answer(servers.client, "/centrality", query, "*/*"), range(8)))
    assert servers.cache.misses == misses + 1
    assert answers == [_answer(servers.plain, "/centrality", query, "*/*")] * 8


def test_the_store_stays_within_its_bound(curated_only: Driver, settings: Settings) -> None:
    bound = 60_000
    small = LiveServer(settings.model_copy(update={"cache_bytes": bound, "cache_warm": False}))
    with small, httpx.Client(base_url=small.url, timeout=120) as client:
        cache = small.app.state.answers
        assert isinstance(cache, AnswerCache)
        whole = client.get("/claims", params={"limit": 500})
        assert len(whole.content) > bound // 4  # larger than one answer may be: answered, not kept
        assert ("/claims", "limit=500", "*/*", "GET") not in cache.store.kept()
        sizes = []
        for limit in range(1, 60):
            response = client.get("/centrality", params={"limit": limit})
            assert response.status_code == 200
            sizes.append(len(response.content))
            assert cache.store.bytes <= bound
        assert sizes[-1] < bound // 4 - 1000  # each small enough to keep ...
        assert sum(sizes) > bound  # ... but not all of them
        kept = cache.store.kept()
        assert 0 < len(kept) < 59
        assert ("/centrality", "limit=59", "*/*", "GET") in kept  # the most recent stay
        assert ("/centrality", "limit=1", "*/*", "GET") not in kept  # the least recent went first


def test_a_warm_up_that_fills_the_store_keeps_what_it_warmed_first(curated_only: Driver, settings: Settings) -> None:
    bound = 120_000  # far less than the whole curated warm-up (several MiB)
    small = LiveServer(settings.model_copy(update={"cache_bytes": bound, "cache_warm": True}))
    with small, httpx.Client(base_url=small.url, timeout=120) as client:
        cache = small.app.state.answers
        assert isinstance(cache, AnswerCache)
        client.get("/health")
        deadline = time.monotonic() + 300
        while cache.warmed is None or cache.warmed != cache.version.value:
            assert time.monotonic() < deadline, "the warm-up did not stop"
            time.sleep(0.2)
        kept = cache.store.kept()
        assert cache.store.bytes <= bound
        # The most requested answers, warmed first, were not evicted by the ones after them ...
        assert ("/missions", "", "*/*", "GET") in kept
        assert ("/centrality", "metric=pagerank", "*/*", "GET") in kept
        # ... and it stopped at the bound instead of going through every mission and organisation.
        assert ("/dependencies", "actor=unmik", "*/*", "GET") not in kept


def test_cached_answers_are_the_routes_bytes_before_and_after_a_new_version(
    servers: Servers, graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    _all_identical(servers)
    before = servers.client.get("/mission/unmik")
    old_name = before.json()["name"]

    # A new version: data/ re-ingested with one mission renamed (a modified copy in a temp folder).
    for path in DATA.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    missions = tmp_path / "missions.yaml"
    text = missions.read_text()
    assert text.count(old_name) >= 1
    # The record's name and the statement it is preferred from, both renamed.
    missions.write_text(text.replace(old_name, f"{old_name} (renamed)"))
    load_curated(graph, settings, tmp_path)

    # The very next request after the commit sees it, and the old tag no longer validates.
    after = servers.client.get("/mission/unmik", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert after.json()["name"] == f"{old_name} (renamed)"
    _all_identical(servers)
