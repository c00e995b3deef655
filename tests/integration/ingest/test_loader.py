"""The ingest: idempotent, atomic, removes what the files no longer hold, `--check` never writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from neo4j.exceptions import ConstraintError

from db.local_server import free_port
from ingest.dataset import load_dataset
from ingest.graph_rows import build_rows
from schema.settings import Settings
from tests.conftest import DATA, MINI, load_curated

Dump = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def dump(driver: Driver, database: str) -> Dump:
    """Every node and relationship with labels, type and properties; the load time is left out."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", database_=database
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props", database_=database
    )

    def frozen(props: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in props.items() if k != "loaded_at"))

    return (
        sorted((tuple(sorted(r["labels"])), frozen(r["props"])) for r in nodes),
        sorted((r["a"], r["type"], r["b"], frozen(r["props"])) for r in rels),
    )


def _cli(settings: Settings, *args: str, uri: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PKGRAPH_"))}
    env |= {"NEO4J_URI": uri or settings.neo4j_uri, "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    return subprocess.run(
        [sys.executable, "-m", "db.cli", "ingest", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_loading_twice_gives_the_same_graph(graph: Driver, settings: Settings) -> None:
    load_curated(graph, settings, MINI)
    first = dump(graph, settings.neo4j_database)
    summary = load_curated(graph, settings, MINI)
    assert dump(graph, settings.neo4j_database) == first
    # The second run compares and writes nothing but the :Dataset node.
    assert [summary.changed(what) for what in ("created", "updated", "deleted")] == [0, 0, 0]
    assert summary.changed("unchanged") == sum(build_rows(load_dataset(MINI)).count())


def test_the_real_dataset_loads_idempotently(graph: Driver, settings: Settings) -> None:
    before = dump(graph, settings.neo4j_database)
    load_curated(graph, settings, DATA)
    assert dump(graph, settings.neo4j_database) == before


def test_records_removed_from_the_files_leave_the_graph(graph: Driver, settings: Settings, tmp_path: Path) -> None:
    load_curated(graph, settings, MINI)
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    missions = (folder / "missions.yaml").read_text()
    monuc_only = missions[: missions.index("- id: monusco")].replace("  successor: [monusco]\n", "")
    (folder / "missions.yaml").write_text(monuc_only)
    summary = load_curated(graph, settings, folder)
    records, _, _ = graph.execute_query(
        "OPTIONAL MATCH (m:Mission {id: 'monusco'}) "
        "OPTIONAL MATCH (:Mission {id: 'monuc'})-[s:SUCCEEDED_BY]->() RETURN m, count(s) AS successors",
        database_=settings.neo4j_database,
    )
    assert records[0]["m"] is None
    assert records[0]["successors"] == 0
    assert summary.tally["Mission"]["deleted"] == 1
    assert dump(graph, settings.neo4j_database)[0] == dump_after_fresh_load(graph, settings, folder)[0]


def dump_after_fresh_load(driver: Driver, settings: Settings, folder: Path) -> Dump:
    with driver.session(database=settings.neo4j_database) as session:
        session.run("MATCH (n) WHERE n.digest IS NOT NULL DETACH DELETE n").consume()
    load_curated(driver, settings, folder)
    return dump(driver, settings.neo4j_database)


def test_a_bad_record_at_the_end_of_the_last_file_changes_nothing(
    graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    last = folder / "claims.yaml"
    last.write_text(last.read_text() + "\n- id: c-bad\n  chapter: 9\n")
    before = dump(graph, settings.neo4j_database)
    done = _cli(settings, str(folder))
    assert done.returncode == 2
    assert "claims.yaml" in done.stderr
    assert "record 'c-bad' chapter" in done.stderr
    assert "nothing was written" in done.stderr
    assert dump(graph, settings.neo4j_database) == before


def test_a_failure_inside_the_write_rolls_everything_back(graph: Driver, settings: Settings, tmp_path: Path) -> None:
    """A conflicting node (an Actor that is not a Mission) makes a late write fail: the whole load rolls back."""
    load_curated(graph, settings, MINI)
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    missions = folder / "missions.yaml"
    missions.write_text(missions.read_text().replace("id: monusco", "id: zz-new").replace("[monusco]", "[zz-new]"))
    graph.execute_query("CREATE (:Blocker:Actor {id: 'zz-new'})", database_=settings.neo4j_database)
    before = dump(graph, settings.neo4j_database)
    with pytest.raises(ConstraintError):
        load_curated(graph, settings, folder)
    assert dump(graph, settings.neo4j_database) == before


def test_check_validates_without_a_database(settings: Settings) -> None:
    # A port nothing listens on: --check must not even try to connect.
    done = _cli(settings, "--check", str(DATA), uri=f"neo4j://127.0.0.1:{free_port()}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("valid:")


def test_check_never_writes(graph: Driver, settings: Settings) -> None:
    before = dump(graph, settings.neo4j_database)
    assert _cli(settings, "--check", str(MINI)).returncode == 0
    assert dump(graph, settings.neo4j_database) == before


def test_dataset_node_records_version_and_counts(seeded: Driver, settings: Settings) -> None:
    records, _, _ = seeded.execute_query(
        "MATCH (d:Dataset {id: 'curated'}) RETURN d.version AS version, d.counts AS counts",
        database_=settings.neo4j_database,
    )
    assert len(records[0]["version"]) == 16
    assert '"missions"' in records[0]["counts"]


def test_a_changed_record_is_updated_in_place(graph: Driver, settings: Settings, tmp_path: Path) -> None:
    load_curated(graph, settings, MINI)
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    missions = folder / "missions.yaml"
    text = missions.read_text()
    assert "acronym: MONUSCO" in text
    missions.write_text(text.replace("acronym: MONUSCO", "acronym: MONUSCO-X"))
    summary = load_curated(graph, settings, folder)
    assert summary.tally["Mission"] == {"updated": 1, "unchanged": 1}
    assert summary.changed("created") == summary.changed("deleted") == 0
    assert dump(graph, settings.neo4j_database) == dump_after_fresh_load(graph, settings, folder)


def test_a_staged_load_gives_the_graph_of_one_transaction(graph: Driver, settings: Settings) -> None:
    load_curated(graph, settings, MINI)
    expected = dump_after_fresh_load(graph, settings, DATA)
    with graph.session(database=settings.neo4j_database) as session:
        session.run("MATCH (n) WHERE n.digest IS NOT NULL DETACH DELETE n").consume()
    summary = load_curated(graph, settings, DATA, tx_elements=500)
    assert summary.transactions > 2
    assert dump(graph, settings.neo4j_database) == expected
    assert dataset_node(graph, settings)["pending"] is None


def test_a_staged_load_that_fails_is_undone(graph: Driver, settings: Settings) -> None:
    """The conflict (the last claim's id taken) comes after several committed transactions:
    what they created is deleted again."""
    load_curated(graph, settings, MINI)
    graph.execute_query("CREATE (:Blocker:Claim {id: 'l-4-3-1-13'})", database_=settings.neo4j_database)
    before = dump(graph, settings.neo4j_database)
    with pytest.raises(ConstraintError):
        load_curated(graph, settings, DATA, tx_elements=200)
    assert dump(graph, settings.neo4j_database) == before
    assert dataset_node(graph, settings)["pending"] is None


def test_a_graph_loaded_before_digests_is_rewritten_once(graph: Driver, settings: Settings) -> None:
    """Elements stamped `load` by the earlier loader are compared like any others, not duplicated."""
    expected = dump_after_fresh_load(graph, settings, MINI)
    graph.execute_query(
        "MATCH (n) WHERE n.digest IS NOT NULL SET n.load = 'v0' REMOVE n.digest "
        "WITH n MATCH (n)-[r]->() SET r.load = 'v0' REMOVE r.digest",
        database_=settings.neo4j_database,
    )
    summary = load_curated(graph, settings, MINI)
    assert summary.changed("created") == 0
    assert summary.changed("updated") > 0
    assert dump(graph, settings.neo4j_database) == expected


def dataset_node(driver: Driver, settings: Settings) -> dict[str, Any]:
    records, _, _ = driver.execute_query(
        "MATCH (d:Dataset {id: 'curated'}) RETURN d {.*} AS d", database_=settings.neo4j_database
    )
    return dict(records[0]["d"]) | {"pending": records[0]["d"].get("pending")}


def test_a_load_that_removes_more_than_a_transaction_holds_is_staged(graph: Driver, settings: Settings) -> None:
    """Few rows but many deletions: planned in one transaction, found too large, loaded staged."""
    mini_rows = sum(build_rows(load_dataset(MINI)).count())
    summary = load_curated(graph, settings, MINI, tx_elements=mini_rows)
    assert summary.staged
    assert summary.changed("deleted") > mini_rows
    assert dump(graph, settings.neo4j_database) == dump_after_fresh_load(graph, settings, MINI)


def test_a_graph_loaded_before_sources_is_adopted_by_the_curated_load(graph: Driver, settings: Settings) -> None:
    """Elements without a source stamp, and the one `:Dataset {id: 'current'}` of those loads, become
    the curated source's: rewritten once, never duplicated."""
    expected = dump_after_fresh_load(graph, settings, MINI)
    graph.execute_query(
        "MATCH (n) WHERE n.digest IS NOT NULL REMOVE n.load "
        "WITH n MATCH (n)-[r]->() WHERE r.digest IS NOT NULL REMOVE r.load",
        database_=settings.neo4j_database,
    )
    graph.execute_query("MATCH (d:Dataset {id: 'curated'}) SET d.id = 'current'", database_=settings.neo4j_database)
    summary = load_curated(graph, settings, MINI)
    assert summary.changed("created") == summary.changed("deleted") == 0
    assert summary.changed("unchanged") == 0
    assert summary.changed("updated") == sum(build_rows(load_dataset(MINI)).count())
    assert dump(graph, settings.neo4j_database) == expected


def test_a_missing_kind_file_the_graph_holds_none_of_is_refused_at_validation(
    graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    """No claims.yaml and no claim in the graph: nothing would refuse to empty the kind, so the
    findings' RESTS_ON links would be written without an end; validation refuses them instead."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "claims.yaml").unlink()
    graph.execute_query("MATCH (c:Claim) DETACH DELETE c", database_=settings.neo4j_database)
    before = dump(graph, settings.neo4j_database)
    done = _cli(settings, str(folder), "--source", "curated", "--quiet")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "findings.yaml: rests_on: " in done.stderr
    assert "references to claims, but claims.yaml is missing and the graph holds none" in done.stderr
    assert dump(graph, settings.neo4j_database) == before


def test_the_command_loads_the_sources_named(graph: Driver, settings: Settings) -> None:
    load_curated(graph, settings, MINI)
    done = _cli(settings, "--source", "curated", "--quiet", str(MINI))
    assert done.returncode == 0, done.stderr
    assert "dataset curated" in done.stdout
    unknown = _cli(settings, "--source", "nowhere", str(MINI))
    assert unknown.returncode == 2
    assert "unknown source nowhere (sources: curated)" in unknown.stderr


def test_a_missing_kind_file_is_refused_unless_deletion_is_asked(
    seeded: Driver, settings: Settings, tmp_path: Path
) -> None:
    """`rm data/claims.yaml; pkgraph ingest` used to delete every claim with exit 0 (issue 16, 4)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / "claims.yaml").unlink()
    (folder / "posts.yaml").write_text("")
    claims_before = seeded.execute_query("MATCH (c:Claim) RETURN count(c) AS n").records[0]["n"]
    done = _cli(settings, str(folder), "--source", "curated", "--quiet")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "gives no Claim, Post record" in done.stderr
    assert "--delete-kind Claim --delete-kind Post" in done.stderr
    assert "nothing of that source was written" in done.stderr
    assert seeded.execute_query("MATCH (c:Claim) RETURN count(c) AS n").records[0]["n"] == claims_before
