"""The VoID description of the dataset (`GET /.well-known/void`): size, vocabularies, dumps,
the SPARQL endpoint, example resources and a class partition with entity counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from service.rdf import terms as t
from service.rdf.export import FORMATS
from service.rdf.iris import TYPES
from service.rdf.mapping import CLASSES, IDENTIFIER, LABEL, Mapper
from service.rdf.terms import Iri, Quad
from service.rdf.vocab import DC, DCT, GEO, ORG, OWL, PROV, RDF, SCHEMA_ORG, SKOS, VOID

A = Iri(RDF + "type")


def void_quads(
    mapper: Mapper,
    label_counts: dict[str, int],
    relations: int,
    triples: int,
    dataset: dict[str, Any] | None,
    examples: list[Iri],
    sources: Sequence[dict[str, Any]] = (),
) -> list[Quad]:
    base = mapper.base
    doc = Iri(f"{base}.well-known/void")
    ds = Iri(f"{doc}#dataset")
    quads: list[Quad] = [
        (doc, A, Iri(VOID + "DatasetDescription"), None),
        (doc, Iri(DCT + "title"), t.plain("VoID description of the pkgraph dataset"), None),
        (doc, Iri("http://xmlns.com/foaf/0.1/primaryTopic"), ds, None),
        (ds, A, Iri(VOID + "Dataset"), None),
        (ds, LABEL, t.plain("pkgraph: UN peacekeeping actors and relations"), None),
        (ds, Iri(DCT + "title"), t.plain("pkgraph: UN peacekeeping actors and relations"), None),
        (
            ds,
            Iri(DCT + "description"),
            t.plain(
                "Missions, organisations, units, posts, Security Council resolutions, mandates, mandate "
                "tasks, the thesis's interviews and coded claims, and the actor relations the claims "
                "evidence, every fact with its source and locator."
            ),
            None,
        ),
        (ds, Iri(DCT + "source"), mapper.iris.node("Source", "thesis"), None),
        (ds, Iri(VOID + "uriSpace"), t.plain(base), None),
        (ds, Iri(VOID + "triples"), t.integer(triples), None),
        (ds, Iri(VOID + "entities"), t.integer(sum(label_counts.get(label, 0) for label in TYPES) + relations), None),
        (ds, Iri(VOID + "sparqlEndpoint"), Iri(f"{base}sparql"), None),
        (ds, Iri(VOID + "rootResource"), mapper.iris.scheme("task"), None),
        (ds, Iri(VOID + "rootResource"), mapper.iris.scheme("code"), None),
    ]
    for vocabulary in (mapper.pk.pk, ORG, PROV, SKOS, DCT, DC, SCHEMA_ORG, GEO, OWL):
        quads.append((ds, Iri(VOID + "vocabulary"), Iri(vocabulary), None))
    for key in FORMATS:
        quads.append((ds, Iri(VOID + "dataDump"), Iri(f"{base}rdf?format={key}"), None))
    for example in examples:
        quads.append((ds, Iri(VOID + "exampleResource"), example, None))
    if dataset:
        if dataset.get("version"):
            quads.append((ds, Iri(OWL + "versionInfo"), t.plain(str(dataset["version"])), None))
        if dataset.get("loaded_at"):
            quads.append((ds, Iri(DCT + "modified"), t.Lit(str(dataset["loaded_at"]), t.XSD + "dateTime"), None))
    for label, segment in TYPES.items():
        partition = Iri(f"{doc}#class-{segment}")
        quads += [
            (ds, Iri(VOID + "classPartition"), partition, None),
            (partition, Iri(VOID + "class"), mapper.pk(CLASSES[label][0]), None),
            (partition, Iri(VOID + "entities"), t.integer(label_counts.get(label, 0)), None),
            (partition, IDENTIFIER, t.plain(segment), None),
        ]
    for loaded in sources:
        # One subset per loaded source, with its licence status as its SOURCE.txt states it.
        subset = Iri(f"{doc}#source-{loaded['id']}")
        quads += [
            (ds, Iri(VOID + "subset"), subset, None),
            (subset, A, Iri(VOID + "Dataset"), None),
            (subset, IDENTIFIER, t.plain(str(loaded["id"])), None),
        ]
        if loaded.get("version"):
            quads.append((subset, Iri(OWL + "versionInfo"), t.plain(str(loaded["version"])), None))
        record = loaded.get("source")
        if record:
            quads.append((subset, Iri(DCT + "source"), mapper.iris.node("Source", str(record["id"])), None))
            if record.get("title"):
                quads.append((subset, Iri(DCT + "title"), t.plain(str(record["title"])), None))
            if record.get("licence"):
                quads.append((subset, Iri(DC + "rights"), t.plain(str(record["licence"])), None))
    partition = Iri(f"{doc}#class-relation")
    quads += [
        (ds, Iri(VOID + "classPartition"), partition, None),
        (partition, Iri(VOID + "class"), mapper.pk("ActorRelation"), None),
        (partition, Iri(VOID + "entities"), t.integer(relations), None),
    ]
    return quads
