"""Who supplies a mission's personnel, and what a state supplies: IPI's official monthly counts and
Geo-PKO's yearly map estimates, always apart (each row names its basis and source), and the data
basis of dependency and centrality built from the official counts.

Input: the rows of `mission_contributors`, `organisation_contributions`, `dependencies_data` and
`actor_graph_data`.
"""

from __future__ import annotations

from typing import Any

from service import models
from service.read_models import corroboration
from service.read_models.centrality import Metric, WeightedGraph, compute
from service.tabular import Table, tabulates

TYPES = ("troops", "police", "formed_police", "experts")
COLUMNS = [
    "rank",
    "mission",
    "state",
    "state_name",
    "period",
    "basis",
    "count",
    *TYPES,
    "men",
    "women",
    "locations",
    "unknown_sizes",
    "source",
    "file",
    "rows",
]
DATA_WEIGHTING = (
    "edge mission -> state, weight = the state's share of the mission's personnel in the month "
    "(IPI, official monthly count)"
)
DATA_COLUMNS = ["from", "to", "kind", "on", "share", "count", "mission_total", "month", "basis", "source"]


def _ref(value: dict[str, Any] | None, fallback: str = "") -> models.Ref:
    value = value or {}
    return models.Ref(id=value.get("id") or fallback, name=value.get("name"), acronym=value.get("acronym"))


def _row(item: dict[str, Any], mission: models.Ref, state: models.Ref) -> models.ContributionRow:
    types = sorted(item.get("types") or [], key=lambda t: TYPES.index(t["type"]) if t["type"] in TYPES else 99)
    return models.ContributionRow(
        mission=mission,
        state=state,
        period=str(item["period"]),
        basis=item["basis"],
        count=item["count"],
        types=[models.ContributionType(**t) for t in types],
        locations=item.get("locations"),
        unknown_sizes=item.get("unknown_sizes"),
        source=item["source"],
        file=item["file"],
        rows=sorted(item["rows"]),
    )


def ranked(rows: list[models.ContributionRow]) -> list[models.ContributionRow]:
    """By count, largest first, ties by state id; numbered from 1."""
    ordered = sorted(rows, key=lambda r: (-r.count, r.state.id))
    return [row.model_copy(update={"rank": n}) for n, row in enumerate(ordered, start=1)]


def contributors(record: dict[str, Any], year: int | None) -> models.Contributors:
    mission = _ref(record["mission"])

    def state(item: dict[str, Any]) -> models.Ref:
        return models.Ref(id=item["state"], name=item.get("state_name"))

    official = ranked([_row(i, mission, state(i)) for i in record["official"]])
    estimates = ranked([_row(i, mission, state(i)) for i in record["estimates"]])
    month = record["month"]
    return models.Contributors(
        mission=mission,
        month=month,
        year=year if year is not None else (int(month[:4]) if month else None),
        official=official,
        estimates=estimates,
    )


def contributions(record: dict[str, Any]) -> models.Contributions:
    organisation = _ref(record["organisation"])

    def mission(item: dict[str, Any]) -> models.Ref:
        return models.Ref(id=item["mission"], name=item.get("mission_name"), acronym=item.get("mission_acronym"))

    def order(rows: list[models.ContributionRow]) -> list[models.ContributionRow]:
        return sorted(rows, key=lambda r: (r.period, r.mission.id))

    return models.Contributions(
        organisation=organisation,
        official=order([_row(i, mission(i), organisation) for i in record["official"]]),
        estimates=order([_row(i, mission(i), organisation) for i in record["estimates"]]),
    )


def table_rows(rows: list[models.ContributionRow]) -> list[dict[str, Any]]:
    """One CSV row per contribution row, its types as columns (empty where none)."""
    out = []
    for row in rows:
        by_type = {t.type: t.count for t in row.types}
        men = sum(t.men or 0 for t in row.types) if row.types else None
        women = sum(t.women or 0 for t in row.types) if row.types else None
        out.append(
            {
                "rank": row.rank,
                "mission": row.mission.id,
                "state": row.state.id,
                "state_name": row.state.name,
                "period": row.period,
                "basis": row.basis,
                "count": row.count,
                **{t: by_type.get(t) for t in TYPES},
                "men": men,
                "women": women,
                "locations": row.locations,
                "unknown_sizes": row.unknown_sizes,
                "source": row.source,
                "file": row.file,
                "rows": ";".join(map(str, row.rows)),
            }
        )
    return out


@tabulates(models.Contributors)
def contributors_table(answer: models.Contributors) -> Table:
    return Table(COLUMNS, table_rows([*answer.official, *answer.estimates]), f"contributors-{answer.mission.id}")


@tabulates(models.Contributions)
def contributions_table(answer: models.Contributions) -> Table:
    return Table(COLUMNS, table_rows([*answer.official, *answer.estimates]), f"contributions-{answer.organisation.id}")


def data_dependencies(actor: models.Ref, direction: str, rows: list[dict[str, Any]]) -> models.DataDependencies:
    """The actor's data edges: as a mission (out: the states it depends on) or as a state (in: the
    missions that depend on it); `both` keeps the two."""
    edges = [
        models.DataDependency(
            source_actor=row["mission"]["id"],
            to=row["state"]["id"],
            share=row["share"],
            count=row["count"],
            mission_total=row["mission_total"],
            month=row["month"],
            basis=row["basis"],
            source=row["source"],
        )
        for row in rows
        if (direction in ("out", "both") and row["mission"]["id"] == actor.id)
        or (direction in ("in", "both") and row["state"]["id"] == actor.id)
    ]
    month = rows[0]["month"] if rows else None
    return models.DataDependencies(
        basis="data", actor=actor, direction=direction, month=month, weighting=DATA_WEIGHTING, edges=edges
    )


def data_centrality(rows: list[dict[str, Any]], metric: Metric, limit: int) -> models.DataCentrality:
    names = {r["from"]: r["from_name"] for r in rows} | {r["to"]: r["to_name"] for r in rows}
    weighted = WeightedGraph.from_relations((r["from"], r["to"], float(r["share"])) for r in rows)
    scores = compute(weighted, metric)
    top = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return models.DataCentrality(
        basis="data",
        month=rows[0]["month"] if rows else None,
        metric=metric,
        graph=models.CentralityGraph(
            nodes=len(weighted.nodes),
            edges=len(weighted.edges),
            relations=["CONTRIBUTES"],
            kind="resource",
            mission=None,
            weighting=DATA_WEIGHTING,
        ),
        ranking=[models.CentralityScore(rank=n, id=i, name=names.get(i), score=s) for n, (i, s) in enumerate(top, 1)],
    )


@tabulates(models.DataDependencies)
def data_dependencies_table(answer: models.DataDependencies) -> Table:
    rows = [{**e.model_dump(by_alias=True)} for e in answer.edges]
    return Table(DATA_COLUMNS, rows, f"dependencies-data-{answer.actor.id}")


@tabulates(models.BothDependencies)
def both_dependencies_table(answer: models.BothDependencies) -> Table:
    from service.read_models.dependencies import steps_table

    evidence = [
        {
            "basis": "evidence",
            "from": s["from"],
            "to": s["to"],
            "kind": s["kind"],
            "on": s["on"],
            "weight": s["weight"],
            "share": None,
            "month": None,
            "source": "thesis",
        }
        for s in steps_table(answer.evidence)
        if s["step"] == 1
    ]
    data = [
        {
            "basis": "data",
            "from": e.source_actor,
            "to": e.to,
            "kind": e.kind,
            "on": e.on,
            "weight": None,
            "share": e.share,
            "month": e.month,
            "source": e.source,
        }
        for e in answer.data.edges
    ]
    columns = ["basis", "from", "to", "kind", "on", "weight", "share", "month", "source"]
    return Table(columns, [*evidence, *data], f"dependencies-both-{answer.evidence.actor.id}")


@tabulates(models.DataCentrality)
def data_centrality_table(answer: models.DataCentrality) -> Table:
    return Table(["rank", "id", "name", "score"], [s.model_dump() for s in answer.ranking], "centrality-data")


@tabulates(models.BothCentrality)
def both_centrality_table(answer: models.BothCentrality) -> Table:
    rows = [{"basis": "evidence", **s.model_dump()} for s in answer.evidence.ranking]
    rows += [{"basis": "data", **s.model_dump()} for s in answer.data.ranking]
    return Table(["basis", "rank", "id", "name", "score"], rows, "centrality-both")


STRENGTH_COLUMNS = [
    "month",
    "measure",
    "value",
    "source",
    "file",
    "row",
    "column",
    "change",
    "previous",
    "observer_coding",
    "interpolated",
    "outcome",
    "preferred",
    "corroborated_by",
    "set_by",
    "id",
]


def strength_series(
    mission: dict[str, Any], rows: list[dict[str, Any]], figures: list[dict[str, Any]] | None = None
) -> models.StrengthSeries:
    """The series; with `figures` (the thesis's, of `mission_figures`) their corroboration as well."""
    series = []
    for row in rows:
        found = row["set_by"]
        set_by = models.Ref(id=found["id"], name=f"S/RES/{found['number']}") if found else None
        series.append(models.StrengthOut(**row["strength"], set_by=set_by))
    compared = corroboration.corroboration(figures or [], series)
    return models.StrengthSeries(
        mission=_ref(mission), series=series, corroboration=compared, rule=corroboration.RULE if compared else None
    )


@tabulates(models.StrengthSeries)
def strength_table(answer: models.StrengthSeries) -> Table:
    rows = [{**s.model_dump(), "set_by": s.set_by.id if s.set_by else None} for s in answer.series]
    return Table(STRENGTH_COLUMNS, rows, f"strength-{answer.mission.id}")
