"""What the graph holds of each chapter of the thesis, and what it leaves out.

Input: the rows of `coverage` (chapter, kind, records: where each record's thesis locator is) and
the entries of data/coverage/names.yaml (the names of chapters 1-7 that the sweep of
ingest/coverage_names.py finds and that are no record's own name: another name of a record, left
out with a reason, or not yet a record).
"""

from __future__ import annotations

from typing import Any

from service import models

CHAPTERS = range(1, 8)
# Not modelled anywhere yet, whatever the chapter: said once, so no one finds out by failing.
NOT_MODELLED = (
    "names the sweep finds that are not yet records are listed per chapter under `missing`",
)


def coverage(rows: list[dict[str, Any]], names: list[dict[str, Any]]) -> models.Coverage:
    by_chapter: dict[int | None, dict[str, int]] = {}
    for row in rows:
        by_chapter.setdefault(row["chapter"], {})[row["kind"]] = row["records"]
    chapters = []
    for number in CHAPTERS:
        kinds = by_chapter.get(number, {})
        listed = [n for n in names if n["chapter"] == number]
        chapters.append(
            models.ChapterCoverage(
                chapter=number,
                records=sum(kinds.values()),
                by_kind=dict(sorted(kinds.items())),
                claims=kinds.get("Claim", 0),
                findings=kinds.get("Finding", 0),
                other_names=sorted(n["name"] for n in listed if "record" in n),
                left_out=[
                    models.LeftOut(name=n["name"], line=n["line"], reason=n["reason"]) for n in listed if "reason" in n
                ],
                missing=[
                    models.LeftOut(name=n["name"], line=n["line"], reason=n["missing"])
                    for n in listed
                    if "missing" in n
                ],
            )
        )
    outside = by_chapter.get(None, {})
    return models.Coverage(
        chapters=chapters,
        outside_chapters=dict(sorted(outside.items())),
        not_modelled=list(NOT_MODELLED),
    )
