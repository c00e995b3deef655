"""Deployed strength from two witnesses: Passmore et al. and IPI's mission totals, per mission-month.

Compared for each (mission, year, month, personnel type) that both sources give: Passmore's
`troop` / `police` / `milobs` against IPI's Troops / Police / Observers.

Rules
- Equal values corroborate: ONE figure with two witnesses (both locators).
- Different values are a dispute: both witnesses are kept as statements and IPI's is preferred.
  Why: IPI's totals are taken from the UN DPKO/DPO monthly "Troop and police contributors"
  reports themselves (ipi-peacekeeping/SOURCE.txt), while Passmore's deployed numbers are a
  secondary compilation whose origin the source only guesses ("appear to be Kathman-style").
- IPI writes zeros as NA (its README step 5). Passmore 0 against IPI NA is therefore not a
  dispute but "zero_vs_na": one figure, 0, witnessed by Passmore, with IPI's NA consistent with it.
  Passmore missing ("") against any IPI value is not compared (one witness only). A Passmore
  figure > 0 against IPI NA is "one_witness" (12 cases, e.g. UNAMIR 1993-11 police 2): IPI's NA
  cannot be told from its zero, so it gives no figure to prefer and Passmore's stands alone.
- Missions are matched by `mission_key` (the missions crosswalk once resolved; by default the raw
  name, which both files write in the same Kathman/IPI style).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ingest.public import Locator
from ingest.public.ipi import MissionTotal
from ingest.public.passmore import DEPLOYED, TYPES, PassmoreMonth, PersonnelType

IPI_COLUMNS: dict[PersonnelType, str] = {"troops": "Troops", "police": "Police", "military_observers": "Observers"}
PASSMORE_COLUMNS: dict[PersonnelType, str] = dict(zip(TYPES, DEPLOYED, strict=True))
Outcome = Literal["corroborated", "disputed", "zero_vs_na", "one_witness"]
PREFERRED_SOURCE = "ipi-peacekeeping"


@dataclass(frozen=True)
class Witness:
    source: str
    value: int | None
    locator: Locator


@dataclass(frozen=True)
class StrengthFinding:
    mission: str  # the key both sides matched on
    year: int
    month: int
    type: PersonnelType
    outcome: Outcome
    witnesses: tuple[Witness, ...]  # Passmore first, then IPI
    preferred: Witness | None  # the statement the graph prefers; None for one_witness with no value

    @property
    def value(self) -> int | None:
        return self.preferred.value if self.preferred else None


def _outcome(passmore: int, ipi: int | None) -> Outcome:
    if ipi is None:
        return "zero_vs_na" if passmore == 0 else "one_witness"
    return "corroborated" if passmore == ipi else "disputed"


def compare_deployed(
    passmore: Iterable[PassmoreMonth],
    ipi: Iterable[MissionTotal],
    mission_key: Callable[[str], str | None] = lambda name: name,
) -> list[StrengthFinding]:
    """One finding per mission-month and personnel type that both sources cover."""
    totals: dict[tuple[str, int, int], MissionTotal] = {}
    for total in ipi:
        key = mission_key(total.mission)
        if key is not None:
            totals[(key, *total.month)] = total
    findings = []
    for month in passmore:
        key = mission_key(month.mission)
        found = totals.get((key, month.year, month.month)) if key is not None else None
        if found is None:
            continue
        for kind in TYPES:
            value = month.deployed.of(kind)
            if value is None:
                continue
            assert isinstance(value, int)  # deployed counts are whole (read_passmore refuses others)
            theirs: int | None = getattr(found, {"military_observers": "observers"}.get(kind, kind))
            outcome = _outcome(value, theirs)
            ours = Witness("passmore-shortfall", value, month.at(PASSMORE_COLUMNS[kind]))
            other = Witness(PREFERRED_SOURCE, theirs, found.at(IPI_COLUMNS[kind]))
            preferred = other if outcome in ("corroborated", "disputed") else ours
            findings.append(StrengthFinding(key or month.mission, month.year, month.month, kind, outcome,
                                            (ours, other), preferred))
    return findings
