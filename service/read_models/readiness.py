"""What `/ready` reports: the Neo4j server, whether the schema is online, each loaded source and graph counts.

Input: the rows of `system/server_info`, `system/schema_state`, `system/counts` and `system/datasets`
(one `:Dataset` node per source), the names schema/constraints.cypher declares, and where the service connects.
"""

from __future__ import annotations

import json
from typing import Any

from schema.datasets import CURATED, PENDING_LEASE_S
from service import models


def dataset(row: dict[str, Any]) -> models.DatasetInfo:
    """A source's `:Dataset` node properties."""
    counts = row.get("counts")
    return models.DatasetInfo(
        id=str(row.get("id", "")),
        version=str(row.get("version", "")),
        loaded_at=str(row.get("loaded_at", "")),
        # Neo4j has no map properties: the ingest stores counts as a JSON string.
        counts=json.loads(counts) if isinstance(counts, str) else {},
        pending=row.get("pending"),
        pending_age=row.get("pending_age"),
    )


def load_state(info: models.DatasetInfo) -> str | None:
    """'pending' while a staged load of the source renews its mark, 'broken' once the mark is older
    than the lease (the load died), None when no load is pending."""
    if info.pending is None:
        return None
    return "pending" if info.pending_age is not None and info.pending_age <= PENDING_LEASE_S else "broken"


def schema_state(expected: set[str], index_rows: list[dict[str, Any]]) -> models.SchemaState:
    """Applied when every expected constraint and index is ONLINE; the others are listed as missing."""
    online = {row["name"] for row in index_rows if row["state"] == "ONLINE"}
    missing = sorted(expected - online)
    return models.SchemaState(
        applied=not missing, expected=len(expected), online=len(expected & online), missing=missing
    )


def readiness(
    server: dict[str, Any],
    index_rows: list[dict[str, Any]],
    counts: dict[str, Any],
    dataset_rows: list[dict[str, Any]],
    expected: set[str],
    uri: str,
    database: str,
) -> models.Ready:
    schema = schema_state(expected, index_rows)
    datasets = [dataset(row) for row in dataset_rows]
    states = {info.id: load_state(info) for info in datasets}
    pending = [source for source, state in states.items() if state == "pending"]
    broken = [source for source, state in states.items() if state == "broken"]
    status = "schema-missing" if not schema.applied else "broken" if broken else "pending" if pending else "ready"
    return models.Ready(
        status=status,
        pending=pending,
        broken=broken,
        neo4j=models.Neo4jInfo(
            name=server["name"], version=server["version"], edition=server["edition"], uri=uri, database=database
        ),
        schema_=schema,
        # The curated data as before sources were loaded apart; every source in `datasets`.
        dataset=next((info for info in datasets if info.id == CURATED), None),
        datasets=datasets,
        counts=models.GraphCounts(**counts),
    )
