"""The claims inline (`expand=evidence`) as CSV rows: one row per answer row x claim, with the
claim's text, quote, interviews, the interviewees' roles, section and line.

Without expand an answer's CSV is as before (claim ids in one cell); with it, each claim gets its
own row, the answer row's columns repeated, so a spreadsheet can filter and read the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from service import models

# Prefixed: the answer rows have columns of their own named `interviews`, `quote`, `line`.
EVIDENCE_COLUMNS = [
    "claim",
    "claim_text",
    "claim_quote",
    "claim_interviews",
    "claim_interviewee_roles",
    "claim_section",
    "claim_line",
]


def claim_cells(claim: models.Evidence | None) -> dict[str, Any]:
    """The evidence columns of one claim (all empty for a row without a claim)."""
    if claim is None:
        return dict.fromkeys(EVIDENCE_COLUMNS)
    return {
        "claim": claim.id,
        "claim_text": claim.text,
        "claim_quote": claim.quote,
        "claim_interviews": [i.id for i in claim.interviews],
        # aligned with `claim_interviews`, one role per interview ("" where Appendix 1 gives none)
        "claim_interviewee_roles": [i.role or "" for i in claim.interviews],
        "claim_section": claim.section,
        "claim_line": claim.line,
    }


def expanded(rows: Iterable[tuple[Mapping[str, Any], list[models.Evidence] | None]]) -> list[dict[str, Any]]:
    """Each (row, its claims) as one row per claim; a row with no claim found keeps one row."""
    out: list[dict[str, Any]] = []
    for row, claims in rows:
        each: list[models.Evidence | None] = list(claims) if claims else [None]
        out += [{**row, **claim_cells(claim)} for claim in each]
    return out
