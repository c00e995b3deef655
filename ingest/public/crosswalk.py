"""Identity across sources: the names a public file uses -> the graph's record ids.

Each crosswalk is a curated file `data/crosswalk/<name>.yaml`, a list of mappings
`{name, id, reason}` with an optional `source` (a Source id) when a name means something
else in another source, and an optional period `from` / `until` (YYYY-MM, inclusive) when one
source uses one name for different records over time (e.g. Passmore's "UNAVEM" covers UNAVEM I-III).
Every mapping carries its reason; a name no mapping covers is returned
as None, and the reader reports it (file, row) as an unmapped name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from schema.paths import DATA

CROSSWALKS = DATA / "crosswalk"


@dataclass(frozen=True)
class Mapping:
    name: str
    id: str
    reason: str
    source: str | None = None
    valid_from: str | None = None  # YYYY-MM: the mapping holds for rows dated from this month
    valid_until: str | None = None  # YYYY-MM: ... up to and including this month

    def holds_on(self, when: str | None) -> bool:
        """Whether the mapping holds for a row dated `when` (YYYY-MM or YYYY-MM-DD; None: undated)."""
        if self.valid_from is None and self.valid_until is None:
            return True
        if when is None:
            return False
        month = when[:7]
        return (self.valid_from is None or self.valid_from <= month) and (
            self.valid_until is None or month <= self.valid_until
        )


_MONTH = re.compile(r"^\d{4}-\d{2}$")
FIELDS = {"name", "id", "reason", "source", "from", "until"}


class CrosswalkError(Exception):
    """A crosswalk file that cannot be read; the message names the file and the entry."""


def _key(name: str) -> str:
    """Names compare without case and surrounding or repeated spaces."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Crosswalk:
    name: str
    mappings: tuple[Mapping, ...]

    @classmethod
    def read(cls, path: Path) -> Crosswalk:
        try:
            entries = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
        except (OSError, yaml.YAMLError) as err:
            raise CrosswalkError(f"{path}: {err}") from None
        if not isinstance(entries, list):
            raise CrosswalkError(f"{path}: expected a list of mappings")
        mappings = []
        for index, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict) or not {"name", "id", "reason"} <= entry.keys():
                raise CrosswalkError(f"{path}: entry {index}: needs name, id and reason")
            unknown = entry.keys() - FIELDS
            if unknown:
                raise CrosswalkError(f"{path}: entry {index}: unknown field(s) {sorted(unknown)}")
            for bound in ("from", "until"):
                if bound in entry and not _MONTH.match(str(entry[bound])):
                    raise CrosswalkError(f"{path}: entry {index}: {bound} must be YYYY-MM, not {entry[bound]!r}")
            mappings.append(
                Mapping(
                    str(entry["name"]),
                    str(entry["id"]),
                    str(entry["reason"]),
                    entry.get("source"),
                    str(entry["from"]) if "from" in entry else None,
                    str(entry["until"]) if "until" in entry else None,
                )
            )
        crosswalk = cls(path.stem, tuple(mappings))
        crosswalk._check_unambiguous(path)
        return crosswalk

    def _check_unambiguous(self, path: Path) -> None:
        seen: dict[tuple[str, str | None, str | None, str | None], str] = {}
        for mapping in self.mappings:
            key = (_key(mapping.name), mapping.source, mapping.valid_from, mapping.valid_until)
            if key in seen and seen[key] != mapping.id:
                raise CrosswalkError(f"{path}: {mapping.name!r} maps to both {seen[key]!r} and {mapping.id!r}")
            seen[key] = mapping.id

    @cached_property
    def _by_key(self) -> dict[str, list[Mapping]]:
        """The mappings of each name key, in file order: a public source asks once per row."""
        by_key: dict[str, list[Mapping]] = {}
        for mapping in self.mappings:
            by_key.setdefault(_key(mapping.name), []).append(mapping)
        return by_key

    def lookup(self, name: str, source: str | None = None, when: str | None = None) -> Mapping | None:
        """The mapping of `name` as `source` writes it in a row dated `when` (YYYY-MM[-DD]):
        a source-specific mapping wins over a general one; a dated mapping holds only in its period."""
        general = None
        for mapping in self._by_key.get(_key(name), ()):
            if not mapping.holds_on(when):
                continue
            if mapping.source == source and source is not None:
                return mapping
            if mapping.source is None:
                general = mapping
        return general


@cache
def crosswalk(name: str, folder: Path = CROSSWALKS) -> Crosswalk:
    """The crosswalk `data/crosswalk/<name>.yaml` (e.g. "missions", "states"), read once."""
    path = folder / f"{name}.yaml"
    if not path.is_file():
        raise CrosswalkError(f"{path}: no such crosswalk")
    return Crosswalk.read(path)
