"""The display form of a verbatim quote: the thesis's OCR artefacts undone, for reading only.

A record's `quote` stays exactly as the OCR text prints it, so that it can always be found again
at its line (tests/unit/ingest/test_dataset.py). Beside it, answers carry `quote_display`: the
same words with these rules applied, each one an artefact seen in the thesis's text, none of
which changes a word's meaning. Nothing else is changed: a quote no rule touches displays as is.
"""

from __future__ import annotations

import re

# (pattern, replacement, why). Applied in order, after runs of spaces become one space.
RULES: tuple[tuple[str, str, str], ...] = (
    (r"\b([oO]) f\b", r"\1f", "OCR splits 'of' into 'o f' (128 quotes)"),
    (r"\b([iI]) ([ft])\b", r"\1\2", "OCR splits 'if' and 'it' into 'i f', 'i t'"),
    (r"\b([wW]) e\b", r"\1e", "OCR splits 'we' into 'w e'"),
    (r"\b([oO]) n\b", r"\1n", "OCR splits 'on' into 'o n'"),
    (r"\b([uU]) s\b", r"\1s", "OCR splits 'us' into 'u s'"),
    (r"(\w) (\u2019(?:s|re|m|ve|ll|d|t)\b)", r"\1\2", "OCR puts a space before an apostrophe: 'they \u2019re'"),
    (r"\bJive\b", "five", "OCR reads the 'f' of 'five' as 'J' ('Jive hundred', line 6061)"),
    (r"\b1 (hate|think|mean)\b", r"I \1", "OCR reads the pronoun 'I' as '1' ('1 hate to use the word')"),
)
_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement, _ in RULES)


def display_form(quote: str) -> str:
    """The quote as a reader should see it; the verbatim quote is the one to check against the text."""
    text = " ".join(quote.split())
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text
