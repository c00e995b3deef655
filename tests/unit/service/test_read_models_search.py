"""Snippets and highlights of search hits (service.read_models.search), without Neo4j."""

from __future__ import annotations

from service.read_models import search


def test_terms_of_a_lucene_query() -> None:
    found = search.terms('"integrated mission" AND budget* NOT title:helicopter~2')
    assert [(t.text, t.prefix) for t in found] == [
        ("integrated mission", False),
        ("budget", True),
        ("helicopter", False),
    ]


def test_snippet_marks_every_match_in_its_window() -> None:
    text = "word " * 60 + "the Integrated  Mission planning process, an integrated mission" + " tail" * 60
    matcher = search._matcher('"integrated mission"')
    assert matcher is not None
    found = search.snippet(text, matcher)
    assert found is not None
    window, ranges = found
    assert window.startswith("…")
    assert window.endswith("…")
    assert [window[s:e] for s, e in ranges] == ["Integrated  Mission", "integrated mission"]


def test_a_prefix_matches_word_starts_only() -> None:
    matcher = search._matcher("helicop*")
    assert matcher is not None
    found = search.snippet("Helicopters and a chelicopter", matcher)
    assert found == ("Helicopters and a chelicopter", [(0, 11)])


def test_labels_are_never_empty() -> None:
    assert search.label("Resolution", {"id": "s-res-1291-2000", "number": 1291, "year": 2000}) == "S/RES/1291 (2000)"
    assert search.label("Resolution", {"id": "r", "symbol": "S/RES/1244 (1999)"}) == "S/RES/1244 (1999)"
    assert search.label("Statement", {"id": "s", "field": "start", "value": "2000"}) == "start = 2000"
    assert search.label("Mandate", {"id": "monuc-1291"}) == "monuc-1291"
    figure = {"id": "f", "measure": "troop-ceiling", "value": 5537.0, "refers_to": "2000"}
    assert search.label("Figure", figure) == "troop-ceiling 5537 (2000)"


def test_a_syntax_error_message_names_the_column() -> None:
    message = search.syntax_error(
        "budget AND", "Cannot parse 'budget AND': Encountered \"<EOF>\" at line 1, column 10."
    )
    assert "near column 10" in message
    assert "Encountered" not in message


def test_a_slash_is_literal_and_one_letter_words_are_not_marked() -> None:
    assert search.lucene("S/RES/1291") == "S\\/RES\\/1291"
    assert search.lucene("a\\/b") == "a\\/b"
    matcher = search._matcher("S/RES/1291")
    assert matcher is not None
    assert search.snippet("Staff's S/RES/1291", matcher) == ("Staff's S/RES/1291", [(10, 13), (14, 18)])
