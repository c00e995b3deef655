"""The thesis OCR text, and finding a quote in it despite OCR spacing and line breaks.

The OCR splits words ("o f"), breaks lines mid-sentence and mixes curly and straight quotes, so
text is compared with whitespace removed and punctuation variants folded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from schema.paths import THESIS

_FOLD = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)


def fold(text: str) -> str:
    """Lowercase, fold punctuation variants, drop whitespace: what two readings of a quote share."""
    return "".join(text.translate(_FOLD).lower().split())


def thesis_path() -> Path:
    return Path(os.environ.get("PKGRAPH_THESIS", THESIS))


@dataclass(frozen=True)
class ThesisText:
    lines: tuple[str, ...]

    @classmethod
    def read(cls, path: Path | None = None) -> ThesisText:
        return cls(tuple((path or thesis_path()).read_text(encoding="utf-8").split("\n")))

    @cached_property
    def folded(self) -> str:
        return fold("\n".join(self.lines))

    def window(self, line: int, before: int = 3, after: int = 12) -> str:
        """Folded text from a few lines before `line` (1-based) to a few after it."""
        start = max(line - 1 - before, 0)
        return fold(" ".join(self.lines[start : line - 1 + after]))

    def quote_at(self, quote: str, line: int, before: int = 3, after: int = 12) -> bool:
        return fold(quote) in self.window(line, before, after)

    def quote_anywhere(self, quote: str) -> bool:
        return fold(quote) in self.folded
