"""Evidence inline: the claims behind a dependency, a matrix cell or an actor's centrality, read in one
statement and put beside the claim ids when a route is asked `expand=evidence`.

Ids only is the default: answers stay small, and one `expand=evidence` call replaces a call per claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from fastapi import Query

from service import models
from service.graph_reader import GraphReader

Expand = Annotated[
    Literal["evidence"] | None,
    Query(
        description="`evidence`: each supporting claim inline (text, quote, interviews with the interviewee's "
        "role, section, line); default: claim ids only. In CSV (dependencies, centrality) expand=evidence gives "
        "one row per row x claim, with the columns claim, claim_text, claim_quote, claim_interviews, "
        "claim_interviewee_roles, claim_section, claim_line; without it, one row per row as before",
        examples=["evidence"],
    ),
]


async def claims_by_id(graph: GraphReader, ids: Iterable[str]) -> dict[str, models.Evidence]:
    """The claims among `ids`, by id (one read for all of them)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = await graph.read("evidence", ids=wanted)
    return {row["claim"]["id"]: models.Evidence(**row["claim"]) for row in rows}


def pick(found: dict[str, models.Evidence], ids: Iterable[str]) -> list[models.Evidence]:
    """The claims of `ids` in their order, each once."""
    return [found[i] for i in dict.fromkeys(ids) if i in found]
