"""Mission identity across the public sources: every name a source uses -> a graph mission id.

Rule, in this order (`resolve_mission`):
1. an entry of the curated crosswalk `data/crosswalk/missions.yaml` for the name (a source-specific
   entry wins over a general one; a dated entry holds only for rows of its period);
2. the exact-acronym rule: a name equal (without case and extra spaces) to the `acronym` of exactly
   one record of `data/missions.yaml` or of `data/crosswalk/missions_new.yaml` (the records public
   sources name that the graph does not hold yet; the loader creates them) is that record.
A name neither resolves is either on `data/crosswalk/missions_excluded.yaml` with its reason, or
unmapped: `mission_names()` collects every name of every public file with its locator, so a test
keeps the unmapped list empty.

Topic lines (Data Hub DGC-SCRES `description`) name missions by an acronym in parentheses;
`topic_acronyms` takes the parenthesised tokens whose first word is an acronym (two or more of
A-Z, 0-9 and "-", starting with a letter, e.g. "MONUC", "UNAVEM III", "FC-G5S", "EUFOR ALTHEA"),
not years, single letters ("(b)"), Roman numerals ("(II)") or names in ordinary case ("(Benin)").
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ingest.public import SOURCES, Locator, SourceFileError
from ingest.public.crosswalk import CROSSWALKS, crosswalk
from schema.paths import DATA, PROJECT_ROOT

# The public datasets as the project received them; folders not copied into data/sources/ (by
# another reader's branch) are read from here, so the coverage test sees every source.
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]+(?: [A-Z][A-Z0-9-]*)*$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_PARENS = re.compile(r"\(([^()]*)\)")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class NewMission:
    """A mission a public source names that data/missions.yaml does not hold (missions_new.yaml)."""

    id: str
    acronym: str
    name: str | None
    locator: Locator
    quote: str | None
    note: str | None


@cache
def new_missions(folder: Path = CROSSWALKS) -> tuple[NewMission, ...]:
    entries = yaml.load((folder / "missions_new.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    out = []
    for entry in entries:
        where = entry["locator"]
        locator = Locator(entry["source"], where["file"], where.get("row"), where.get("key"), where.get("column"))
        out.append(
            NewMission(entry["id"], entry["acronym"], entry.get("name"), locator, entry.get("quote"), entry.get("note"))
        )
    return tuple(out)


@cache
def excluded_names(folder: Path = CROSSWALKS) -> dict[str, str]:
    """Names mapped to no mission, with the reason (missions_excluded.yaml), keyed without case."""
    entries = yaml.load((folder / "missions_excluded.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {_key(entry["name"]): entry["reason"] for entry in entries}


@cache
def _acronyms(data: Path = DATA) -> dict[str, str]:
    records = yaml.load((data / "missions.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    pairs = [(r["acronym"], r["id"]) for r in records if r.get("acronym")]
    pairs += [(m.acronym, m.id) for m in new_missions()]
    seen: dict[str, set[str]] = {}
    for acronym, mission in pairs:
        seen.setdefault(_key(acronym), set()).add(mission)
    return {key: next(iter(ids)) for key, ids in seen.items() if len(ids) == 1}


def mission_ids(data: Path = DATA) -> frozenset[str]:
    """Every id a name may resolve to: the graph's missions and the ones to create."""
    records = yaml.load((data / "missions.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return frozenset([r["id"] for r in records] + [m.id for m in new_missions()])


def resolve_mission(name: str, source: str | None = None, when: str | None = None) -> str | None:
    """The graph mission id of `name` as `source` writes it in a row dated `when` (YYYY-MM[-DD])."""
    mapping = crosswalk("missions").lookup(name, source, when)
    if mapping is not None:
        return mapping.id
    return _acronyms().get(_key(name))


def topic_acronyms(description: str) -> list[str]:
    """The acronyms in parentheses in a Data Hub topic line, in order (see the module docstring)."""
    found = []
    for token in _PARENS.findall(description):
        token = token.strip()
        if _ACRONYM.match(token) and not _ROMAN.match(token):
            found.append(token)
    return found


@dataclass(frozen=True)
class NameUse:
    """One name as a public file uses it: the first row (or record) per (file, name, month)."""

    name: str
    locator: Locator
    when: str | None  # YYYY-MM or YYYY-MM-DD of the row, where the row is dated


def _folder(sources: Path, shared: Path, name: str) -> Path:
    return sources / name if (sources / name).is_dir() else shared / name


def _csv_names(path: Path, source: str, relative: str, column: str, date: str | None) -> Iterator[NameUse]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            when = None
            if date == "year-month":
                when = f"{row['year']}-{int(row['month']):02d}"
            elif date == "year":
                when = row["year"]
            elif date is not None:
                when = row[date] or None
            yield NameUse(row[column], Locator(source, relative, row=line, column=column), when)


def mission_names(sources: Path = SOURCES, shared: Path = SHARED_DATA) -> list[NameUse]:
    """Every mission name every public file uses, each with the first locator per (file, name, date)."""
    uses: list[NameUse] = []
    files = [
        ("pema", "PEMA_Feb22_v1.2.csv", "NamePKO", "Year"),
        ("pema", "PEMA_raw_v2.csv", "NamePKO", "Year"),
        ("tamm", "TAMM_mission-month_v2.1.csv", "mission", "year-month"),
        ("passmore-shortfall", "Personnel_shortfall_data.csv", "mission", "year-month"),
        ("passmore-shortfall", "Personnel_shortfall_data.csv", "missioncode_Meg", "year-month"),
        ("ipi-peacekeeping", "Gender.Full.csv", "Mission", "Date"),
        ("ipi-peacekeeping", "data_mission_1990-2017.csv", "Mission", "Date"),
        ("geo-pko", "TCCMap_v.2.3.csv", "mission", "year"),
        ("un-psdata-pko", "DPPADPOSS-PKO.csv", "mission_acronym", None),
    ]
    for folder, file, column, date in files:
        path = _folder(sources, shared, folder) / file
        uses += _csv_names(path, folder, f"{folder}/{file}", column, date)
    missions_json = _folder(sources, shared, "ipi-peacekeeping") / "missions.json"
    for key, record in json.loads(missions_json.read_text(encoding="utf-8")).items():
        file = "ipi-peacekeeping/missions.json"
        uses.append(NameUse(key, Locator("ipi-peacekeeping", file, key=key), None))
        uses.append(NameUse(record["mission"], Locator("ipi-peacekeeping", file, key=key, column="mission"), None))
    scres = _folder(sources, shared, "un-psdata-dgc-scres") / "DGC-SCRES.json"
    for record in json.loads(scres.read_text(encoding="utf-8")):
        if not str(record["symbol"]).startswith("S/RES/"):
            continue
        for acronym in topic_acronyms(record.get("description") or ""):
            locator = Locator(
                "un-psdata-dgc-scres", "un-psdata-dgc-scres/DGC-SCRES.json", key=str(record["id"]), column="description"
            )
            uses.append(NameUse(acronym, locator, None))
    first: dict[tuple[str, str, str, str | None], NameUse] = {}
    for use in uses:
        first.setdefault((use.locator.file, str(use.locator.column), use.name, use.when), use)
    return list(first.values())


def unmapped_names(sources: Path = SOURCES, shared: Path = SHARED_DATA) -> list[NameUse]:
    """The name uses no rule resolves and no exclusion explains: the warnings for `pkgraph ingest`."""
    excluded = excluded_names()
    out = []
    for use in mission_names(sources, shared):
        if use.locator.column == "missioncode_Meg":
            continue  # Passmore's numeric mission code: checked against `mission` by passmore_codes()
        if resolve_mission(use.name, use.locator.source, use.when) is None and _key(use.name) not in excluded:
            out.append(use)
    return out


def passmore_codes(sources: Path = SOURCES, shared: Path = SHARED_DATA) -> dict[str, str]:
    """Passmore's `missioncode_Meg` -> its `mission` name. A code stands for one name in every row
    (checked; a name may have two codes: UNOCI is 21 and 55), so the code resolves through the name."""
    path = _folder(sources, shared, "passmore-shortfall") / "Personnel_shortfall_data.csv"
    codes: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            code, name = row["missioncode_Meg"], row["mission"]
            if codes.setdefault(code, name) != name:
                file = "passmore-shortfall/Personnel_shortfall_data.csv"
                locator = Locator("passmore-shortfall", file, row=line, column="missioncode_Meg")
                raise SourceFileError(locator, f"code {code} stands for both {codes[code]!r} and {name!r}")
    return codes
