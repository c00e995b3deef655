"""A resolution's effect on a mission's tasks, as one source's own carry-forward rule reads it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.public import Locator


@dataclass(frozen=True)
class TaskChange:
    """What one resolution did to a mission's tasks (the source's task codes)."""

    resolution: str  # "1279", or a non-SC source as written ("425/426", "S/2008/354")
    when: str | None  # the resolution's date (PEMA, YYYY-MM-DD) or first month in force (TAMM, YYYY-MM)
    gained: frozenset[str]
    dropped: frozenset[str]  # only where the source says a task ended
    not_restated: frozenset[str] = field(default_factory=frozenset)  # in force, not coded again
    in_force: frozenset[str] = field(default_factory=frozenset)  # after this resolution
    locator: Locator | None = None
