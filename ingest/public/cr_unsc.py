"""Readers of CR-UNSC (Corpus of Resolutions: UN Security Council): the two link tables and the texts.

Link tables (`UNSC_Record-Table_2722.csv`, `UNSC_Record_Voting_2722.csv`, columns `res_no,url_record`):
resolution number -> UN Digital Library record URL (catalogue record; voting record). The URLs are
identifiers and links only (rdfs:seeAlso), never fetched. A repeated res_no is an error (the files have
none); so is a URL that is not a digitallibrary.un.org record.

Texts (`res_en_gold/S_RES_<nnnn>_<year>_EN_GOLD.txt`, resolutions 1-899 plus 902, 1445, 1454): the
adoption date is read from the text's HEADER: from the title (the first "<number> (<year>)", e.g.
"Resolution 350 (1974)" or "50 (1948)."; a few files open with the end of the previous document, as
S/RES/851 does) to the preamble's first "The Security Council", at most 400 characters when the
preamble phrase is missing. The forms the files use:
  "Resolution 200 (1965)\\nof 15 March 1965"            (most)
  "50 (1948). Resolution of 29 May 1948"               (the early years)
  "Adopted by the Security Council at its 3343rd meeting,\\non 4 March 1994"   (1992-1994; the meeting
  number is read too)
  "Resolution 883 (1993)\\n11 November 1993"            (a bare date)
The header's "Adopted ... meeting, on <date>" wins where present; otherwise its first "<day> <Month>
<year>". OCR damage is not repaired ("ef 15 June 1965", "of 14 October £964", "3 Apri] 1991",
"10 Auqust 1993", "Resolution 290\nof 8 December 1970" without its year): such a text gives no date
and is reported as a warning with its file, as is a header date whose year is not the year in the
file name, and a text whose title names another resolution (S_RES_0542 holds the text of 538,
S_RES_0778 is titled 773): its header date is that other resolution's. A text whose header has no date at all
(S/RES/462, adopted at an emergency session) is reported the same way.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.public import SOURCES, Locator, SourceFileError, source_file
from ingest.public.columns import header, require_columns
from ingest.public.source_warning import SourceWarning

SOURCE = "cr-unsc"
RECORD_TABLE = f"{SOURCE}/UNSC_Record-Table_2722.csv"
VOTING_TABLE = f"{SOURCE}/UNSC_Record_Voting_2722.csv"
TEXTS = f"{SOURCE}/res_en_gold"
LINK_COLUMNS = ("res_no", "url_record")  # both link tables

_URL = re.compile(r"https://digitallibrary\.un\.org/record/\d+(?:\?ln=en)?")
_TEXT_NAME = re.compile(r"S_RES_(\d{4})_(\d{4})_EN_GOLD\.txt")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE = r"(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\.?\s+(\d{4})\b"
_ADOPTED = re.compile(
    r"Adopted\s+by\s+the\s+Security(?:\s+Council)?\s+at\s+_?\s*its\s+(\d+)\s*(?:st|nd|rd|th)?_?\s+meeting,?\s+on\s+"
    + _DATE,
    re.IGNORECASE,
)
_ANY_DATE = re.compile(_DATE)
_PREAMBLE = "The Security Council"
_HEADER_LIMIT = 400  # a header is a few lines; texts without the preamble phrase stop here


@dataclass(frozen=True)
class Link:
    number: int
    url: str
    locator: Locator


@dataclass(frozen=True)
class TextHeader:
    """What a resolution's own text says about its adoption."""

    number: int
    year: int  # from the file name
    date: date
    meeting: int | None  # from "Adopted ... at its <n>th meeting", when the header has it
    locator: Locator  # the text file; row = the header line the date stands on


@dataclass(frozen=True)
class TextsRead:
    headers: tuple[TextHeader, ...]
    files: int
    warnings: tuple[SourceWarning, ...]

    def by_number(self) -> dict[int, TextHeader]:
        return {h.number: h for h in self.headers}


def read_links(relative: str, folder: Path = SOURCES) -> tuple[Link, ...]:
    """One of the two link tables (RECORD_TABLE or VOTING_TABLE), in file order."""
    path = source_file(folder, relative)
    links: list[Link] = []
    seen: dict[int, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        require_columns(reader.fieldnames, LINK_COLUMNS, header(SOURCE, relative))
        if reader.fieldnames != list(LINK_COLUMNS):  # an extra or reordered column
            raise SourceFileError(
                Locator(SOURCE, relative, row=1), f"expected columns {','.join(LINK_COLUMNS)}, got {reader.fieldnames}"
            )
        for line, row in enumerate(reader, start=2):
            number_text, url = row["res_no"], row["url_record"]
            if not number_text.isdigit():
                raise SourceFileError(
                    Locator(SOURCE, relative, row=line, column="res_no"), f"not a number: {number_text!r}"
                )
            number = int(number_text)
            if number in seen:
                raise SourceFileError(
                    Locator(SOURCE, relative, row=line, column="res_no"),
                    f"resolution {number} repeats row {seen[number]}",
                )
            if not _URL.fullmatch(url):
                raise SourceFileError(
                    Locator(SOURCE, relative, row=line, column="url_record"), f"not a Digital Library record: {url!r}"
                )
            seen[number] = line
            links.append(Link(number, url, Locator(SOURCE, relative, row=line, column="url_record")))
    return tuple(links)


def read_texts(folder: Path = SOURCES) -> TextsRead:
    """The header date of every text in res_en_gold/, with a warning for each text that gives none."""
    directory = source_file(folder, TEXTS)
    headers: list[TextHeader] = []
    warnings: list[SourceWarning] = []
    files = sorted(p for p in directory.iterdir() if p.suffix == ".txt")
    for path in files:
        relative = f"{TEXTS}/{path.name}"
        match = _TEXT_NAME.fullmatch(path.name)
        if match is None:
            raise SourceFileError(Locator(SOURCE, relative), "file name is not S_RES_<nnnn>_<year>_EN_GOLD.txt")
        number, year = int(match[1]), int(match[2])
        text = path.read_text(encoding="utf-8")
        if title_end(text, number, year) is None:
            warnings.append(
                SourceWarning(
                    Locator(SOURCE, relative),
                    f"no title '{number} ({year})' (title damaged, or another resolution's text)",
                )
            )
            continue
        header = header_date(text, number, year)
        if header is None:
            warnings.append(SourceWarning(Locator(SOURCE, relative), "no readable adoption date in the header"))
            continue
        when, meeting, line = header
        if when.year != year:
            warnings.append(
                SourceWarning(
                    Locator(SOURCE, relative, row=line), f"header date {when} is not in {year}, the file's year"
                )
            )
            continue
        headers.append(TextHeader(number, year, when, meeting, Locator(SOURCE, relative, row=line)))
    return TextsRead(tuple(headers), len(files), tuple(warnings))


def title_end(text: str, number: int, year: int) -> int | None:
    """Where the text's title "<number> (<year>)" ends, or None when the text has no such title."""
    title = re.search(rf"(?<!\d){number}\s*\({year}\)", text)
    return None if title is None else title.end()


def header_date(text: str, number: int, year: int) -> tuple[date, int | None, int] | None:
    """(adoption date, meeting or None, line number) from a text's header, or None (see module rules)."""
    offset = title_end(text, number, year)
    if offset is None:
        return None
    end = text.find(_PREAMBLE, offset)
    header = text[offset : end if 0 <= end - offset < _HEADER_LIMIT * 4 else offset + _HEADER_LIMIT]
    adopted = _ADOPTED.search(header)
    if adopted is not None:
        meeting: int | None = int(adopted[1])
        day, month, year_text = adopted[2], adopted[3], adopted[4]
        start = adopted.start(2)
    else:
        first = _ANY_DATE.search(header)
        if first is None:
            return None
        meeting = None
        day, month, year_text = first[1], first[2], first[3]
        start = first.start()
    try:
        when = date(int(year_text), _MONTHS.index(month.capitalize()) + 1, int(day))
    except ValueError:
        return None
    return when, meeting, text.count("\n", 0, offset + start) + 1
