"""JSON by default; CSV for every tabular answer, by `Accept: text/csv` or `?format=csv`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

FormatParam = Annotated[
    Literal["json", "csv"] | None,
    Query(alias="format", description="'csv' for CSV (same as Accept: text/csv); JSON otherwise"),
]

CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "JSON, or CSV on request"}
}


def wants_csv(request: Request, requested: str | None) -> bool:
    if requested is not None:
        return requested == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, BaseModel):
        return _cell(value.model_dump())
    if isinstance(value, Mapping):
        return "; ".join(f"{k}={_cell(v)}" for k, v in value.items())
    return str(value)


def csv_response(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], filename: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{filename}.csv"'},
    )


def model_rows(items: Sequence[BaseModel]) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and columns of a list of response models, in field order."""
    if not items:
        return [], []
    columns = list(type(items[0]).model_fields)
    return [item.model_dump() for item in items], columns
