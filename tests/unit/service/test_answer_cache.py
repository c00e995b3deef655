"""The answer cache's parts without Neo4j: the allow-list, the key, the bounded store, the version read."""

from __future__ import annotations

import asyncio

from service.answer_cache.routes import FAMILIES, family, normalised_query, representation
from service.answer_cache.store import ENTRY_OVERHEAD, Answer, AnswerStore
from service.answer_cache.version import DatasetVersion
from tests.integration.service.test_answer_cache import CASES


def test_every_family_has_a_byte_identity_case() -> None:
    assert {family(path) for path, _, _ in CASES} == set(FAMILIES)


def test_unbounded_and_operational_routes_are_outside_the_allow_list() -> None:
    for path in ["/search", "/cypher", "/sparql", "/queries", "/queries/mission", "/health", "/ready", "/docs"]:
        assert family(path) is None, path
    assert family("/missions/unmik/mandate-evolution") == "mandate evolution"
    assert family("/mission/unmik") == "entity details"
    assert family("/missions/unmik") is None  # a redirect to the IRI


def test_the_key_ignores_parameter_order_but_not_repeated_values_order() -> None:
    assert normalised_query(b"metric=pagerank&limit=5") == normalised_query(b"limit=5&metric=pagerank")
    assert normalised_query(b"a=1&a=2") != normalised_query(b"a=2&a=1")
    assert representation(None) == representation(b"*/*") == "*/*"
    assert representation(b"text/html,  application/xhtml+xml") == "text/html, application/xhtml+xml"


def _answer(body_bytes: int) -> Answer:
    return Answer(200, [], b"x" * body_bytes)


def test_the_store_drops_the_least_recently_used_and_refuses_what_is_too_large() -> None:
    store = AnswerStore(4 * (1000 + ENTRY_OVERHEAD))
    for name in "abcd":
        assert store.put("v1", (name, "", "*/*", "GET"), _answer(1000))
    store.get("v1", ("a", "", "*/*", "GET"))  # a is now the most recent
    store.put("v1", ("e", "", "*/*", "GET"), _answer(1000))
    assert [key[0] for key in store.kept()] == ["c", "d", "a", "e"]
    assert store.bytes <= store.max_bytes
    assert not store.put("v1", ("big", "", "*/*", "GET"), _answer(store.max_entry_bytes))
    assert store.get("v2", ("a", "", "*/*", "GET")) is None  # another version's answers are not its
    store.put("v2", ("a", "", "*/*", "GET"), _answer(10))
    assert store.kept() == [("a", "", "*/*", "GET")]
    assert store.bytes == 10 + ENTRY_OVERHEAD


def test_a_request_waits_for_a_read_that_started_after_it_arrived_and_shares_it() -> None:
    reads: list[int] = []
    release = asyncio.Event()

    async def read() -> str:
        reads.append(len(reads))
        await release.wait()
        return f"v{len(reads)}"

    async def scenario() -> None:
        version = DatasetVersion(read, max_age_s=0)
        first = asyncio.create_task(version.current())
        await asyncio.sleep(0)  # the first read is in flight
        later = [asyncio.create_task(version.current()) for _ in range(5)]
        await asyncio.sleep(0)
        release.set()
        assert await first == "v1"
        # The five arrived after the first read had started: they share one new read.
        assert [await task for task in later] == ["v2"] * 5
        assert len(reads) == 2

    asyncio.run(scenario())


def test_a_version_read_within_max_age_is_reused() -> None:
    reads = 0

    async def read() -> str:
        nonlocal reads
        reads += 1
        return "v"

    async def scenario() -> None:
        version = DatasetVersion(read, max_age_s=60)
        assert [await version.current() for _ in range(10)] == ["v"] * 10

    asyncio.run(scenario())
    assert reads == 1


def test_a_put_that_may_not_evict_keeps_only_what_fits_in_the_room_left() -> None:
    store = AnswerStore(4 * (1000 + ENTRY_OVERHEAD))
    for name in "abc":
        assert store.put("v1", (name, "", "*/*", "GET"), _answer(1000), evict=False)
    assert not store.put("v1", ("d", "", "*/*", "GET"), _answer(1001), evict=False)  # one byte too many
    assert store.put("v1", ("d", "", "*/*", "GET"), _answer(1000), evict=False)
    assert not store.put("v1", ("e", "", "*/*", "GET"), _answer(1), evict=False)
    assert [key[0] for key in store.kept()] == ["a", "b", "c", "d"]
    assert store.put("v1", ("e", "", "*/*", "GET"), _answer(1))  # a client's answer evicts the oldest
    assert [key[0] for key in store.kept()] == ["b", "c", "d", "e"]
