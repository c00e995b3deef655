"""Resolution -> mission acts: establishes, extends, adjusts, terminates, from three sources.

- PEMA flags (`pema_acts`): `Mandate_Renewal` = 1 -> extends; `Mandate_MinorAdjustment` = 1 or
  `Mandate_CompleteAdjustment` = 1 -> adjusts (the column is the locator). PEMA has no
  establishment or termination flag, so it gives neither.
- TAMM (`tamm_acts`): a mission's first mandate -> establishes; every later one -> adjusts (TAMM
  lists only resolutions that change the mandate). Only Security Council resolutions act;
  "425/426" gives UNIFIL's establishment by both numbers; S/2008/354, S/1998/500 and GA 1752
  are not SC resolutions and give no act.
- Data Hub topic lines (`acts_from_topic`, `topic_acts`): the words before each mission acronym in
  parentheses, back to the previous acronym, name the act(s) done to it: "establishment",
  "establish", "creation" -> establishes; "extension", "extend", "renewal", "renew", "continuation",
  "prolong" -> extends; "expansion", "enlargement", "increase", "adjustment", "modification",
  "reduction", "strengthening", "reconfiguration", "additional", "addition", "change of its name" ->
  adjusts ("maintain" -> extends); "termination", "terminate", "closure", "liquidation" ->
  terminates. An acronym with no such word inherits the previous acronym's acts only when the words
  between start with "and" or "," ("extension of the mandates of UNMIS (X) and UNAMID (Y)");
  otherwise it gets none ("as a legal successor to Stabilization Force (SFOR)"). After the last
  acronym only "and extension (renewal) of the mandate" counts: "increase of force levels of ...
  (UNMISS) and extension of the mandate until 15 Dec. 2017" adjusts and extends UNMISS.
Acts are kept per source with their locator; where sources disagree (TAMM "adjusts" where the
topic line says "extends"), every act stays: the loader keeps each as a statement of its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.public import Locator
from ingest.public.dgc_scres import SOURCE as DGC
from ingest.public.dgc_scres import DgcResolution
from ingest.public.missions import resolve_mission, topic_acronyms
from ingest.public.pema import PemaMandate
from ingest.public.tamm import TammMandate

ACTS = ("establishes", "extends", "adjusts", "terminates")
_WORDS = {
    "establishes": r"establish\w*|creation|creating",
    "extends": r"exten(?:sion|d\w*)|renew\w*|continuation|prolong\w*|maintain\w*",
    "adjusts": r"expansion|enlarg\w*|increas\w*|adjust\w*|modif\w*|reduc\w*|strengthen\w*|reconfigur\w*"
    r"|additional|addition|change of its name",
    "terminates": r"terminat\w*|closure|liquidation",
}
_ACT_WORD = {act: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for act, words in _WORDS.items()}
_INHERIT = re.compile(r"^\s*(?:and\b|,)")
# After the last acronym: "... (UNMISS) and extension of the mandate until ..." extends it too.
_TRAILING_EXTENSION = re.compile(r"\band (?:the )?(?:extension|renewal) of (?:its|the) mandate\b(?! of)", re.IGNORECASE)


@dataclass(frozen=True)
class Act:
    resolution: int
    mission: str | None  # graph mission id (None: a name the crosswalk does not resolve)
    name: str  # the mission as the source writes it
    act: str  # establishes | extends | adjusts | terminates
    source: str
    locator: Locator
    evidence: str  # the flag, TAMM rule or topic-line words that give the act


def acts_from_topic(description: str) -> list[tuple[str, str]]:
    """The (act, acronym) pairs a Data Hub topic line states, in order (rule in the docstring)."""
    out: list[tuple[str, str]] = []
    previous: list[str] = []
    position = 0
    acronyms = topic_acronyms(description)
    for acronym in acronyms:
        at = description.find(f"({acronym})", position)
        between = description[position:at]
        acts = [act for act in ACTS if _ACT_WORD[act].search(between)]
        if not acts and previous and _INHERIT.match(between):
            acts = previous
        out += [(act, acronym) for act in acts]
        previous = acts
        position = at + len(acronym) + 2
    if acronyms and _TRAILING_EXTENSION.search(description[position:]) and ("extends", acronyms[-1]) not in out:
        out.append(("extends", acronyms[-1]))
    return out


def topic_acts(resolutions: Iterable[DgcResolution]) -> list[Act]:
    """Acts of the Data Hub topic lines (DGC-SCRES `description`, as the dgc_scres reader gives it)."""
    out = []
    for resolution in resolutions:
        description = resolution.description or ""
        locator = Locator(
            resolution.locator.source, resolution.locator.file, key=resolution.locator.key, column="description"
        )
        for act, acronym in acts_from_topic(description):
            mission = resolve_mission(acronym, DGC)
            out.append(Act(resolution.number, mission, acronym, act, DGC, locator, description))
    return out


def pema_acts(mandates: Iterable[PemaMandate]) -> list[Act]:
    """Acts of PEMA's flags, from every row that codes a (mission, resolution) (v1.2 and v2 alike)."""
    out = []
    flags = (
        ("Mandate_Renewal", "renewal", "extends"),
        ("Mandate_MinorAdjustment", "minor_adjustment", "adjusts"),
        ("Mandate_CompleteAdjustment", "complete_adjustment", "adjusts"),
    )
    for mandate in mandates:
        for row in mandate.witnesses:
            for column, attribute, act in flags:
                if getattr(row, attribute) is True:
                    locator = Locator("pema", row.locator.file, row.locator.row, column=column)
                    out.append(
                        Act(
                            mandate.resolution, mandate.mission, row.mission_name, act, "pema", locator, f"{column} = 1"
                        )
                    )
    return out


def tamm_acts(mandates: Iterable[TammMandate]) -> list[Act]:
    """Acts by TAMM's rule: a mission's first mandate establishes it, each later one adjusts it."""
    out = []
    by_mission: dict[str, list[TammMandate]] = {}
    for mandate in mandates:
        by_mission.setdefault(mandate.mission, []).append(mandate)
    for mission, group in by_mission.items():
        group.sort(key=lambda m: m.first_month)
        for index, mandate in enumerate(group):
            act = "establishes" if index == 0 else "adjusts"
            evidence = (
                f"TAMM: first mandate of the mission ({mandate.first_month})"
                if index == 0
                else f"TAMM: a mandate-changing resolution ({mandate.first_month})"
            )
            for number in mandate.sc_resolutions:
                out.append(Act(number, mission, mission, act, "tamm", mandate.locator, evidence))
    return out
