"""One app's answer cache: the kept answers, the dataset version they belong to, the warm-up."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from service.answer_cache.store import Answer, AnswerStore, Key
from service.answer_cache.version import DatasetVersion

log = logging.getLogger(__name__)
# How often the warm-up looks for a new dataset version when no request asks (one tiny read).
POLL_S = 2.0
# The ASGI scope key of a warm-up request: the version it computes for, so it needs no read of its own.
WARM_VERSION = "pkgraph.warm_version"

Warm = Callable[["AnswerCache", str], Awaitable[None]]


class AnswerCache:
    def __init__(self, max_bytes: int, read_version: Callable[[], Awaitable[str]], max_age_s: float) -> None:
        self.store = AnswerStore(max_bytes)
        self.version = DatasetVersion(read_version, max_age_s)
        self.flights: dict[tuple[str, Key], asyncio.Future[Answer | None]] = {}
        self.warmed: str | None = None  # the version the last finished warm-up computed
        self.hits = 0
        self.misses = 0  # answers computed by the routes (a single flight counts once)
        self._task: asyncio.Task[None] | None = None

    def lookup(self, version: str, key: Key) -> Answer | None:
        if version != self.store.version:
            self.store.clear(version)  # the old version's answers go at once, not when the next is kept
            return None
        return self.store.get(version, key)

    def keep(self, version: str, key: Key, answer: Answer, evict: bool = True) -> None:
        # Computed under `version`; if a newer one was seen meanwhile the answer may hold either.
        if self.version.value == version:
            self.store.put(version, key, answer, evict)

    def current(self, version: str) -> bool:
        """Whether `version` is still the newest seen (a warm-up of an old one stops)."""
        return self.version.value == version

    def start_warming(self, warm: Warm) -> None:
        self._task = asyncio.create_task(self._warm_loop(warm), name="pkgraph-answer-warmup")

    async def _warm_loop(self, warm: Warm) -> None:
        while True:
            try:
                version = await self.version.current()
                if version != self.warmed:
                    self.lookup(version, ("", "", "", ""))  # drops the old version's answers
                    began = time.monotonic()
                    await warm(self, version)
                    self.warmed = version
                    took = time.monotonic() - began
                    # The bench reads this line (bench/cache_bench.py): keep its shape.
                    log.info(
                        "answer cache warmed: %d answers, %d bytes in %.2f s", len(self.store), self.store.bytes, took
                    )
            except asyncio.CancelledError:
                raise
            except Exception:  # Neo4j down or a route failing: try again later
                log.warning("answer cache warm-up failed; retrying in %s s", POLL_S, exc_info=True)
            await asyncio.sleep(POLL_S)

    async def close(self) -> None:
        self.store.clear(None)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
