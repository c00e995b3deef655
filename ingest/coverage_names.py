"""The names the thesis mentions in chapters 1-7 that the graph must hold or explain.

Two sweeps over the body text (CHAPTER 1 to Appendix 1): acronyms (a word of two or more capitals,
at least half its letters capitals: UN, UNMiK, NGOs) and capitalised names ending in a word that
names an organisation, programme, mission, state or document (Council, Programme, Mission, Agreement,
Report, ...). Lines printed wholly in capitals are headings and Roman numerals are numbers: both are
skipped. Each name found must be a record's name, acronym or id, or be listed in
data/coverage/names.yaml: as another name of a record (`record:`) or left out with a `reason:`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.dataset import Dataset

_CHAPTER_1 = re.compile(r"^\s*CHAPTER\s+1\s*$")
_CHAPTER = re.compile(r"^\s*CHAPTER\s+(?P<number>[1-7])\s*$")
_APPENDIX_1 = re.compile(r"^\s*A\s*PPEN\s*D\s*IX\s+1\b")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]{1,11}\b")
_ROMAN = re.compile(r"^[IVXLC]+$")
_KEYWORD = (
    r"(?:Organi[sz]ation|Mission|Council|Programme|Agency|Office|Department|Union|Force|Fund|Committee"
    r"|Commission|Bank|Agreement|Accords?|Report|Charter|Court|Tribunal|Assembly|Secretariat|Alliance"
    r"|Army|Front|Initiative|Institute|Centre|Corps|Authority|Parliament|Ministry|Conference|Declaration"
    r"|Convention|Doctrine|Directive|Partnership|Federation|Republic|Kingdom|Framework)"
)
_WORD = r"(?:[A-Z][a-z\u2019'\-]+|of|the|for|and|on|in|de|la)"
_NAME = re.compile(
    rf"\b[A-Z][a-z\u2019'\-]+\s+(?:{_WORD}\s+){{0,6}}?{_KEYWORD}\b"
    rf"(?:\s+(?:of|for|on|in)\s+(?:the\s+)?[A-Z][a-z\u2019'\-]+(?:\s+(?:and\s+)?[A-Z][a-z\u2019'\-]+){{0,3}})?"
)
# Words a sentence may start with before a name: not part of it.
_LEADING = re.compile(
    r"^(?:(?:The|the|This|That|These|In|At|As|For|By|With|On|From|An|A|And|Only|Because|Following|Map of)\s+)+"
)


@dataclass(frozen=True)
class NameUse:
    """A name as the thesis prints it (spaces squashed), where it first occurs, and how often."""

    name: str
    kind: str  # acronym | name
    line: int
    count: int


def body(lines: Sequence[str]) -> tuple[int, int]:
    """The 1-based first and last line of chapters 1-7."""
    start = next(i for i, line in enumerate(lines, 1) if _CHAPTER_1.match(line))
    end = next(i for i, line in enumerate(lines, 1) if _APPENDIX_1.match(line))
    return start, end - 1


def chapter_of(lines: Sequence[str], line: int) -> int:
    """The chapter (1-7) that `line` is in."""
    starts = [(i, int(m["number"])) for i, text in enumerate(lines, 1) if (m := _CHAPTER.match(text))]
    return max(number for start, number in starts if start <= line)


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def scan(lines: Sequence[str]) -> list[NameUse]:
    first, last = body(lines)
    found: dict[tuple[str, str], list[int]] = {}
    for number in range(first, last + 1):
        line = lines[number - 1]
        if _is_heading(line):
            continue
        for match in _ACRONYM.finditer(line):
            word = match.group(0)
            capitals = sum(c.isupper() for c in word)
            if capitals >= 2 and capitals * 2 >= len(word) and not _ROMAN.match(word):
                found.setdefault((word, "acronym"), []).append(number)
        for match in _NAME.finditer(line):
            name = _LEADING.sub("", " ".join(match.group(0).split()))
            if " " in name:
                found.setdefault((name, "name"), []).append(number)
    return sorted(
        (NameUse(name, kind, where[0], len(where)) for (name, kind), where in found.items()),
        key=lambda use: (use.kind, use.name),
    )


def _key(name: str) -> str:
    return name.lower().replace("\u2019", "'")


def record_names(dataset: Dataset) -> dict[str, str]:
    """Lowercased id, name, acronym, title and label of every record -> its id."""
    names: dict[str, str] = {}
    for by_id in dataset.kinds.values():
        for record_id, record in by_id.items():
            names.setdefault(record_id, record_id)
            for field in ("name", "acronym", "title", "pref_label", "citation"):
                value = getattr(record, field, None)
                if isinstance(value, str):
                    names.setdefault(_key(value), record_id)
    return names


def resolve(use: NameUse, names: dict[str, str]) -> str | None:
    """The record a name denotes: by its name, acronym or id, or (a name of two or more words, which
    the thesis often prints without its 'United Nations' or after a line break) as part of a record's name."""
    key = _key(use.name)
    if key in names:
        return names[key]
    if use.kind == "name":
        return next((record for name, record in names.items() if len(name) > len(key) and key in name), None)
    return None
