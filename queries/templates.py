"""Statement text repeated per label, generated from the domain registry (an allow-list).

A statement line that ends with a marker comment is repeated once per item of the named set,
with `__LABEL__`, `__KEY__` and `__NAME__` filled in:

- `// each node kind, UNION`: one copy per node kind (its label, and `__KEY__` the property its IRI
  carries: a resolution's number, every other node's id), joined by UNION;
- `// each id label`: one copy per label with a unique id (each kind's, and the shared Actor),
  `__NAME__` the constraint's name (`mission_id`).

`__STAGED__` becomes the label of a staged load's nodes before its swap (schema.datasets), for the
statements that match unlabelled nodes to leave them out. `__SEARCH_LABELS__` and
`__SEARCH_PROPERTIES__` become the full-text index's label list and property list;
`__EVIDENCED_TYPES__` the evidenced relation types as a type pattern (`DEPENDS_ON|FUNDS|...`),
`__EVIDENCED_TYPE_NAMES__` as a list of strings (`'DEPENDS_ON', ...`); `__QUALIFIED_TYPE_NAMES__` the
relationship types exported as qualified resources (registry.Qualified: `'HELD_SEAT', ...`).
Every value comes from schema.registry and is checked to be a plain name, so no input ever
reaches the text.
"""

from __future__ import annotations

import re
from typing import LiteralString

from schema import registry
from schema.datasets import STAGED_LABEL

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_MARKER = re.compile(r"^(?P<line>.*?)\s*//\s*each (?P<set>node kind|id label)(?P<union>, UNION)?\s*$")


def _checked(value: str) -> str:
    if not _NAME.match(value):
        raise ValueError(f"{value!r} is not a plain label or property name")
    return value


def _slots(set_name: str) -> list[dict[str, str]]:
    if set_name == "node kind":
        return [{"__LABEL__": kind.label, "__KEY__": kind.iri_key} for kind in registry.NODE_KINDS]
    return [{"__LABEL__": label, "__NAME__": registry.constraint_name(label)} for label in registry.id_labels()]


def _fill(line: str, slots: dict[str, str]) -> str:
    for token, value in slots.items():
        line = line.replace(token, _checked(value))
    return line


def expand(text: str) -> LiteralString:
    """`text` (a statement file's body, comments kept) with every marked line repeated per item."""
    out: list[str] = []
    for line in text.splitlines():
        match = _MARKER.match(line)
        if match is None:
            out.append(line)
            continue
        copies = [_fill(match["line"], slots) for slots in _slots(match["set"])]
        indent = match["line"][: len(match["line"]) - len(match["line"].lstrip())]
        out.append(f"\n{indent}UNION\n".join(copies) if match["union"] else "\n".join(copies))
    body = "\n".join(out)
    body = body.replace("__STAGED__", _checked(STAGED_LABEL))
    body = body.replace("__SEARCH_LABELS__", "|".join(map(_checked, registry.search_labels())))
    evidenced = [_checked(relation.type) for relation in registry.EVIDENCED_RELATIONS]
    body = body.replace("__EVIDENCED_TYPES__", "|".join(evidenced))
    body = body.replace("__EVIDENCED_TYPE_NAMES__", ", ".join(f"'{name}'" for name in evidenced))
    qualified = [_checked(relation.type) for relation in registry.RELATION_TYPES if relation.qualified]
    body = body.replace("__QUALIFIED_TYPE_NAMES__", ", ".join(f"'{name}'" for name in qualified))
    # Only registry names, checked above, go into the shipped statement text.
    return body.replace("__SEARCH_PROPERTIES__", ", ".join(f"n.{_checked(p)}" for p in registry.search_properties()))
