"""The parts of the ontology and the shapes that follow from the domain registry, as Turtle.

`schema/ontology.ttl` and `schema/shapes.ttl` hold what is written by hand (the ontology header,
the properties' labels and comments, the shapes of particular classes); this module writes what
each node kind and evidenced relation implies, so a new kind needs no edit there:

- ontology: per kind `pk:<Class> a owl:Class` with its label, comment and superclasses (its
  standard classes and any others); per evidenced relation its class (a pk:ActorRelation) and its
  direct property; every `pk:` predicate the mapping writes typed as an object or datatype property;
- shapes: `pk:IdentifiedShape` (a label and exactly one slug identifier) for every kind and the
  other resources the export writes, and `pk:SourcedShape` (one primary source, one locator) for
  every kind whose records are sourced;
- per qualified relationship (registry.Qualified): its class, and a shape of its ends, properties
  and locator.

The text is appended to the hand-written file's text, whose `@prefix` lines it relies on
(`pk:`, `owl:`, `rdfs:`, `sh:`, `xsd:`, `prov:`, `dct:`).
"""

from __future__ import annotations

from schema import registry

PROV_ENTITY = "http://www.w3.org/ns/prov#Entity"
# Resources the export writes that are not node kinds, but are identified and labelled all the same.
OTHER_IDENTIFIED = ("ActorRelation", "ConceptScheme")


_GENERATED = "\n# ---------------------------- generated from schema/registry.py (service/rdf/declarations.py)\n"


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def _term(name: str) -> str:
    """`pk:x` as is, a full IRI in angle brackets."""
    return name if name.startswith("pk:") else f"<{name}>"


def _class(local: str, title: str, comment: str | None, superclasses: tuple[str, ...]) -> str:
    lines = [f"pk:{local} a owl:Class", f"rdfs:label {_literal(title)}"]
    if comment:
        lines.append(f"rdfs:comment {_literal(comment)}")
    if superclasses:
        lines.append("rdfs:subClassOf " + ", ".join(map(_term, superclasses)))
    return " ;\n    ".join(lines) + " .\n"


def _actor_class() -> str:
    """The standard class every actor kind shares (org:Organization): the evidenced relations' domain and range."""
    actors = [registry.KIND_BY_NAME[name] for name in registry.actor_kinds()]
    shared = set.intersection(*(set(kind.standard_classes) for kind in actors))
    (only,) = shared
    return only


def _predicates() -> dict[str, str]:
    """Every `pk:` predicate of the node property tables and relation types -> its OWL property type."""
    out: dict[str, str] = {}
    for kind in registry.NODE_KINDS:
        for prop in kind.properties.values():
            if prop.predicate.startswith("pk:"):
                out[prop.predicate] = "owl:ObjectProperty" if prop.datatype == "iri" else "owl:DatatypeProperty"
    for relation in registry.RELATION_TYPES:
        for predicate in (relation.predicate, *(p for _, _, p in relation.by_ends), *relation.by_field.values()):
            if predicate is not None and predicate.startswith("pk:"):
                out[predicate] = "owl:ObjectProperty"
    for qualified in _qualified():
        for prop in qualified.properties.values():
            if prop.predicate.startswith("pk:"):
                out.setdefault(prop.predicate, "owl:DatatypeProperty")
    if _qualified():
        out |= {"pk:relationSubject": "owl:ObjectProperty", "pk:relationObject": "owl:ObjectProperty"}
    return out


def _qualified() -> list[registry.Qualified]:
    """One per resource class (the four SKOS match types share pk:TaskMapping)."""
    return list({r.qualified.rdf_class: r.qualified for r in registry.RELATION_TYPES if r.qualified}.values())


# A datatype name of schema.registry -> the XSD datatype its literals have (service.rdf.terms).
XSD_OF = {
    "str": "xsd:string",
    "int": "xsd:integer",
    "decimal": "xsd:decimal",
    "bool": "xsd:boolean",
    "year": "xsd:gYear",
}


def _qualified_shape(qualified: registry.Qualified, actor: str) -> str:
    """A qualified relationship's resource: its two ends, each property once with its datatype, its locator."""
    lines = [
        f"pk:{qualified.rdf_class}Shape a sh:NodeShape",
        f"rdfs:comment {_literal(qualified.comment)}",
        f"sh:targetClass pk:{qualified.rdf_class}",
    ]
    classes = {kind.label: f"pk:{kind.rdf_class}" for kind in registry.NODE_KINDS}
    ends = [classes[label] for label in qualified.ends] if qualified.ends else [actor, actor]
    for end, end_class in zip(("pk:relationSubject", "pk:relationObject"), ends, strict=True):
        lines.append(f"sh:property [ sh:path {end} ; sh:minCount 1 ; sh:maxCount 1 ; sh:class {end_class} ]")
    for name, prop in qualified.properties.items():
        required = " sh:minCount 1 ;" if name in qualified.required else ""
        lines.append(
            f"sh:property [ sh:path {_term(prop.predicate)} ;{required} sh:maxCount 1 ; "
            f"sh:datatype {XSD_OF[prop.datatype]} ]"
        )
    lines += [
        "sh:property [ sh:path prov:hadPrimarySource ; sh:minCount 1 ; sh:maxCount 1 ; sh:class pk:Source ]",
        "sh:property [ sh:path prov:qualifiedPrimarySource ; sh:minCount 1 ; sh:maxCount 1 ; sh:node pk:LocatorShape ]",
    ]
    return " ;\n    ".join(lines) + " .\n"


def ontology_declarations() -> str:
    parts = [_GENERATED]
    for kind in registry.NODE_KINDS:
        parts.append(_class(kind.rdf_class, kind.title, kind.comment, (*kind.standard_classes, *kind.superclasses)))
    actor = _term(_actor_class())
    for relation in registry.EVIDENCED_RELATIONS:
        parts.append(_class(relation.rdf_class, relation.title, relation.comment, ("pk:ActorRelation",)))
        lines = [f"pk:{relation.rdf_property} a owl:ObjectProperty", f"rdfs:label {_literal(relation.property_title)}"]
        if relation.property_comment:
            lines.append(f"rdfs:comment {_literal(relation.property_comment)}")
        lines += [f"rdfs:domain {actor}", f"rdfs:range {actor}"]
        parts.append(" ;\n    ".join(lines) + " .\n")
    for qualified in _qualified():
        parts.append(_class(qualified.rdf_class, qualified.title, qualified.comment, (PROV_ENTITY,)))
    parts += [f"{predicate} a {owl_type} .\n" for predicate, owl_type in _predicates().items()]
    return "\n".join(parts)


def shapes_declarations() -> str:
    identified = [
        *(kind.rdf_class for kind in registry.NODE_KINDS),
        *OTHER_IDENTIFIED,
        *(q.rdf_class for q in _qualified()),
    ]
    actor = _term(_actor_class())
    qualified = "\n".join(_qualified_shape(q, actor) for q in _qualified())
    sourced = [kind.rdf_class for kind in registry.NODE_KINDS if kind.sourced]
    pattern = registry.RELATION_ID_PATTERN.replace("\\", "\\\\")
    return f"""{_GENERATED}
pk:IdentifiedShape a sh:NodeShape ;
    rdfs:comment "Every exported resource: a label and exactly one identifier (the id in its IRI)."@en ;
    sh:targetClass {", ".join(f"pk:{name}" for name in identified)} ;
    sh:nodeKind sh:IRI ;
    sh:property [
        sh:path rdfs:label ; sh:minCount 1 ; sh:datatype xsd:string ; sh:minLength 1 ;
        sh:message "every resource has an rdfs:label" ] ;
    sh:property [
        sh:path dct:identifier ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ;
        sh:pattern "{pattern}" ;
        sh:message "every resource has exactly one dct:identifier, a slug" ] .

pk:SourcedShape a sh:NodeShape ;
    rdfs:comment "Every record that states a fact: its primary source and where in it."@en ;
    sh:targetClass {", ".join(f"pk:{name}" for name in sourced)} ;
    sh:property [
        sh:path prov:hadPrimarySource ; sh:minCount 1 ; sh:maxCount 1 ; sh:class pk:Source ;
        sh:message "a record names exactly one primary source, a pk:Source" ] ;
    sh:property [
        sh:path prov:qualifiedPrimarySource ; sh:minCount 1 ; sh:maxCount 1 ; sh:node pk:LocatorShape ;
        sh:message "a record has exactly one locator (prov:qualifiedPrimarySource)" ] .

{qualified}"""
