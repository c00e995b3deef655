"""One mission, organisation, resolution, interview or claim, from the row of its statement.

Input: the one row of `mission`, `organisation`, `resolution`, `interview` or `claim`: the node's
properties under its kind's name, beside the lists of what it is linked to.
"""

from __future__ import annotations

from typing import Any

from service import models

# The ingest's bookkeeping (ingest.plan): a content hash, and the stamp of loads before it.
BOOKKEEPING = frozenset({"digest", "load"})


def clean(node: dict[str, Any] | None) -> dict[str, Any]:
    """Node properties minus the ingest's bookkeeping."""
    return {k: v for k, v in (node or {}).items() if k not in BOOKKEEPING}


def _flat(row: dict[str, Any], key: str) -> dict[str, Any]:
    """The row with the node's properties lifted beside its links."""
    return {**row, **clean(row[key])}


def mission(row: dict[str, Any]) -> models.MissionDetail:
    found = _flat(row, "mission")
    # A post has a title, not a name: the title is what names it in a list.
    found["posts"] = [{"id": p["id"], "name": p.get("title")} for p in found["posts"]]
    top = found.get("top_contributors") or []
    if found.get("strength_figures"):
        found["strength"] = f"/missions/{found['id']}/strength"
    if top:
        found["contributors"] = f"/missions/{found['id']}/contributors?at={top[0]['month']}"
    return models.MissionDetail(**found)


def organisation(row: dict[str, Any]) -> models.OrganisationDetail:
    found = _flat(row, "organisation")
    found["leads"] = [{"id": x["id"], "name": x.get("label")} for x in found["leads"]]
    found["interviews"] = [{"id": x["id"], "name": x.get("role")} for x in found["interviews"]]
    return models.OrganisationDetail(**found)


_VOTE_FIELDS = ("unanimous", "votes_yes", "votes_no", "votes_abstain")


def resolution(row: dict[str, Any]) -> models.ResolutionDetail:
    found = _flat(row, "resolution")
    found["missions"] = [m["id"] for m in found["missions"]]
    found["mandates"] = [{"id": m["id"], "name": m.get("mission")} for m in found["mandates"]]
    statements = sorted(found["statements"], key=lambda s: s["id"])
    found["statements"] = statements
    witnesses = [s for s in statements if s["field"] == "date"]
    preferred = [s["value"] for s in witnesses if s.get("preferred") and s.get("source") != "thesis"]
    found["date_witnesses"] = witnesses
    found["preferred_date"] = preferred[0] if preferred else found.get("date")
    found["acts_on"] = [clean(act) for act in found.pop("acts", [])]
    found["acts"] = [f"{act['act']} {act['mission']}" for act in found["acts_on"]]
    found["council"] = sorted(found.get("council", []), key=lambda m: (not m["permanent"], m.get("name") or m["id"]))
    # A curated resolution holds the thesis's values; the Data Hub's vote is in its statements.
    votes = {name: found.get(name) for name in _VOTE_FIELDS}
    if votes["unanimous"] is None:
        votes |= {s["field"]: s["value"] for s in statements if s["field"] in _VOTE_FIELDS}
    if votes["unanimous"] is not None:
        found["vote"] = models.Vote(
            unanimous=votes["unanimous"], yes=votes["votes_yes"], no=votes["votes_no"], abstain=votes["votes_abstain"]
        )
    return models.ResolutionDetail(**found)


def interview(row: dict[str, Any]) -> models.InterviewDetail:
    """The interview with the claims citing it, in the thesis's order (by line)."""
    found = _flat(row, "interview")
    claims = found.pop("claims")
    found["organisation"] = found["organisations"][0]["id"] if found["organisations"] else None
    found["mission"] = found["missions"][0]["id"] if found["missions"] else None
    citing = sorted(claims, key=lambda c: (c.get("line") or 0, c["id"]))
    found["statements"] = sorted((clean(s) for s in found.get("statements", [])), key=lambda s: s["id"])
    return models.InterviewDetail(
        **found,
        claims=len(citing),
        # A claim's section is numbered from its chapter: 5.2.3 is in chapter 5.
        claims_citing=[models.ClaimSummary(chapter=int(c["section"].split(".")[0]), **c) for c in citing],
    )


def claim(row: dict[str, Any]) -> models.ClaimDetail:
    found = _flat(row, "claim")
    found["interviewees"] = found["interviews"]
    found["interviews"] = [i["id"] for i in found["interviews"]]
    found["codes"] = [c["id"] for c in found["codes"]]
    found["mentions"] = [a["id"] for a in found["mentions"]]
    found["cites"] = [{"id": s["id"], "name": s.get("title") or s.get("citation")} for s in found["literature"]]
    return models.ClaimDetail(**found)


def finding(row: dict[str, Any]) -> models.FindingDetail:
    found = _flat(row, "finding")
    return models.FindingDetail(**found)
