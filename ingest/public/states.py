"""Identity of states across sources: a name as a public file writes it -> the graph's state record id.

Existing state records are Organisations of kind `state` in data/organisations.yaml (`usa`, `uk`,
`france`, ...): their ids stay. Every other state's id is its ISO 3166-1 alpha-3 code lowercased
(pycountry); a historic state has its own record, with its former alpha-3 code (ISO 3166-3,
pycountry.historic_countries) lowercased where there is one.

The rule (`resolve`), in order:
1. The name is cleaned: surrounding spaces and one stray trailing apostrophe (an IPI quirk,
   "South Sudan'") removed, cp1252 mojibake repaired (`mojibake.repair`).
2. An entry of data/crosswalk/states.yaml for the name (a source-specific entry wins); its id may be
   `not-a-state`: an explained exclusion ("Multinational", "TCC name unknown"), resolved to None.
3. Else an exact, case-insensitive match of pycountry's name, official_name or common_name.
4. The ISO alpha-3 code found becomes the id: the crosswalk entry named by the code (the existing
   records), else the code lowercased.
5. When the year is known, a state that had another identity then resolves to that one's record:
   the Democratic Republic of the Congo in 1972-1996 is Zaire (`zar`; whole years inside the Zaire
   name, 27 October 1971 - 17 May 1997; ISO 3166-3 ZAR). The split years 1971 and 1997 stay `cod`.
A name no step resolves is unmapped: the readers report it (file, row) as a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycountry

from ingest.public import Locator
from ingest.public.crosswalk import Crosswalk, crosswalk
from ingest.public.mojibake import repair

NOT_A_STATE = "not-a-state"
# state id -> (record id in those years, first year, last year): rule 5 of the module docstring
_PERIODS: dict[str, tuple[tuple[str, int, int], ...]] = {"cod": (("zar", 1972, 1996),)}


@dataclass(frozen=True)
class Resolved:
    id: str
    code: str | None  # ISO 3166-1 alpha-3, or the former alpha-3 of ISO 3166-3; None for a record without one
    historic: bool
    reason: str


@dataclass(frozen=True)
class StateRecord:
    """A state record the graph needs: id, name, code, and every source row that names it."""

    id: str
    name: str
    code: str | None
    historic: bool
    existing: bool  # already in data/organisations.yaml
    named_by: tuple[Locator, ...]


@dataclass(frozen=True)
class Mention:
    """A state name as one source row writes it."""

    name: str
    source: str
    locator: Locator
    year: int | None = None


@cache  # one name per row of the personnel files, a few hundred distinct
def clean(name: str) -> str:
    text = repair(name).strip()
    if text.endswith("'") and text.count("'") == 1:
        text = text[:-1].rstrip()
    return text


@cache
def _pycountry_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index.setdefault(value.casefold(), country.alpha_3)
    return index


@cache
def _historic_codes() -> frozenset[str]:
    return frozenset(country.alpha_3 for country in pycountry.historic_countries)


def _states() -> Crosswalk:
    return crosswalk("states")


def id_for_code(code: str) -> str:
    """The record id of an ISO alpha-3 code (current or former): an existing record's id, else the code lowercased."""
    mapping = _states().lookup(code.upper())
    return mapping.id if mapping is not None else code.lower()


def _code_for_id(state_id: str) -> str | None:
    if len(state_id) == 3 and state_id.isalpha():
        code = state_id.upper()
        if pycountry.countries.get(alpha_3=code) is not None or code in _historic_codes():
            return code
    for mapping in _states().mappings:
        if mapping.id == state_id and len(mapping.name) == 3 and mapping.name.isupper():
            return mapping.name
    return None


def resolve(name: str, source: str | None = None, year: int | None = None) -> Resolved | None:
    """The state record `name` (as `source` writes it, in `year` if known) stands for; None if unmapped
    or explained as not a state (`is_excluded` tells them apart)."""
    return _resolve(clean(name), source, year)


@cache
def _resolve(text: str, source: str | None, year: int | None) -> Resolved | None:
    if not text:
        return None
    mapping = _states().lookup(text, source)
    if mapping is not None:
        if mapping.id == NOT_A_STATE:
            return None
        state_id, reason = mapping.id, f"crosswalk: {mapping.reason}"
    else:
        code = _pycountry_index().get(text.casefold())
        if code is None:
            return None
        state_id, reason = id_for_code(code), f"pycountry: ISO 3166-1 {code}"
    for other, first, last in _PERIODS.get(state_id, ()):
        if year is not None and first <= year <= last:
            reason += f"; in {year} the state is {other} ({first}-{last}, states.py rule 5)"
            state_id = other
    code = _code_for_id(state_id)
    return Resolved(state_id, code, code in _historic_codes() if code else True, reason)


def is_excluded(name: str, source: str | None = None) -> bool:
    """True when the crosswalk explains `name` as not a state."""
    mapping = _states().lookup(clean(name), source)
    return mapping is not None and mapping.id == NOT_A_STATE


def unmapped(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """The mentions no rule resolves and no crosswalk entry explains (blank names included)."""
    return tuple(m for m in mentions if resolve(m.name, m.source, m.year) is None and not is_excluded(m.name, m.source))


def state_records(mentions: Iterable[Mention], existing: dict[str, str]) -> tuple[StateRecord, ...]:
    """The state records the graph needs for these mentions, sorted by id.

    `existing` maps the ids of data/organisations.yaml's state records to their names: those records
    keep their name. Any other record is named after pycountry (common name, else name; the historic
    name for a former code), or after the first mention for a record without a code.
    """
    found: dict[str, tuple[Resolved, str, list[Locator]]] = {}
    for mention in mentions:
        resolved = resolve(mention.name, mention.source, mention.year)
        if resolved is None:
            continue
        entry = found.setdefault(resolved.id, (resolved, clean(mention.name), []))
        entry[2].append(mention.locator)
    records = []
    for state_id, (resolved, first_name, locators) in sorted(found.items()):
        name = existing.get(state_id) or _code_name(resolved.code) or first_name
        records.append(
            StateRecord(state_id, name, resolved.code, resolved.historic, state_id in existing, tuple(locators))
        )
    return tuple(records)


def _code_name(code: str | None) -> str | None:
    if code is None:
        return None
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        return str(getattr(country, "common_name", None) or country.name)
    for historic in pycountry.historic_countries:
        if historic.alpha_3 == code:
            return str(historic.name)
    return None
