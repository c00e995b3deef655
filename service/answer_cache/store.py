"""Rendered answers of one dataset version, least recently used dropped first, bounded in bytes."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

# Per entry beyond its body and headers: the key, the tuple and list objects (an estimate; the
# bench measures the process's memory).
ENTRY_OVERHEAD = 400


@dataclass(frozen=True)
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + ENTRY_OVERHEAD


Key = tuple[str, str, str, str]  # path, normalised query, representation, method


class AnswerStore:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        # One answer may take a quarter of the bound, so a few large dumps cannot empty the rest.
        self.max_entry_bytes = max_bytes // 4
        self.version: str | None = None
        self.bytes = 0
        self._answers: OrderedDict[Key, Answer] = OrderedDict()

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, version: str, key: Key) -> Answer | None:
        if version != self.version:
            return None
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
        return answer

    def put(self, version: str, key: Key, answer: Answer, evict: bool = True) -> bool:
        """Keep the answer unless it is too large (or, with `evict` False, unless it fits in the room
        left); False when it was not kept."""
        if version != self.version:
            self.clear(version)
        if answer.size > self.max_entry_bytes or (not evict and answer.size > self.room()):
            return False
        old = self._answers.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._answers[key] = answer
        self.bytes += answer.size
        while self.bytes > self.max_bytes:
            _, dropped = self._answers.popitem(last=False)
            self.bytes -= dropped.size
        return True

    def clear(self, version: str | None) -> None:
        """Start over for `version`: a new dataset version makes every kept answer stale."""
        self.version = version
        self._answers.clear()
        self.bytes = 0

    def kept(self) -> list[Key]:
        return list(self._answers)

    def room(self) -> int:
        return self.max_bytes - self.bytes
