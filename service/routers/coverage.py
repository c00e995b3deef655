"""`GET /coverage`: per chapter of the thesis, what the graph models and what it leaves out."""

from __future__ import annotations

import functools
from typing import Any

import yaml
from fastapi import APIRouter

from schema.paths import DATA
from service import models
from service.deps import ReaderDep
from service.read_models import coverage as read_model

router = APIRouter(tags=["coverage"])
# The sweep's list (see ingest/coverage_names.py): a checked file of the curated data, not graph data.
NAMES = DATA / "coverage" / "names.yaml"

EXAMPLE = {
    "chapters": [
        {
            "chapter": 4,
            "records": 211,
            "by_kind": {"Claim": 80, "Figure": 37, "Finding": 4, "Mandate": 8, "Resolution": 8, "Task": 25},
            "claims": 80,
            "findings": 4,
            "other_names": ["AIDS", "HIV"],
            "left_out": [
                {"name": "SCR", "line": 5544, "reason": "the thesis's abbreviation of 'Security Council resolution'"}
            ],
            "missing": [],
        }
    ],
    "outside_chapters": {"Interview": 32},
    "not_modelled": ["names the sweep finds that are not yet records are listed per chapter under `missing`"],
}


@functools.cache
def _names() -> list[dict[str, Any]]:
    return list(yaml.safe_load(NAMES.read_text(encoding="utf-8")) or []) if NAMES.exists() else []


@router.get(
    "/coverage",
    response_model=models.Coverage,
    summary="Per chapter of the thesis: records located there, names left out and why, what is not modelled",
    responses={200: {"content": {"application/json": {"example": EXAMPLE}}}},
)
async def coverage(graph: ReaderDep) -> models.Coverage:
    return read_model.coverage(await graph.read("coverage"), _names())
