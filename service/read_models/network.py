"""The network view's graph: actors as nodes sized by a centrality metric, evidenced relations as edges.

Input: the rows of `explore/network` (one per relation, with its supporting claims, the interviews
and the literature behind it). The scores are those `/centrality` gives for the same relations
(service.read_models.centrality), so the view and the API agree.
"""

from __future__ import annotations

from typing import Any

from schema import registry
from service.explore_paths import page_href
from service.rdf.iris import RelationKey
from service.read_models.centrality import Metric, WeightedGraph, compute

RELATION_TITLES = {relation.type: relation.property_title for relation in registry.EVIDENCED_RELATIONS}


def basis(interviews: list[str], literature: list[str]) -> str:
    """What a relation's evidence rests on: interviews, the literature, or both."""
    if interviews and literature:
        return "interviews and literature"
    return "interviews" if interviews else "literature"


def _node(actor: dict[str, Any]) -> dict[str, Any]:
    segment = "mission" if actor["mission"] else "organisation"
    return {
        "id": actor["id"],
        "label": actor.get("acronym") or actor["name"],
        "name": actor["name"],
        "kind": segment,
        "href": page_href(segment, actor["id"]),
    }


def network(rows: list[dict[str, Any]], metric: Metric) -> dict[str, Any]:
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for row in rows:
        for end in (row["from"], row["to"]):
            nodes.setdefault(end["id"], _node(end))
        key = RelationKey(row["from"]["id"], row["type"], row["kind"] or "", row["on"] or "", row["to"]["id"])
        edges.append(
            {
                "id": key.slug,
                "source": key.source,
                "target": key.target,
                "type": row["type"],
                "title": RELATION_TITLES[row["type"]],
                "kind": row["kind"],
                "on": row["on"],
                "weight": row["weight"],
                "evidence": row["evidence"],
                "interviews": row["interviews"],
                "literature": row["literature"],
                "basis": basis(row["interviews"], row["literature"]),
                "href": f"/relation/{key.slug}",
            }
        )
    graph = WeightedGraph.from_relations((e["source"], e["target"], float(len(e["evidence"]))) for e in edges)
    scores = compute(graph, metric)
    ranked = sorted(nodes.values(), key=lambda n: (-scores.get(n["id"], 0.0), n["id"]))
    for node in ranked:
        node["score"] = round(scores.get(node["id"], 0.0), 6)
    return {
        "metric": metric,
        "nodes": ranked,
        "edges": edges,
        "relation_types": sorted({e["type"] for e in edges}),
        "kinds": sorted({e["kind"] for e in edges if e["kind"]}),
        "bases": sorted({e["basis"] for e in edges}),
    }
