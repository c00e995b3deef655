"""A resolution's adoption date: every source's date is a witness; one rule picks the preferred one.

Witnesses: the Data Hub's date (DGC-SCRES, `dgc_scres`), the date in the header of the resolution's own
text (CR-UNSC res_en_gold, `cr_unsc`), and PEMA's date (built by the PEMA reader with
`Witness(..., kind=DATASET)`). Each carries its Source id and Locator; all are kept as statements,
the preferred one included.

The rule (`reconcile`), in order:
0. A witness is never a candidate when its year is not the year in the resolution's symbol, nor is
   the Data Hub's date when it is its placeholder 1949-10-11 (28 resolutions, 76-184). The placeholder is
   the Data Hub's: 1949-10-11 in another source is that source's reading (S/RES/77's own text says
   "Resolution of 11 October 1949", and rule 1 prefers it).
1. The resolution's own text header (kind TEXT), where there is one (resolutions 1-899).
2. Else a date two independent sources agree on: witnesses of the same Source (PEMA v1.2 and v2 are
   both `pema`) count once. If two dates each had such agreement, the one more sources give wins; a
   tie prefers nothing. The preferred witness is the Data Hub's if it is among them, else the first given.
3. Else the Data Hub's date.
Otherwise no date is preferred; the year from the symbol stays, and the reason says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ingest.public import Locator
from ingest.public.cr_unsc import TextHeader
from ingest.public.dgc_scres import SOURCE as DGC
from ingest.public.dgc_scres import DgcResolution

PLACEHOLDER = date(1949, 10, 11)
TEXT = "text"  # the resolution's own text
DATASET = "dataset"  # a dataset's date column


@dataclass(frozen=True)
class Witness:
    """One source's statement of a resolution's adoption date."""

    resolution: int
    date: date
    source: str  # Source id: "un-psdata-dgc-scres", "cr-unsc", "pema", ...
    locator: Locator
    kind: str = DATASET

    def __str__(self) -> str:
        return f"{self.date} ({self.locator})"


@dataclass(frozen=True)
class Reconciled:
    number: int
    year: int  # from the symbol: kept whether or not a date is preferred
    preferred: Witness | None
    reason: str
    witnesses: tuple[Witness, ...]


def dgc_witness(resolution: DgcResolution) -> Witness:
    return Witness(resolution.number, resolution.date, DGC, _with_column(resolution.locator, "date"))


def text_witness(header: TextHeader) -> Witness:
    return Witness(header.number, header.date, header.locator.source, header.locator, TEXT)


def _with_column(locator: Locator, column: str) -> Locator:
    return Locator(locator.source, locator.file, locator.row, locator.key, column)


def reconcile(witnesses: Sequence[Witness], year: int) -> tuple[Witness | None, str]:
    """The preferred witness of one resolution whose symbol carries `year`, or None; and why (module rule)."""
    if not witnesses:
        return None, "no source gives a date"
    excluded: list[str] = []
    candidates: list[Witness] = []
    for witness in witnesses:
        if witness.date == PLACEHOLDER and witness.source == DGC:
            excluded.append(f"{witness.source} gives its placeholder {PLACEHOLDER}")
        elif witness.date.year != year:
            excluded.append(f"{witness.source} gives {witness.date}, not in {year}, the symbol's year")
        else:
            candidates.append(witness)
    texts = [w for w in candidates if w.kind == TEXT]
    if texts:
        return texts[0], _reason("the resolution's own text header", texts[0], candidates, excluded)
    agreed = _agreement(candidates)
    if agreed is not None:
        witness, rule = agreed
        return witness, _reason(rule, witness, candidates, excluded)
    dgc = [w for w in candidates if w.source == DGC]
    if dgc:
        return dgc[0], _reason(
            "the Data Hub's date (no text header, no two sources agree)", dgc[0], candidates, excluded
        )
    why = "; ".join(excluded) if excluded else "no text header, no two sources agree, no Data Hub date"
    return None, f"no date preferred, the year {year} from the symbol is kept: {why}"


def _agreement(candidates: Iterable[Witness]) -> tuple[Witness, str] | None:
    sources: dict[date, dict[str, Witness]] = {}
    for witness in candidates:
        sources.setdefault(witness.date, {}).setdefault(witness.source, witness)
    agreed = sorted(((len(by), day) for day, by in sources.items() if len(by) >= 2), reverse=True)
    if not agreed:
        return None
    if len(agreed) > 1 and agreed[0][0] == agreed[1][0]:
        return None
    day = agreed[0][1]
    by_source = sources[day]
    first = by_source[DGC] if DGC in by_source else next(iter(by_source.values()))
    names = " and ".join(sorted(by_source))
    return first, f"{names} agree"


def _reason(rule: str, preferred: Witness, candidates: Sequence[Witness], excluded: list[str]) -> str:
    others = [w for w in candidates if w.date != preferred.date]
    reason = f"{rule}: {preferred.date}"
    if others:
        reason += "; differs: " + ", ".join(f"{w.source} {w.date}" for w in others)
    if excluded:
        reason += "; set aside: " + "; ".join(excluded)
    return reason


def reconcile_all(
    resolutions: Iterable[DgcResolution],
    headers: Iterable[TextHeader] = (),
    others: Iterable[Witness] = (),
) -> tuple[Reconciled, ...]:
    """Every Data Hub resolution with its witnesses (Data Hub, text header, any others) reconciled."""
    extra: dict[int, list[Witness]] = {}
    for header in headers:
        extra.setdefault(header.number, []).append(text_witness(header))
    for witness in others:
        extra.setdefault(witness.resolution, []).append(witness)
    out = []
    for resolution in resolutions:
        witnesses = (dgc_witness(resolution), *extra.get(resolution.number, ()))
        preferred, reason = reconcile(witnesses, resolution.year)
        out.append(Reconciled(resolution.number, resolution.year, preferred, reason, witnesses))
    return tuple(out)
