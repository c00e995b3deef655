"""Namespaces, and the project vocabulary files of `schema/` bound to a deployment's base IRI.

The project namespace is `{PKGRAPH_BASE_IRI}ontology#` (prefix `pk:`), so a deployment's own
terms dereference at its `GET /ontology`. The files in `schema/` are written with the namespace of
the default deployment, `FILE_NAMESPACE` (base `http://127.0.0.1:8000/`); they are read with that
string replaced by the deployment's namespace, which is the only difference between the two.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from schema import registry
from schema.paths import SCHEMA
from service.rdf.declarations import ontology_declarations, shapes_declarations
from service.rdf.terms import Iri

FILE_NAMESPACE = "http://127.0.0.1:8000/ontology#"
ONTOLOGY_FILE = SCHEMA / "ontology.ttl"
SHAPES_FILE = SCHEMA / "shapes.ttl"
CONTEXT_FILE = SCHEMA / "context.jsonld"

# The standard namespaces of schema.registry, for the RDF modules.
RDF = registry.RDF
RDFS = registry.RDFS
ORG = registry.ORG
PROV = registry.PROV
SKOS = registry.SKOS
DCT = registry.DCT
DC = registry.DC
SCHEMA_ORG = registry.SCHEMA_ORG
GEO = registry.GEO
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
VOID = "http://rdfs.org/ns/void#"

STANDARD_PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dct": DCT,
    "dc": DC,
    "schema": SCHEMA_ORG,
    "geo": GEO,
    "void": VOID,
}


def namespace(base: str) -> str:
    return f"{base}ontology#"


def prefixes(base: str) -> dict[str, str]:
    return {"pk": namespace(base), **STANDARD_PREFIXES}


def curie(iri: str, base: str) -> str:
    """`pk:Mission` for a known namespace, else the IRI itself."""
    for prefix, ns in prefixes(base).items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


class Terms:
    """The IRIs the mapping writes, for one base IRI (`pk:` terms are built from it)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.pk = namespace(base)

    def __call__(self, local: str) -> Iri:
        return Iri(self.pk + local)


@cache
def _read(path: str) -> str:
    return SCHEMA.joinpath(path).read_text(encoding="utf-8")


def bound_text(filename: str, base: str) -> str:
    """A `schema/` file's text with the file's namespace replaced by the deployment's."""
    return _read(filename).replace(FILE_NAMESPACE, namespace(base))


def ontology_turtle(base: str) -> str:
    """schema/ontology.ttl with the declarations the registry implies (service.rdf.declarations)."""
    return (_read(ONTOLOGY_FILE.name) + ontology_declarations()).replace(FILE_NAMESPACE, namespace(base))


def shapes_turtle(base: str) -> str:
    """schema/shapes.ttl with the shapes every node kind gets (service.rdf.declarations)."""
    return (_read(SHAPES_FILE.name) + shapes_declarations()).replace(FILE_NAMESPACE, namespace(base))


def context(base: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bound_text(CONTEXT_FILE.name, base))
    return data
