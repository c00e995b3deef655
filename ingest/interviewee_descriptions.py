"""Where the thesis's text describes a cited interviewee with an affiliation that Appendix 1 does not give.

Appendix 1 lists each interview with the interviewee's post ("DSRSG, MONUC"); the body text
introduces a quotation with a description of its speaker ("a very senior member of MONUSCO's
management staff", line 7329). Where that description names a mission or organisation other than
the interview's own (its mission, organisation, or one its Appendix 1 role names), a reader sees
two answers; data/interviews.yaml records each such description as a statement on the interview.

The scan looks at the text between the end of the previous citation and the quotation that a
single-interview citation closes (or the citation itself), for a person described with an
affiliation: a determiner, up to three adjectives, a person noun and the affiliation, in either
order ("one UNMiK respondent", "one colleague on UNMiK"). A citation of several interviews is
skipped: its descriptions cannot be told apart. What the scan finds is a candidate: one that
introduces a different quotation of the same paragraph is listed, with the reason, in
data/checks/interviewee_descriptions.yaml.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ingest import records
from ingest.dataset import Dataset
from ingest.extract_claims import extract

_DETERMINER = r"(?:a|an|one|the|this|another)"
# Adjectives that may stand between the determiner and the person or affiliation.
_ADJECTIVE = r"(?:very|senior|junior|former|non-UN|international|national|local|mission|management)"
_PERSON = (
    r"(?:member|colleague|official|representative|manager|head|officer|interviewee|respondent|employee"
    r"|director|chief|deputy|spokesperson|adviser|advisor|diplomat|worker)"
)
_STAFF = r"(?:staff\s+member|staff)"
_WINDOW = 600


@dataclass(frozen=True)
class Description:
    """A description of a cited interviewee naming an affiliation (`actor`) at `line`."""

    claim: str
    interview: str
    line: int
    actor: str
    text: str


def _patterns(acronyms: Sequence[str]) -> list[re.Pattern[str]]:
    org = "|".join(sorted(map(re.escape, acronyms), key=len, reverse=True))
    adjectives = rf"(?:{_ADJECTIVE}\s+){{0,3}}"
    person = rf"(?:{_PERSON}|{_STAFF})(?!\s+states?\b)"
    return [
        # "one colleague on UNMiK", "a very senior member of MONUSCO's management staff"
        re.compile(
            rf"\b{_DETERMINER}\s+{adjectives}{person}\s+(?:of|on|in|from|at|with)\s+(?:the\s+)?(?P<org>{org})\b",
            re.IGNORECASE,
        ),
        # "one senior MONUSCO representative", "an UNMiK staff member", "One non-UN UNMiK staff member"
        re.compile(
            rf"\b{_DETERMINER}\s+{adjectives}(?P<org>{org})(?:\u2019s|'s)?\s+{adjectives}{person}\b", re.IGNORECASE
        ),
    ]


def _quotation_start(text: str, quote: str, floor: int, at: int) -> int:
    """Where the quotation closed at offset `at` opens (the extractor squashes its spaces)."""
    opening = r"\s+".join(map(re.escape, quote.split()[:6]))
    starts = [m.start() for m in re.finditer(opening, text[floor : at + 400])]
    return floor + starts[-1] if starts else at


def scan(lines: Sequence[str], actors: Mapping[str, str], affiliations: Mapping[str, set[str]]) -> list[Description]:
    """Descriptions of single-interview citations whose affiliation is not the interview's own.

    `actors`: acronym (any case) -> actor id; `affiliations`: interview id -> its actor ids.
    """
    by_acronym = {a.lower(): actor for a, actor in actors.items()}
    patterns = _patterns(list(actors))
    text = "\n".join(lines)
    offsets = [0]
    for each in lines:
        offsets.append(offsets[-1] + len(each) + 1)
    found: dict[tuple[str, int, str], Description] = {}
    floor = 0
    for citation in extract(lines):
        at = offsets[citation.line - 1]
        end = _quotation_start(text, citation.quote, floor, at) if citation.quote else at
        start, floor = max(floor, end - _WINDOW), at + len(lines[citation.line - 1])
        if len(citation.interviews) != 1:
            continue
        interview = citation.interviews[0]
        for pattern in patterns:
            for match in pattern.finditer(text, start, end):
                actor = by_acronym[match.group("org").lower()]
                if actor in affiliations[interview]:
                    continue
                line = bisect.bisect_right(offsets, match.start())
                key = (interview, line, actor)
                found.setdefault(key, Description(citation.id, interview, line, actor, " ".join(match[0].split())))
    return sorted(found.values(), key=lambda d: (d.line, d.interview))


def acronyms(dataset: Dataset) -> dict[str, str]:
    """Acronym -> actor id, of every mission and organisation that has one."""
    return {
        record.acronym: record_id
        for kind in ("missions", "organisations")
        for record_id, record in dataset.kinds.get(kind, {}).items()
        if getattr(record, "acronym", None)
    }


def affiliations(dataset: Dataset) -> dict[str, set[str]]:
    """Interview id -> the actors Appendix 1 ties it to: its mission, organisation, and any its role names."""
    by_acronym = {a.lower(): actor for a, actor in acronyms(dataset).items()}
    found: dict[str, set[str]] = {}
    for interview_id, interview in dataset.kinds.get("interviews", {}).items():
        if not isinstance(interview, records.Interview):
            continue
        own = {x for x in (interview.mission, interview.organisation) if x}
        own |= {by_acronym[w.lower()] for w in re.findall(r"[A-Za-z]+", interview.role) if w.lower() in by_acronym}
        found[interview_id] = own
    return found
