"""Find every interview citation in the thesis text and write claim skeletons.

The thesis cites its 32 anonymised interviews as "(DRC interview 14)", "(Kosovo interviews 1 and
2)", "(DRC interviews 1, 3, 8, 9, 13, 15 and 20)", after a block quotation, inside a literature
citation ("Autesserre, 2010: 87-91; DRC interviews 1, 3 ..."), or with OCR damage ("[DRC
interview 1]", a lost opening bracket). Each citation is one claim skeleton: the interviews it
cites, where it stands (chapter, section, sub-section, line, paragraph) and the quotation it
closes. `data/claims.yaml` is curated from these skeletons and a test keeps the two in step.

Usage: python -m ingest.extract_claims THESIS.txt [--out FILE]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

_CITATION = re.compile(
    r"(?P<case>DRC|Kosovo)\s+[Ii]nterv\s*iews?\s+(?P<numbers>\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)(?!\d|\.\d)"
)
_HEADING = re.compile(r"^\s?(?P<number>[1-7]\.\d{1,2}(?:\.\d{1,2})?)\s+(?P<title>[A-Z\u2018\u201c].{2,110})$")
_CHAPTER = re.compile(r"^\s*CHAPTER\s+(?P<number>[1-7])\s*$")
_APPENDIX_1 = re.compile(r"^\s*A\s*PPEN\s*D\s*IX\s+1\b")
_INTERVIEWS_PER_CASE = {"drc": 20, "kosovo": 12}
_OPEN_QUOTES = '\u201c"'
_CLOSE_QUOTES = "\u201d\"\u2019'"
_MAX_QUOTE_CHARS = 2500


@dataclass(frozen=True)
class Heading:
    line: int
    number: str
    title: str


@dataclass(frozen=True)
class Citation:
    """One interview citation: the skeleton of one claim."""

    id: str
    interviews: list[str]
    chapter: int
    section: str
    section_title: str
    subsection: str | None
    subsection_title: str | None
    line: int
    paragraph: int
    citation: str
    quote: str | None
    context: str


class ExtractionError(Exception):
    """The text does not have the shape the extractor relies on (no headings, no appendix)."""


def _squash(text: str) -> str:
    return " ".join(text.split())


def find_headings(lines: Sequence[str]) -> list[Heading]:
    """Chapter and numbered section headings, kept only where their numbers rise.

    A chapter heading counts as a section of its own ("6"): chapters open with an interview quote
    as epigraph before their first numbered section.
    """
    headings: list[Heading] = []
    for index, line in enumerate(lines):
        chapter = _CHAPTER.match(line)
        if chapter is not None:
            headings.append(Heading(index + 1, chapter.group("number"), f"Chapter {chapter.group('number')}"))
            continue
        match = _HEADING.match(line.rstrip())
        if match is None or match.group("title").rstrip().endswith((",", ";")):
            continue
        number = tuple(int(p) for p in match.group("number").split("."))
        if headings and number <= tuple(int(p) for p in headings[-1].number.split(".")):
            continue
        headings.append(Heading(index + 1, match.group("number"), _squash(match.group("title"))))
    return headings


def _appendix_line(lines: Sequence[str]) -> int:
    for index, line in enumerate(lines):
        if _APPENDIX_1.match(line):
            return index + 1
    raise ExtractionError("no 'APPENDIX 1' heading: is this the thesis text?")


def _paragraph_starts(lines: Sequence[str]) -> list[int]:
    """1-based lines that start a paragraph.

    The OCR keeps a trailing space on lines that wrap, and none on the last line of a block
    (paragraph, block quotation or heading), so a non-blank line after such a line starts one.
    """
    starts = []
    previous_closed = True
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if previous_closed:
            starts.append(index + 1)
        previous_closed = line == line.rstrip()
    return starts


def _closed_quotation(text: str, start: int) -> str | None:
    """The quotation that ends right before a citation at `start`, if there is one."""
    position = start
    while position > 0 and (text[position - 1].isspace() or text[position - 1] in "([.,;:"):
        position -= 1
    if position == 0 or text[position - 1] not in _CLOSE_QUOTES:
        return None
    end = position - 1
    # OCR doubles closing marks (right quote, apostrophe, right quote): step over them.
    while end > 0 and text[end - 1] in _CLOSE_QUOTES:
        end -= 1
    opening = max(text.rfind(mark, max(0, end - _MAX_QUOTE_CHARS), end) for mark in _OPEN_QUOTES)
    if opening < 0:
        return None
    quote = _squash(text[opening + 1 : end]).strip(" .,")
    return quote if len(quote.split()) >= 3 else None


def _context(text: str, start: int, end: int, floor: int) -> str:
    """The sentence that the citation closes or stands in, never reaching back past `floor`
    (the end of the previous citation)."""
    begin = max(floor, start - 700)
    window = text[begin:start]
    boundaries = [m.end() for m in re.finditer(r"[.!?][\u201d\"]?\s+(?=[A-Z\u201c])|\n\s*\n\s*\n", window)]
    sentence_start = begin + (boundaries[-1] if boundaries else 0)
    if end < len(text) and text[end] in ")]":
        end += 1
    return _squash(text[sentence_start:end]).lstrip(")]. ")


def _numbers(raw: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", raw)]


def extract(lines: Sequence[str]) -> list[Citation]:
    appendix = _appendix_line(lines)
    body_lines = list(lines[: appendix - 1])
    headings = find_headings(body_lines)
    if not headings:
        raise ExtractionError("no numbered section headings found")
    heading_lines = [h.line for h in headings]
    paragraph_starts = _paragraph_starts(body_lines)
    text = "\n".join(body_lines)
    line_offsets = [0]
    for body_line in body_lines:
        line_offsets.append(line_offsets[-1] + len(body_line) + 1)

    citations: list[Citation] = []
    per_section: dict[str, int] = {}
    previous_end = 0
    for match in _CITATION.finditer(text):
        case = match.group("case").lower()
        numbers = _numbers(match.group("numbers"))
        if not numbers or any(not 1 <= n <= _INTERVIEWS_PER_CASE[case] for n in numbers):
            raise ExtractionError(f"citation {match.group(0)!r} names an interview outside Appendix 1")
        line = bisect.bisect_right(line_offsets, match.start())
        at = bisect.bisect_right(heading_lines, line) - 1
        if at < 0:
            raise ExtractionError(f"citation at line {line} stands before the first section heading")
        deepest = headings[at]
        section = next(h for h in reversed(headings[: at + 1]) if h.number.count(".") <= 1)
        subsection = deepest if deepest.number.count(".") == 2 else None
        key = subsection.number if subsection else section.number
        per_section[key] = per_section.get(key, 0) + 1
        paragraph = sum(1 for start in paragraph_starts if (subsection or section).line < start <= line)
        citations.append(
            Citation(
                id="c-" + key.replace(".", "-") + f"-{per_section[key]}",
                interviews=[f"{case}-{n}" for n in numbers],
                chapter=int(section.number.split(".")[0]),
                section=section.number,
                section_title=section.title,
                subsection=subsection.number if subsection else None,
                subsection_title=subsection.title if subsection else None,
                line=line,
                paragraph=max(paragraph, 1),
                citation=_squash(match.group(0)),
                quote=_closed_quotation(text, match.start()),
                context=_context(text, match.start(), match.end(), previous_end),
            )
        )
        previous_end = match.end()
    return citations


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("thesis", type=Path, help="the thesis OCR text")
    parser.add_argument("--out", type=Path, help="write the skeletons here (default: stdout)")
    args = parser.parse_args(argv)
    try:
        citations = extract(args.thesis.read_text(encoding="utf-8").split("\n"))
    except (OSError, ExtractionError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    text = yaml.safe_dump([asdict(c) for c in citations], sort_keys=False, allow_unicode=True, width=100)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(citations)} citations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
