"""The display form of quotes: OCR artefacts undone, the verbatim quote untouched and still at its line."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from ingest.dataset import load_dataset
from ingest.thesis_text import ThesisText, thesis_path
from schema.paths import DATA
from service.quotes import RULES, display_form
from tests.unit.ingest.test_dataset import all_provenances

pytestmark = pytest.mark.unit


def _thesis_quotes() -> Iterator[tuple[str, int]]:
    for _, _, _, provenance in all_provenances(load_dataset(DATA)):
        if provenance.source == "thesis" and provenance.quote and provenance.locator.line:
            yield provenance.quote, provenance.locator.line


QUOTES = list(_thesis_quotes())


def _compact(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_the_issues_examples() -> None:
    assert display_form("slightly over Jive hundred in total.") == "slightly over five hundred in total."
    assert display_form("We went down in a matter o f  months") == "We went down in a matter of months"
    assert display_form("I t \u2019s very difficult") == "It\u2019s very difficult"


def test_every_rule_undoes_an_artefact_the_quotes_have() -> None:
    for pattern, _, why in RULES:
        assert any(re.search(pattern, " ".join(q.split())) for q, _ in QUOTES), why


def test_display_changes_spacing_and_the_misread_letters_only() -> None:
    assert len(QUOTES) > 100
    for quote, _ in QUOTES:
        letters = re.sub(r"1(?=hate|think|mean)", "I", _compact(quote).replace("Jive", "five"))
        assert _compact(display_form(quote)) == letters, quote


def test_the_verbatim_quote_stays_checkable_at_its_line() -> None:
    thesis = ThesisText.read(thesis_path())
    changed = [(q, line) for q, line in QUOTES if display_form(q) != " ".join(q.split())]
    assert len(changed) > 50
    # The display form is for reading: it is the verbatim quote that the thesis line holds.
    assert all(thesis.quote_at(q, line) for q, line in changed)
