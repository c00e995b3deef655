"""The relationships of public mandates and task concepts that no plain field states.

- A public mandate (PEMA, TAMM) names its resolutions by number: `SETS` comes from each
  Resolution node of that number that some source holds (in this run or in the graph), so the
  mandates link to the full resolution record once the source that loads it is in (curated holds
  8; the Data Hub source all 2,722). The same goes for its acts (Resolution -[:ESTABLISHES|...]->
  Mission, one relationship per source row, keyed by that row's locator).
- `CORRESPONDS_TO`: a public mandate to the curated mandate of the same mission and resolution
  (curated ids are `<mission>-<resolution number>`, data/mandates.yaml).
- `INCLUDES`: per task inclusion, with its modality and paragraph and the cell as locator (one
  relationship per modality: PEMA codes a task under several).
- A source's task concept -[:EXACT_MATCH|CLOSE_MATCH|BROAD_MATCH|NARROW_MATCH {reason}]-> a
  concept of the project's scheme (data/crosswalk/tasks.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ingest import records
from schema import registry

# Resolution ids are `s-res-<number>-<year>` (data/resolutions.yaml); the number links them.
_RESOLUTION_ID = re.compile(r"^s-res-(\d+)-")
TASK_MAPPINGS_FILE = "crosswalk/tasks.yaml"


def resolutions_by_number(ids: Iterable[str]) -> dict[int, str]:
    out: dict[int, str] = {}
    for resolution_id in sorted(ids):
        match = _RESOLUTION_ID.match(resolution_id)
        if match is not None:
            out.setdefault(int(match.group(1)), resolution_id)
    return out


def provenance(item: records.Provenance) -> dict[str, Any]:
    props: dict[str, Any] = {"source": item.source}
    for name in ("file", "row", "key", "column", "section", "line"):
        value = getattr(item.locator, name)
        if value is not None:
            props[name] = value
    return props


def mandate_edges(
    mandates: Mapping[str, records.Mandate], resolution_ids: Iterable[str], mandate_ids: set[str]
) -> list[tuple[str, str, str, str, str, dict[str, Any], str]]:
    """(type, from label, from id, to label, to id, props, key) of every public mandate's edges."""
    by_number = resolutions_by_number(resolution_ids)
    edges: list[tuple[str, str, str, str, str, dict[str, Any], str]] = []
    for mandate_id, mandate in mandates.items():
        if mandate.coding is None:
            continue
        for number in mandate.resolution_numbers:
            resolution = by_number.get(number)
            if resolution is not None:
                edges.append(("SETS", "Resolution", resolution, "Mandate", mandate_id, provenance(mandate), ""))
            curated = f"{mandate.mission}-{number}"
            if curated in mandate_ids:
                props = provenance(mandate) | {"rule": "same mission and resolution number"}
                edges.append(("CORRESPONDS_TO", "Mandate", mandate_id, "Mandate", curated, props, ""))
        for inclusion in mandate.inclusions:
            props = provenance(inclusion)
            props |= {k: v for k, v in (("modality", inclusion.modality), ("paragraph", inclusion.paragraph)) if v}
            edges.append(("INCLUDES", "Mandate", mandate_id, "Task", inclusion.task, props, inclusion.modality or ""))
        for act in mandate.acts:
            resolution = by_number.get(act.resolution_number)
            if resolution is None:
                continue
            props = provenance(act) | {"evidence": act.evidence, "mandate": mandate_id}
            key = f"{act.locator.file}:{act.locator.row}:{act.locator.column}"
            edges.append(
                (registry.ACT_TYPES[act.act], "Resolution", resolution, "Mission", mandate.mission, props, key)
            )
    return edges


def mapping_edges(tasks: Mapping[str, records.Task]) -> list[tuple[str, str, str, str, str, dict[str, Any], str]]:
    edges: list[tuple[str, str, str, str, str, dict[str, Any], str]] = []
    for task_id, task in tasks.items():
        for mapping in task.mappings:
            props = {"source": task.source, "file": TASK_MAPPINGS_FILE, "reason": mapping.reason}
            edges.append((registry.MATCH_TYPES[mapping.match], "Task", task_id, "Task", mapping.task, props, ""))
    return edges
