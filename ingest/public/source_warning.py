"""A reader's warning: something in a public file that is read but not resolved (an unmapped name,
a missing date). Returned by the readers, never printed, so `pkgraph ingest` can list them."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.public import Locator


@dataclass(frozen=True)
class SourceWarning:
    locator: Locator
    message: str

    def __str__(self) -> str:
        return f"{self.locator}: {self.message}"
