"""Every per-layer table covers exactly the domain registry's kinds and relations (no Neo4j).

The tables are computed from schema.registry; these checks catch a layer that keeps a kind or a
relation of its own, or a registry entry that a layer cannot serve (no record model, no
converter, no predicate, no constraint, no class declaration).
"""

from __future__ import annotations

import re
from typing import get_args

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from ingest import records
from ingest.dataset import KINDS, REFERENCES
from ingest.graph_rows import EDGE_FIELDS, NESTED, NODE_LABELS
from ingest.plan import PRIMARY_LABELS
from queries import statement
from schema import registry
from schema.graph_schema import expected_schema_names, schema_statements
from service.rdf import iris, mapping
from service.rdf.vocab import namespace, ontology_turtle, shapes_turtle
from service.read_models.centrality import RELATIONS

BASE = "http://pkgraph.test/"
KIND_NAMES = [kind.kind for kind in registry.NODE_KINDS]
LABELS = [kind.label for kind in registry.NODE_KINDS]
FIELD_KEYS = {(r.kind, r.field) for r in registry.FIELD_RELATIONS}
EVIDENCED_TYPES = [r.type for r in registry.EVIDENCED_RELATIONS]
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def test_the_registry_names_each_kind_label_segment_and_class_once() -> None:
    for values in (KIND_NAMES, LABELS, [k.iri_segment for k in registry.NODE_KINDS]):
        assert len(values) == len(set(values))
    assert len(FIELD_KEYS) == len(registry.FIELD_RELATIONS)
    assert len({r.type for r in registry.RELATION_TYPES}) == len(registry.RELATION_TYPES)
    assert {kind.iri_key for kind in registry.NODE_KINDS} == {"id", "number"}


def test_ingest_tables_cover_exactly_the_kinds() -> None:
    curated = [kind.kind for kind in registry.curated_kinds()]
    assert list(KINDS) == curated
    assert all(KINDS[kind.kind] is getattr(records, kind.label) for kind in registry.curated_kinds())
    assert list(NODE_LABELS) == KIND_NAMES
    assert set(NESTED) == {kind.kind for kind in registry.nested_kinds()}
    assert set(LABELS) == PRIMARY_LABELS


def test_reference_and_edge_tables_share_the_field_relations() -> None:
    assert set(REFERENCES) == set(EDGE_FIELDS) == FIELD_KEYS
    for relation in registry.FIELD_RELATIONS:
        assert relation.field in KINDS[relation.kind].model_fields, (relation.kind, relation.field)
        assert set(relation.targets) <= set(KINDS), relation
        assert relation.type in registry.RELATION_BY_TYPE, relation.type
        registry.target_label(relation.targets)  # one label names every target


def test_nested_kinds_are_fields_of_records_and_have_their_relation() -> None:
    for kind in registry.nested_kinds():
        assert kind.nested in registry.RELATION_BY_TYPE
        assert any(kind.kind in model.model_fields for model in KINDS.values()), kind.kind


def test_every_exported_property_is_a_record_field_with_a_converter() -> None:
    for kind in registry.NODE_KINDS:
        model = getattr(records, kind.label)
        for name, prop in {**registry.COMMON_PROPERTIES, **kind.properties}.items():
            assert prop.datatype in registry.DATATYPES
            assert prop.datatype in mapping.CONVERTERS
            if name in kind.properties:
                assert name in model.model_fields, (kind.label, name)


def test_rdf_tables_cover_exactly_the_kinds_and_relations() -> None:
    assert list(iris.TYPES) == LABELS
    assert set(mapping.CLASSES) == set(mapping.PROPERTIES) == set(LABELS)
    assert set(iris.SCHEMES.values()) == set(mapping.SCHEME_LABELS) == {k.label for k in registry.schemes()}
    assert list(iris.EVIDENCED) == list(mapping.RELATION_CLASSES) == list(mapping.RELATION_PROPERTIES)
    assert list(iris.EVIDENCED) == EVIDENCED_TYPES == RELATIONS
    assert list(get_args(records.RelationType)) == EVIDENCED_TYPES
    mapper = mapping.Mapper(BASE)
    mapped = {edge_type for edge_type, _, _, _ in mapping.EDGES} | set(mapping.INVERTED_EDGES)
    assert mapped | mapping.SKIPPED_EDGES == set(registry.RELATION_BY_TYPE)
    assert mapper.predicate("PART_OF", "Unit", "Mission", {}) == mapper.term(registry.ORG + "unitOf")
    assert mapper.predicate("PART_OF", "Unit", "Unit", {}) == mapper.term(registry.ORG + "subOrganizationOf")
    research = mapper.predicate("CODED_AS", "Claim", "Code", {"field": "research_question"})
    assert research == mapper.pk("researchQuestion")
    assert mapping.INVERTED_EDGES == {"ADOPTED": registry.SCHEMA_ORG + "legislationPassedBy"}


def test_the_id_pattern_is_the_registrys() -> None:
    slug = re.compile(registry.ID_PATTERN)
    assert iris._SLUG.pattern == registry.ID_PATTERN
    assert all(slug.match(s) for s in ("unmik", "s-res-1244-1999", "drc-14"))
    assert not any(slug.match(s) for s in ("UNMIK", "a--b", "-a", "a-", "a_b"))
    assert records.Claim.model_fields["id"].metadata[0].pattern == registry.ID_PATTERN


def test_describe_has_one_index_branch_per_kind() -> None:
    text = statement("rdf/describe").text
    branches = re.findall(r"MATCH \(n:(\w+) \{(\w+): \$(\w+)\}\) WHERE \$label = '(\w+)' RETURN n", text)
    assert [(b[0], b[1]) for b in branches] == [(k.label, k.iri_key) for k in registry.NODE_KINDS]
    assert all(b[1] == b[2] and b[0] == b[3] for b in branches)
    assert text.count("UNION") == len(registry.NODE_KINDS) - 1
    assert "__" not in text
    assert statement("rdf/describe").parameters == ["id", "label", "number"]


def test_constraints_cover_every_label_and_the_search_index_the_searchable_kinds() -> None:
    names = expected_schema_names()
    assert {registry.constraint_name(label) for label in [*LABELS, "Actor"]} <= names
    assert {"mission_id", "organisation_id", "actor_id", "resolution_id", "figure_id", "statement_id"} <= names
    (search,) = [s for s in schema_statements() if s.startswith("CREATE FULLTEXT INDEX search_text")]
    labels = re.search(r"FOR \(n:([\w|]+)\)", search)
    assert labels is not None
    assert labels.group(1).split("|") == list(registry.search_labels())
    assert "n.quote" in search
    assert "n.name" in search
    assert not any("__" in s for s in schema_statements())


def test_ontology_and_shapes_declare_every_kind_and_evidenced_relation() -> None:
    pk = rdflib.Namespace(namespace(BASE))
    ontology = rdflib.Graph().parse(data=ontology_turtle(BASE), format="turtle")
    shapes = rdflib.Graph().parse(data=shapes_turtle(BASE), format="turtle")
    identified = set(shapes.objects(pk.IdentifiedShape, SH.targetClass))
    sourced = set(shapes.objects(pk.SourcedShape, SH.targetClass))
    for kind in registry.NODE_KINDS:
        cls = pk[kind.rdf_class]
        assert (cls, RDF.type, OWL.Class) in ontology
        assert {rdflib.URIRef(c) for c in kind.standard_classes} <= set(ontology.objects(cls, RDFS.subClassOf))
        assert cls in identified
        assert (cls in sourced) == kind.sourced
    for relation in registry.EVIDENCED_RELATIONS:
        assert (pk[relation.rdf_class], RDFS.subClassOf, pk.ActorRelation) in ontology
        assert (pk[relation.rdf_property], RDF.type, OWL.ObjectProperty) in ontology
    # Hand-written and generated parts each declare a class once: one label per class.
    for declared in ontology.subjects(RDF.type, OWL.Class):
        assert len(list(ontology.objects(declared, RDFS.label))) == 1, declared
