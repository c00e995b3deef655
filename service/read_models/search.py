"""Full-text search answers: a label for every hit, the field that matched, a snippet with the
match marked, and facets by type.

Input: the one row of `search` (the total, the counts by type, and one page of hits, each with the
node's searchable properties). Neo4j's full-text index ranks but does not say where a hit matched,
so the snippet is found here: the query's words and phrases (Lucene operators and field names left
out, `x*` a prefix) are looked up, without case, in the hit's fields in registry order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from schema import registry
from service import models

SNIPPET_CHARS = 160
# Lucene's operators and syntax, which are no words of the text.
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})
_PHRASE = re.compile(r'"([^"]+)"')
_WORD = re.compile(r"[\w*?]+")


@dataclass(frozen=True)
class Term:
    """A word or phrase of the query; `prefix`: `x*`, matching words that start with x."""

    text: str
    prefix: bool = False

    def pattern(self) -> str:
        words = [re.escape(w) for w in self.text.split()]
        body = r"\W+".join(words)
        return rf"(?<!\w){body}" + (r"\w*" if self.prefix else r"(?!\w)")


def terms(q: str) -> list[Term]:
    """The words and phrases of a Lucene query that can appear in a text, phrases first."""
    found = [Term(" ".join(p.split())) for p in _PHRASE.findall(q)]
    rest = _PHRASE.sub(" ", q)
    rest = re.sub(r"\b\w+:", " ", rest)  # field:term
    rest = re.sub(r"[~^]\d*(\.\d+)?", " ", rest)  # fuzzy and boost suffixes
    for word in _WORD.findall(rest):
        if word in _OPERATORS:
            continue
        prefix = word.endswith("*")
        text = word.rstrip("*").replace("*", "").replace("?", "")
        if text:
            found.append(Term(text, prefix))
    return found


def lucene(q: str) -> str:
    """The query as sent to the index: a `/` is taken literally (`S/RES/1291`), not as the start of a
    Lucene regular expression."""
    return re.sub(r"(?<!\\)/", r"\\/", q)


def _matcher(q: str) -> re.Pattern[str] | None:
    found = terms(q)
    # a one-letter word (the S of S/RES) would mark every S; it counts only when alone
    chosen = [t for t in found if len(t.text) > 1] or found
    if not chosen:
        return None
    return re.compile("|".join(t.pattern() for t in chosen), re.IGNORECASE)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return None


def snippet(text: str, matcher: re.Pattern[str]) -> tuple[str, list[tuple[int, int]]] | None:
    """A window of `text` around its first match, and every match in the window as (start, end)."""
    first = matcher.search(text)
    if first is None:
        return None
    start = max(0, first.start() - SNIPPET_CHARS // 3)
    if start:  # begin at a word
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", first.end(), end)
        end = space if space > 0 else end
    end = max(end, first.end())
    lead = "…" if start else ""
    window = lead + text[start:end] + ("…" if end < len(text) else "")
    offset = len(lead) - start
    ranges = [(m.start() + offset, m.end() + offset) for m in matcher.finditer(text, start, end)]
    return window, ranges


def label(kind: str, props: dict[str, Any]) -> str:
    """What a hit is called: its name or title; a resolution's symbol (`S/RES/1291 (2000)`) or
    topic; a figure's or statement's description; the id at worst, never nothing."""
    if kind == "Resolution":
        symbol = props.get("symbol") or (
            f"S/RES/{props['number']} ({props['year']})" if props.get("number") and props.get("year") else None
        )
        if symbol:
            return str(symbol)
    if kind == "Statement" and props.get("field"):
        return f"{props['field']} = {props.get('value')}"
    if kind == "Figure" and props.get("measure"):
        when = f" ({props['refers_to']})" if props.get("refers_to") else ""
        value = props.get("value")
        shown = int(value) if isinstance(value, float) and value.is_integer() else value
        return f"{props['measure']} {shown}{when}"
    for name in ("name", "title", "pref_label", "topic", "role", "description", "citation", "text"):
        value = props.get(name)
        if isinstance(value, str) and value:
            return value
    return str(props.get("id"))


def _fields(kind: str) -> tuple[str, ...]:
    found = registry.KIND_BY_LABEL.get(kind)
    return found.search if found else registry.search_properties()


def hit(row: dict[str, Any], matcher: re.Pattern[str] | None) -> models.SearchHit:
    kind, props = row["type"], row["props"]
    field = text = None
    ranges: list[tuple[int, int]] = []
    for name in _fields(kind):
        value = _text(props.get(name))
        if value is None:
            continue
        if matcher is not None and (found := snippet(value, matcher)) is not None:
            field, (text, ranges) = name, found
            break
    segment = registry.KIND_BY_LABEL[kind].iri_segment if kind in registry.KIND_BY_LABEL else None
    key = props.get(registry.KIND_BY_LABEL[kind].iri_key) if kind in registry.KIND_BY_LABEL else None
    return models.SearchHit(
        id=props["id"],
        type=kind,
        label=label(kind, props),
        score=row["score"],
        field=field,
        snippet=text,
        highlights=[models.Highlight(start=s, end=e) for s, e in ranges],
        href=f"/{segment}/{key}" if segment and key is not None else None,
    )


def search_page(row: dict[str, Any], q: str, kind: str | None, limit: int, offset: int) -> models.SearchPage:
    matcher = _matcher(q)
    facets = {f["type"]: f["count"] for f in row["facets"]}
    return models.SearchPage(
        q=q,
        type=kind,
        total=row["total"],
        limit=limit,
        offset=offset,
        facets=dict(sorted(facets.items(), key=lambda item: (-item[1], item[0]))),
        items=[hit(h, matcher) for h in row["hits"]],
    )


_COLUMN = re.compile(r"column (\d+)")


def syntax_error(q: str, message: str) -> str:
    """A short message for a query Lucene cannot parse (its parser dump names the column)."""
    column = _COLUMN.search(message)
    where = f" near column {column.group(1)}" if column else ""
    return (
        f"q is not a valid search query{where}: {q!r}. Check for an unclosed quote or bracket, an operator "
        "(AND, OR, NOT) without a term on each side, or a character that needs a backslash (/ : ! ^ ~ ( ) [ ] { })."
    )
