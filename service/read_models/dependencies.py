"""Who depends on whom, for what, on which evidence: dependency chains and the actor x actor matrix.

Input: the rows of `actors` (the actors that exist among some ids), of `dependencies_out` and
`dependencies_in` (one per chain, shortest first, cycles already left out by the statement) and of
`dependency_matrix` (one per ordered pair of actors).
"""

from __future__ import annotations

from typing import Any, Literal

from service import models
from service.read_models.evidence_rows import EVIDENCE_COLUMNS, expanded
from service.tabular import Table, tabulates

Direction = Literal["out", "in", "both"]
# out: what the actor depends on; in: who depends on it; both: out's chains, then in's.
STATEMENTS: dict[str, list[str]] = {
    "out": ["dependencies_out"],
    "in": ["dependencies_in"],
    "both": ["dependencies_out", "dependencies_in"],
}
STEP_COLUMNS = ["chain", "step", "from", "to", "kind", "on", "weight", "evidence", "interviews", "literature", "basis"]
MATRIX_CORNER = "depends on →"


def actor_refs(rows: list[dict[str, Any]]) -> dict[str, models.Ref]:
    """The actors found, by id."""
    return {row["id"]: models.Ref(id=row["id"], name=row["name"], acronym=row["acronym"]) for row in rows}


def missing(ids: list[str], found: dict[str, models.Ref]) -> list[str]:
    """The ids asked for that name no actor, in the order asked."""
    return [i for i in ids if i not in found]


def dependencies(
    actor: models.Ref, direction: Direction, kind: str | None, depth: int, chain_rows: list[dict[str, Any]]
) -> models.Dependencies:
    """`chain_rows`: the rows of the statements of `STATEMENTS[direction]`, in that order."""
    chains = [
        models.DependencyChain(
            actors=[models.Ref(**a) for a in row["actors"]],
            steps=[models.DependencyStep(**s) for s in row["steps"]],
        )
        for row in chain_rows
    ]
    return models.Dependencies(
        actor=actor,
        direction=direction,
        kind=kind,
        depth=depth,
        direct=[c.steps[0] for c in chains if len(c.steps) == 1],
        chains=chains,
    )


def steps_table(answer: models.Dependencies) -> list[dict[str, Any]]:
    """One row per step of each chain, numbered from 1, for CSV (columns `STEP_COLUMNS`)."""
    return [
        {"chain": n, "step": i, **step.model_dump(by_alias=True)}
        for n, chain in enumerate(answer.chains, start=1)
        for i, step in enumerate(chain.steps, start=1)
    ]


def matrix_ids(actors: str) -> list[str]:
    """The ids of a comma-separated list, blanks dropped, each once, in the order first given."""
    return list(dict.fromkeys(a.strip() for a in actors.split(",") if a.strip()))


def dependency_matrix(
    ids: list[str], found: dict[str, models.Ref], kind: str | None, rows: list[dict[str, Any]]
) -> models.DependencyMatrix:
    """rows[a][b] for each pair with a dependency; every id in `ids` has a row, maybe empty.

    Rows and cells go in the order of `ids`: the statement's rows come in no defined order.
    """
    by_pair = {(row["from"], row["to"]): row for row in rows}
    cells: dict[str, dict[str, models.MatrixCell]] = {
        a: {
            b: models.MatrixCell(weight=row["weight"], on=sorted(row["on"]), evidence=sorted(set(row["evidence"])))
            for b in ids
            if (row := by_pair.get((a, b))) is not None
        }
        for a in ids
    }
    return models.DependencyMatrix(actors=[found[i] for i in ids], kind=kind, rows=cells)


def matrix_table(matrix: models.DependencyMatrix) -> tuple[list[dict[str, Any]], list[str]]:
    """The matrix as a square table, 0 where there is no dependency; and its columns."""
    ids = [a.id for a in matrix.actors]
    table = [
        {MATRIX_CORNER: a, **{b: (matrix.rows[a][b].weight if b in matrix.rows[a] else 0) for b in ids}} for a in ids
    ]
    return table, [MATRIX_CORNER, *ids]


@tabulates(models.Dependencies)
def steps_csv_table(answer: models.Dependencies) -> Table:
    """One row per step; with `expand=evidence`, one row per step x claim (evidence_rows)."""
    name = f"dependencies-{answer.actor.id}"
    steps = [step for chain in answer.chains for step in chain.steps]
    if not any(step.claims is not None for step in steps):
        return Table(STEP_COLUMNS, steps_table(answer), name)
    rows = expanded(zip(steps_table(answer), (step.claims for step in steps), strict=True))
    return Table([*STEP_COLUMNS, *EVIDENCE_COLUMNS], rows, name)


@tabulates(models.DependencyMatrix)
def matrix_csv_table(matrix: models.DependencyMatrix) -> Table:
    rows, columns = matrix_table(matrix)
    return Table(columns, rows, "dependency-matrix")
