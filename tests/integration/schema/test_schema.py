"""The schema file is applied, idempotently, and every constraint the design names exists."""

from __future__ import annotations

from neo4j import Driver

from schema import registry
from schema.graph_schema import apply_schema, expected_schema_names
from schema.settings import Settings

DESIGN_LABELS = {
    "Mission",
    "Organisation",
    "Unit",
    "Post",
    "Territory",
    "Resolution",
    "Mandate",
    "Task",
    "Interview",
    "Claim",
    "Code",
    "Source",
}


def _constraints(driver: Driver, database: str) -> dict[str, tuple[str, list[str], list[str]]]:
    records, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties",
        database_=database,
    )
    return {r["name"]: (r["type"], r["labelsOrTypes"], r["properties"]) for r in records}


def test_every_design_label_has_a_unique_id_constraint(seeded: Driver, settings: Settings) -> None:
    """The design's labels (an oracle written apart) and every label of the registry."""
    constraints = _constraints(seeded, settings.neo4j_database)
    unique_id_labels = {
        labels[0] for kind, labels, props in constraints.values() if kind == "UNIQUENESS" and props == ["id"]
    }
    expected = DESIGN_LABELS | set(registry.id_labels())
    assert unique_id_labels >= expected, f"missing: {expected - unique_id_labels}"


def test_apply_is_idempotent_and_everything_is_online(seeded: Driver, settings: Settings) -> None:
    before = _constraints(seeded, settings.neo4j_database)
    apply_schema(seeded, settings.neo4j_database)
    assert _constraints(seeded, settings.neo4j_database) == before
    records, _, _ = seeded.execute_query(
        "SHOW INDEXES YIELD name, state RETURN name, state", database_=settings.neo4j_database
    )
    states = {r["name"]: r["state"] for r in records}
    assert expected_schema_names() <= set(states)
    assert {states[name] for name in expected_schema_names()} == {"ONLINE"}


def test_duplicate_id_is_refused_by_the_database(seeded: Driver, settings: Settings) -> None:
    import pytest
    from neo4j.exceptions import ConstraintError

    with seeded.session(database=settings.neo4j_database) as session:
        session.run("CREATE (:Territory {id: 'zz-test-dup'})").consume()
        try:
            with pytest.raises(ConstraintError):
                session.run("CREATE (:Territory {id: 'zz-test-dup'})").consume()
        finally:
            session.run("MATCH (n:Territory {id: 'zz-test-dup'}) DELETE n").consume()


def test_a_search_index_of_an_older_definition_is_made_again(seeded: Driver, settings: Settings) -> None:
    """A graph made before the registry's search fields grew gets the full index on the next apply."""
    database = settings.neo4j_database
    seeded.execute_query("DROP INDEX search_text IF EXISTS", database_=database)
    seeded.execute_query(
        "CREATE FULLTEXT INDEX search_text FOR (n:Mission|Claim) ON EACH [n.name, n.text]", database_=database
    )
    apply_schema(seeded, database)
    records, _, _ = seeded.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, state WHERE name = 'search_text' "
        "RETURN labelsOrTypes, properties, state",
        database_=database,
    )
    (index,) = records
    assert set(index["labelsOrTypes"]) == set(registry.search_labels())
    assert set(index["properties"]) == set(registry.search_properties())
    assert index["state"] == "ONLINE"
    # a source's author: a field the older index did not cover
    authors, _, _ = seeded.execute_query(
        "MATCH (s:Source) WHERE s.author IS NOT NULL RETURN s.id AS id, s.author AS author ORDER BY s.id LIMIT 1",
        database_=database,
    )
    word = max(authors[0]["author"].replace(",", " ").split(), key=len)
    found, _, _ = seeded.execute_query(
        "CALL db.index.fulltext.queryNodes('search_text', $q) YIELD node RETURN collect(node.id) AS ids",
        {"q": word},
        database_=database,
    )
    assert authors[0]["id"] in found[0]["ids"]
