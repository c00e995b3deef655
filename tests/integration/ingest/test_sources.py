"""Sources loaded and versioned on their own: reloading one never touches another's elements.

The second source (tests/fixtures/second_source.py) is a CSV of two resolutions whose mandates
point at a mission of the curated data (tests/fixtures/mini).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import Driver

from ingest.pipeline import SourcesInvalid, ingest
from ingest.plan import PlanConflict
from ingest.sources.curated import CuratedYaml
from queries import statement
from schema.datasets import CURATED
from schema.settings import Settings
from tests.conftest import EVERY_LABEL, MINI, LiveServer, load_curated
from tests.fixtures.second_source import FILE, SECOND, SecondCsv
from tests.integration.ingest.test_loader import dump

Elements = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def elements_of(driver: Driver, settings: Settings, source: str) -> Elements:
    """The nodes and relationships `source` wrote, with their element ids: untouched means the same ids too."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n {load: $source}) RETURN elementId(n) AS eid, properties(n) AS props",
        source=source,
        database_=settings.neo4j_database,
    )
    rels, _, _ = driver.execute_query(
        "MATCH ()-[r {load: $source}]->() RETURN elementId(r) AS eid, properties(r) AS props",
        source=source,
        database_=settings.neo4j_database,
    )

    def frozen(props: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in props.items()))

    return sorted((r["eid"], frozen(r["props"])) for r in nodes), sorted((r["eid"], frozen(r["props"])) for r in rels)


def dataset_nodes(driver: Driver, settings: Settings) -> dict[str, dict[str, Any]]:
    records, _, _ = driver.execute_query("MATCH (d:Dataset) RETURN d {.*} AS d", database_=settings.neo4j_database)
    return {record["d"]["id"]: dict(record["d"]) for record in records}


def edited_copy(source: Path, target: Path, file: str, old: str, new: str) -> Path:
    shutil.copytree(source, target)
    path = target / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return target


def test_the_second_source_survives_reloading_the_curated_one(
    graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    load_curated(graph, settings, MINI)
    # The second source alone: its mandates' mission resolves against what the curated load wrote.
    (second,) = ingest(graph, settings.neo4j_database, [SecondCsv()])
    assert second.dataset == "test-second"
    assert second.tally["Mandate"] == {"created": 2}
    assert second.tally["MANDATE_OF"] == {"created": 2}
    # The Security Council is the curated data's organisation; the resolutions of this source are its acts.
    assert second.tally["ADOPTED"] == {"created": 2}
    theirs = elements_of(graph, settings, "test-second")
    assert len(theirs[0]) == 5  # the Source, two resolutions, two mandates
    datasets = dataset_nodes(graph, settings)
    assert set(datasets) == {CURATED, "test-second"}

    # The curated data changed and reloaded on its own: the second source's elements stay as they were.
    changed = edited_copy(MINI, tmp_path / "mini", "missions.yaml", "acronym: MONUSCO", "acronym: MONUSCO-X")
    summary = load_curated(graph, settings, changed)
    assert summary.tally["Mission"] == {"updated": 1, "unchanged": 1}
    assert summary.changed("deleted") == 0
    assert elements_of(graph, settings, "test-second") == theirs
    assert dataset_nodes(graph, settings)["test-second"] == datasets["test-second"]
    assert dataset_nodes(graph, settings)[CURATED]["version"] != datasets[CURATED]["version"]
    records, _, _ = graph.execute_query(
        "MATCH (:Mandate)-[r:MANDATE_OF]->(:Mission {id: 'monusco', acronym: 'MONUSCO-X'}) RETURN count(r) AS n",
        database_=settings.neo4j_database,
    )
    assert records[0]["n"] == 2


def test_the_curated_data_survives_reloading_the_second_source(
    graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    load_curated(graph, settings, MINI)
    ingest(graph, settings.neo4j_database, [SecondCsv()])
    ours = elements_of(graph, settings, CURATED)
    curated = dataset_nodes(graph, settings)[CURATED]

    # One row less, one changed: the second source deletes and updates only its own elements.
    folder = tmp_path / "second"
    folder.mkdir()
    lines = (SECOND / FILE).read_text().splitlines()
    (folder / FILE).write_text("\n".join([lines[0], lines[1].replace("Renamed", "Renames")]) + "\n")
    (again,) = ingest(graph, settings.neo4j_database, [SecondCsv(folder)])
    assert again.tally["Resolution"] == {"updated": 1, "deleted": 1}
    assert again.tally["Mandate"] == {"unchanged": 1, "deleted": 1}
    assert elements_of(graph, settings, CURATED) == ours
    assert dataset_nodes(graph, settings)[CURATED] == curated

    # Both together, unchanged: nothing written.
    summaries = ingest(
        graph, settings.neo4j_database, [CuratedYaml(MINI), SecondCsv(folder)], deletable=EVERY_LABEL
    )
    assert [s.dataset for s in summaries] == [CURATED, "test-second"]
    assert all(s.changed(what) == 0 for s in summaries for what in ("created", "updated", "deleted"))


def test_ready_lists_each_source_with_its_version(graph: Driver, settings: Settings) -> None:
    load_curated(graph, settings, MINI)
    ingest(graph, settings.neo4j_database, [SecondCsv()])
    with LiveServer(settings) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        body = client.get("/ready").json()
    versions = {d["id"]: (d["version"], d["pending"]) for d in body["datasets"]}
    assert versions == {CURATED: (CuratedYaml(MINI).version(), None), "test-second": (SecondCsv().version(), None)}
    assert body["dataset"]["id"] == CURATED
    assert body["dataset"]["counts"]["missions"] == 2
    # The graph's one version (the RDF store and dumps follow it) names every source's.
    records, _, _ = graph.execute_query(statement("system/dataset").text, database_=settings.neo4j_database)
    assert (
        records[0]["dataset"]["version"]
        == f"{CURATED}={CuratedYaml(MINI).version()} test-second={SecondCsv().version()}"
    )


def test_a_reference_into_no_source_is_a_problem_with_file_and_record(
    graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    load_curated(graph, settings, MINI)
    before = dump(graph, settings.neo4j_database)
    folder = edited_copy(SECOND, tmp_path / "second", FILE, "2011-06-28,monusco", "2011-06-28,zz-none")
    with pytest.raises(SourcesInvalid) as caught:
        ingest(graph, settings.neo4j_database, [SecondCsv(folder)])
    where = {(p.file, p.record, p.field) for p in caught.value.problems}
    assert where == {(FILE, "s-res-1991-2011", "missions"), (FILE, "zz-none-1991", "mission")}
    assert dump(graph, settings.neo4j_database) == before




def test_a_node_another_source_loaded_is_not_taken_over(graph: Driver, settings: Settings, tmp_path: Path) -> None:
    load_curated(graph, settings, MINI)
    ingest(graph, settings.neo4j_database, [SecondCsv()])
    before = dump(graph, settings.neo4j_database)
    # The curated data now gives one of the second source's mandates itself.
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    (folder / "resolutions.yaml").write_text(
        "- {id: s-res-1925-2010, number: 1925, source: thesis, locator: {section: '4.3', line: 1}}\n"
    )
    with pytest.raises(PlanConflict, match="already loaded by source 'test-second'"):
        load_curated(graph, settings, folder)
    assert dump(graph, settings.neo4j_database) == before


