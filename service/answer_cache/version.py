"""The dataset version, read from the `:Dataset` nodes, fresh enough for the request that asks.

A request that arrives at time t is served under a version read that started at or after
t - max_age (0 by default): with 0, a commit is seen by the next request. Concurrent requests share
one read: whoever arrives while a read that started after it is in flight waits for that read, so
under load there is one read in flight and at most one more waiting, whatever the request rate.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class DatasetVersion:
    def __init__(self, read: Callable[[], Awaitable[str]], max_age_s: float) -> None:
        self._read = read
        self._max_age_s = max_age_s
        self.value: str | None = None
        self._read_at = float("-inf")  # when the read that gave `value` started
        self._pending: asyncio.Future[str] | None = None
        self._pending_at = float("-inf")

    async def current(self) -> str:
        arrived = time.monotonic()
        while True:
            if self.value is not None and self._read_at >= arrived - self._max_age_s:
                return self.value
            if self._pending is None:
                self._pending_at = time.monotonic()
                self._pending = asyncio.ensure_future(self._read_once(self._pending_at))
                self._pending.add_done_callback(self._done)
            pending, started = self._pending, self._pending_at
            value = await asyncio.shield(pending)  # one caller going away does not cancel the others' read
            if started >= arrived - self._max_age_s:
                return value

    async def _read_once(self, started: float) -> str:
        try:
            value = await self._read()
        finally:
            self._pending = None  # before the waiters resume: the next one to loop starts a new read
        if started >= self._read_at:
            self.value, self._read_at = value, started
        return value

    @staticmethod
    def _done(pending: asyncio.Future[str]) -> None:
        if not pending.cancelled():
            pending.exception()  # retrieved here: a failed read with no waiter left is not an error
