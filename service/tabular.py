"""Tabular answers: what a CSV is made of (service.formats renders it). One row per item."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel

T = TypeVar("T")


@dataclass(frozen=True)
class Table:
    """Rows of a tabular answer, its columns in order, and the file's name (default: the path's last part)."""

    columns: Sequence[str]
    rows: Iterable[Mapping[str, Any]]
    filename: str | None = None


@runtime_checkable
class Tabular(Protocol):
    def table(self) -> Table: ...


# Tables of answers whose rows a read model defines (service.read_models), by the answer's type.
_TABLES: dict[type, Callable[[Any], Table]] = {}


def tabulates(kind: type[T]) -> Callable[[Callable[[T], Table]], Callable[[T], Table]]:
    """Register how an answer of `kind` is a table (its CSV)."""

    def register(view: Callable[[T], Table]) -> Callable[[T], Table]:
        _TABLES[kind] = view
        return view

    return register


def table_of(answer: object) -> Table | None:
    """The answer's table: its own `table()`, a registered one, or a list of models row by row."""
    if isinstance(answer, Tabular):
        return answer.table()
    view = _TABLES.get(type(answer))
    if view is not None:
        return view(answer)
    if isinstance(answer, list) and all(isinstance(item, BaseModel) for item in answer):
        return model_table(answer)
    return None


def model_table(items: Sequence[BaseModel], filename: str | None = None) -> Table:
    """A list of response models as a table, its columns in field order."""
    if not items:
        return Table([], [], filename)
    return Table(list(type(items[0]).model_fields), [item.model_dump() for item in items], filename)


def cell(value: Any) -> str:
    """One value as the text of a table cell (lists joined by '; ')."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, BaseModel):
        return cell(value.model_dump())
    if isinstance(value, Mapping):
        return "; ".join(f"{k}={cell(v)}" for k, v in value.items())
    return str(value)


def csv_text(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([cell(row.get(column)) for column in table.columns])
    return buffer.getvalue()
