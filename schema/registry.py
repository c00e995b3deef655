"""The domain registry: every node kind, relation type and evidenced relation, stated once.

Each layer derives its own tables from here: the ingest (which file, which model, which field
becomes which relationship), the graph schema (one id constraint per label, the full-text index),
the Cypher templates (one describe branch per label) and the RDF layer (IRI segment, classes,
property table, predicates, the generated class declarations and base shapes). Adding a kind is
one `NodeKind` here, its record model in `ingest/records.py` (named after the label) and its data
file.

Pure data and small lookups: this module imports nothing from ingest/, service/ or db/.
Predicates are `pk:x` (a project term) or a full IRI; a property's datatype is a name (`str`,
`int`, `date`, `iri`, `en`, `decimal`, `bool`, `year`, `scalar`) that the RDF layer maps to its
converter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, TypeAlias, get_args

# ------------------------------------------------------------------------------------ ids

# A slug: lowercase letters and digits in dash-separated words. Record ids, IRI ids, actor ids.
SLUG = "[a-z0-9]+(-[a-z0-9]+)*"
ID_PATTERN = f"^{SLUG}$"
ID_MAX_LENGTH = 80
# An evidenced relation's id joins slugs with `--` (slugs never contain `--`).
RELATION_ID_PATTERN = f"^{SLUG}(--{SLUG})*$"

# ------------------------------------------------------------------------------ namespaces

ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
DC = "http://purl.org/dc/elements/1.1/"
SCHEMA_ORG = "https://schema.org/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

DATATYPES = frozenset({"str", "int", "date", "iri", "en", "decimal", "bool", "year", "scalar"})


@dataclass(frozen=True)
class Prop:
    """How one node property is exported: its predicate and the datatype name of its values."""

    predicate: str
    datatype: str


def _props(**table: tuple[str, str]) -> Mapping[str, Prop]:
    return MappingProxyType({name: Prop(predicate, datatype) for name, (predicate, datatype) in table.items()})


@dataclass(frozen=True)
class Scheme:
    """A SKOS concept scheme whose concepts are the records of one kind (`{base}scheme/{name}`)."""

    name: str
    title: str


@dataclass(frozen=True)
class NodeKind:
    """One kind of record and node.

    `kind` is the data file's stem (`missions` -> data/missions.yaml), or for a nested kind the
    list field that holds its items inside other records (`figures`), which `nested` then names
    the relationship of (the owner -> HAS_FIGURE -> the item). `iri_key` is the property an IRI
    carries after the segment (a resolution's number, every other node's id). `rdf_class` is
    the `pk:` class; `standard_classes` are asserted on every resource as well, `superclasses`
    are stated only in the ontology. `search` lists the text properties the full-text index
    covers (every text field of the kind, provenance quote and note included), in the order a
    search snippet is looked for.
    `sourced`: every record names a source and a locator (a Source node itself does not).
    """

    kind: str
    label: str
    iri_segment: str
    rdf_class: str
    title: str
    standard_classes: tuple[str, ...]
    properties: Mapping[str, Prop]
    comment: str | None = None
    superclasses: tuple[str, ...] = ()
    extra_labels: tuple[str, ...] = ()
    nested: str | None = None
    iri_key: str = "id"
    scheme: Scheme | None = None
    search: tuple[str, ...] = ()
    sourced: bool = True
    # False for a kind only public-data adapters give (no data/<kind>.yaml): load-personnel
    curated: bool = True

    @property
    def labels(self) -> str:
        """The node's labels as the ingest writes them, primary first: `Mission:Actor`."""
        return ":".join((self.label, *self.extra_labels))

    @property
    def file(self) -> str | None:
        """The curated data file the records come from; None for a nested or public-only kind."""
        return None if self.nested or not self.curated else f"{self.kind}.yaml"


# The second label of the kinds whose nodes are actors (missions and organisations).
ACTOR_LABEL = "Actor"

# Properties of every record (a kind's own table wins over these).
COMMON_PROPERTIES = _props(id=(DCT + "identifier", "str"), note=(RDFS + "comment", "str"))
_CONCEPT_NOTE = {"note": (SKOS + "scopeNote", "en")}

# ------------------------------------------------ load-resolutions: public resolution fields
# The Data Hub (DGC-SCRES) and CR-UNSC fields of a resolution, and a state's ISO code: optional
# properties of the resolution and organisation kinds below.
_RESOLUTION_PUBLIC = {
    "symbol": (SCHEMA_ORG + "legislationIdentifier", "str"),
    "title": (DCT + "title", "str"),
    "topic": (DCT + "description", "str"),
    "unanimous": ("pk:adoptedUnanimously", "bool"),
    "votes_yes": ("pk:votesInFavour", "int"),
    "votes_no": ("pk:votesAgainst", "int"),
    "votes_abstain": ("pk:abstentions", "int"),
    "meeting": ("pk:meetingNumber", "int"),
    "unbis_topics": (DCT + "subject", "str"),
    "subjects": ("pk:subjects", "str"),
    "un_data_hub": (SCHEMA_ORG + "url", "iri"),
}
_STATE_PUBLIC = {
    "iso3": ("pk:iso3166Alpha3", "str"),
    "historic": ("pk:historicState", "bool"),
}

# The order is the order in which kinds are read and written; nested kinds come last.
NODE_KINDS: tuple[NodeKind, ...] = (
    NodeKind(
        "sources",
        "Source",
        "source",
        "Source",
        "Source",
        (PROV + "Entity",),
        _props(
            kind=("pk:kind", "str"),
            title=(DCT + "title", "str"),
            author=(DC + "creator", "str"),
            year=(DCT + "issued", "year"),
            publisher=(DC + "publisher", "str"),
            url=(SCHEMA_ORG + "url", "iri"),
            licence=(DC + "rights", "str"),
            citation=(DCT + "bibliographicCitation", "str"),
        ),
        comment="A document or dataset facts come from: the thesis, a UN data table, a work the thesis cites.",
        search=("title", "author", "citation", "publisher", "note"),
        sourced=False,
    ),
    NodeKind(
        "territories",
        "Territory",
        "territory",
        "Territory",
        "Territory",
        (SCHEMA_ORG + "Place",),
        _props(name=(RDFS + "label", "str"), iso3=("pk:iso3166Alpha3", "str"), note_on_code=("pk:noteOnCode", "str")),
        comment="A country or territory; pk:iso3166Alpha3 where one exists.",
        superclasses=(DCT + "Location",),
        search=("name", "note", "quote"),
    ),
    NodeKind(
        "organisations",
        "Organisation",
        "organisation",
        "Organisation",
        "Organisation",
        (ORG + "Organization",),
        _props(name=(RDFS + "label", "str"), acronym=("pk:acronym", "str"), kind=("pk:kind", "str"), **_STATE_PUBLIC),
        comment="A UN organ, department, agency, regional body, state, government, NGO or donor; not a mission.",
        extra_labels=(ACTOR_LABEL,),
        search=("name", "acronym", "note", "quote"),
    ),
    NodeKind(
        "missions",
        "Mission",
        "mission",
        "Mission",
        "Mission",
        (ORG + "Organization",),
        _props(
            name=(RDFS + "label", "str"),
            acronym=("pk:acronym", "str"),
            kind=("pk:kind", "str"),
            start=(SCHEMA_ORG + "startDate", "date"),
            end=(SCHEMA_ORG + "endDate", "date"),
            active=("pk:active", "bool"),
            hq=("pk:headquarters", "str"),
            hq_lat=(GEO + "lat", "decimal"),
            hq_lon=(GEO + "long", "decimal"),
        ),
        comment="A peace operation (UN or other), e.g. UNMIK, MONUC, KFOR, EULEX.",
        extra_labels=(ACTOR_LABEL,),
        search=("name", "acronym", "hq", "note", "quote"),
    ),
    NodeKind(
        "units",
        "Unit",
        "unit",
        "Unit",
        "Unit",
        (ORG + "OrganizationalUnit",),
        _props(
            name=(RDFS + "label", "str"),
            kind=("pk:kind", "str"),
            valid_from=(SCHEMA_ORG + "startDate", "date"),
            valid_to=(SCHEMA_ORG + "endDate", "date"),
        ),
        comment="A component of a mission: pillar, office, section.",
        search=("name", "note", "quote"),
    ),
    NodeKind(
        "posts",
        "Post",
        "post",
        "Post",
        "Post",
        (ORG + "Post",),
        _props(title=(RDFS + "label", "str")),
        comment="A post in a mission (SRSG, DSRSG, ...).",
        search=("title", "note", "quote"),
    ),
    NodeKind(
        "tasks",
        "Task",
        "task",
        "Task",
        "Mandate task",
        (SKOS + "Concept",),
        _props(
            pref_label=(SKOS + "prefLabel", "en"),
            definition=(SKOS + "definition", "en"),
            alt_labels=(SKOS + "altLabel", "en"),
            scheme=("pk:taskScheme", "str"),
            **_CONCEPT_NOTE,
        ),
        comment="A concept of the mandate-task scheme ({base}scheme/task); see schema/tasks.md.",
        scheme=Scheme("task", "Mandate task scheme"),
        search=("pref_label", "alt_labels", "definition", "note", "quote"),
    ),
    NodeKind(
        "resolutions",
        "Resolution",
        "resolution",
        "Resolution",
        "Security Council resolution",
        (SCHEMA_ORG + "Legislation",),
        _props(
            number=("pk:resolutionNumber", "int"),
            year=("pk:year", "year"),
            date=(SCHEMA_ORG + "legislationDate", "date"),
            action=("pk:action", "str"),
            summary=(DCT + "abstract", "str"),
            un_digital_library=(RDFS + "seeAlso", "iri"),
            un_voting_record=("pk:votingRecord", "iri"),
            **_RESOLUTION_PUBLIC,
        ),
        comment="A UN Security Council resolution; its IRI carries its number ({base}resolution/1244).",
        iri_key="number",
        search=("symbol", "title", "topic", "summary", "subjects", "unbis_topics", "note", "quote"),
    ),
    NodeKind(
        "mandates",
        "Mandate",
        "mandate",
        "Mandate",
        "Mandate",
        (ORG + "ChangeEvent",),
        _props(
            # a public source's mandate (load-mandates)
            coding=("pk:taskCoding", "str"),
            resolution_numbers=("pk:resolutionNumber", "int"),
            instrument=("pk:instrument", "str"),
            instrument_kind=("pk:instrumentKind", "str"),
            date=(DCT + "date", "date"),
            chapter_vii=("pk:chapterVII", "bool"),
        ),
        comment="One mission's mandate as set or changed by one resolution: a change event of the mission.",
        search=("instrument", "note", "quote"),
    ),
    NodeKind(
        "codes",
        "Code",
        "code",
        "Code",
        "Code",
        (SKOS + "Concept",),
        _props(
            pref_label=(SKOS + "prefLabel", "en"),
            alt_labels=(SKOS + "altLabel", "en"),
            definition=(SKOS + "definition", "en"),
            kind=("pk:kind", "str"),
            chapter_section=("pk:thesisSection", "str"),
            **_CONCEPT_NOTE,
        ),
        comment="A concept of the thesis's analytical framework ({base}scheme/code); see schema/codebook.md.",
        scheme=Scheme("code", "Analytical framework codebook"),
        search=("pref_label", "alt_labels", "definition", "note", "quote"),
    ),
    NodeKind(
        "interviews",
        "Interview",
        "interview",
        "Interview",
        "Interview",
        (PROV + "Entity",),
        _props(
            case=("pk:case", "str"),
            number=("pk:interviewNumber", "int"),
            role=("pk:role", "str"),
            un_staff=("pk:unStaff", "bool"),
        ),
        comment="An anonymised research interview of the thesis (Appendix 1).",
        search=("role", "note", "quote"),
    ),
    NodeKind(
        "claims",
        "Claim",
        "claim",
        "Claim",
        "Claim",
        (SCHEMA_ORG + "Claim",),
        _props(
            chapter=("pk:chapter", "int"),
            subsection=("pk:subsection", "str"),
            text=(SCHEMA_ORG + "text", "str"),
            no_assertion=("pk:noAssertion", "str"),
        ),
        comment="One coded piece of evidence: a citation of interviews (or of a literature source) in the "
        "thesis, paraphrased in schema:text.",
        superclasses=(PROV + "Entity",),
        search=("text", "quote", "no_assertion", "note"),
    ),
    NodeKind(
        "findings",
        "Finding",
        "finding",
        "Finding",
        "Finding",
        (SCHEMA_ORG + "Claim",),
        _props(
            chapter=("pk:chapter", "int"),
            last_line=("pk:lastLine", "int"),
            text=(SCHEMA_ORG + "text", "str"),
            basis=("pk:basis", "str"),
        ),
        comment="A conclusion the thesis draws (chapter 7, or a chapter's summary or conclusion section), "
        "paraphrased in schema:text, located from its line to pk:lastLine; pk:basis says why it rests on "
        "the claims it is linked to.",
        superclasses=(PROV + "Entity",),
        search=("text", "quote", "basis", "note"),
    ),
    # --------------------------------------------------------------- load-personnel: strength
    # Authorised ceilings (Passmore, at changes) and deployed strength (IPI totals, Passmore) per
    # mission-month: (:Mission)-[:HAS_STRENGTH]->(:Strength {month, measure, value, source}).
    NodeKind(
        "strengths",
        "Strength",
        "strength",
        "Strength",
        "Personnel strength",
        (SCHEMA_ORG + "QuantitativeValue",),
        _props(
            mission=("pk:missionId", "str"),
            month=("pk:month", "str"),
            measure=("pk:measure", "str"),
            value=(SCHEMA_ORG + "value", "decimal"),
            change=("pk:ceilingChange", "str"),
            previous=("pk:previousValue", "decimal"),
            observer_coding=("pk:observerCoding", "str"),
            observer_evidence=("pk:observerEvidence", "str"),
            observer_note=("pk:observerNote", "str"),
            troops_without_observers=("pk:troopsWithoutObservers", "decimal"),
            military_total=("pk:militaryTotal", "decimal"),
            interpolated=("pk:interpolated", "bool"),
            outcome=("pk:witnessOutcome", "str"),
            preferred=("pk:preferred", "bool"),
            corroborated_by=("pk:corroboratedBy", "str"),
            reason=("pk:reason", "str"),
        ),
        comment="An authorised ceiling or the deployed strength of one personnel type of a mission in one "
        "month (pk:month, YYYY-MM; pk:measure, e.g. authorised_troops, deployed_police).",
        superclasses=(PROV + "Entity",),
        curated=False,
    ),
    NodeKind(
        "figures",
        "Figure",
        "figure",
        "Figure",
        "Figure",
        (SCHEMA_ORG + "QuantitativeValue",),
        _props(
            measure=("pk:measure", "str"),
            value=(SCHEMA_ORG + "value", "decimal"),
            refers_to=("pk:refersTo", "date"),
            description=(DCT + "description", "str"),
        ),
        comment="A size, budget or ceiling of a mission or mandate, for the year or date in pk:refersTo.",
        superclasses=(PROV + "Entity",),
        nested="HAS_FIGURE",
        search=("description", "quote", "note"),
    ),
    NodeKind(
        "statements",
        "Statement",
        "statement",
        "Statement",
        "Statement",
        (PROV + "Entity",),
        _props(
            field=("pk:field", "str"),
            value=(RDF + "value", "scalar"),
            preferred=("pk:preferred", "bool"),
            reason=("pk:reason", "str"),
        ),
        comment="One source's value (rdf:value) for one field (pk:field) of a record, kept where sources "
        "disagree; pk:preferred marks the value the graph uses, pk:reason says why.",
        nested="HAS_STATEMENT",
        search=("quote", "reason", "note"),
    ),
)

# -------------------------------------------------------------------------------- relations


@dataclass(frozen=True)
class FieldRelation:
    """A record field whose ids become relationships: `(kind, field) -> type` to nodes of `targets`.

    Reversed relationships point at the record (`missions.lead`: the organisation LEADS the mission).
    """

    kind: str
    field: str
    type: str
    targets: tuple[str, ...]
    reversed: bool = False


FIELD_RELATIONS: tuple[FieldRelation, ...] = (
    FieldRelation("organisations", "parent", "PART_OF", ("organisations",)),
    FieldRelation("organisations", "territory", "LOCATED_IN", ("territories",)),
    FieldRelation("missions", "lead", "LEADS", ("organisations",), reversed=True),
    FieldRelation("missions", "lead_department", "LEADS", ("organisations",), reversed=True),
    FieldRelation("missions", "territory", "DEPLOYED_IN", ("territories",)),
    FieldRelation("missions", "successor", "SUCCEEDED_BY", ("missions",)),
    FieldRelation("missions", "predecessor", "SUCCEEDED_BY", ("missions",), reversed=True),
    FieldRelation("missions", "military_counterpart", "MILITARY_COUNTERPART", ("missions",)),
    FieldRelation("missions", "part_of", "PART_OF", ("missions",)),
    FieldRelation("units", "mission", "PART_OF", ("missions",)),
    FieldRelation("units", "part_of", "PART_OF", ("units",)),
    FieldRelation("units", "led_by", "LEADS", ("organisations",), reversed=True),
    FieldRelation("posts", "mission", "POST_IN", ("missions",)),
    FieldRelation("posts", "unit", "LEADS", ("units",)),
    FieldRelation("posts", "in_unit", "POST_IN", ("units",)),
    FieldRelation("posts", "also", "HELD_WITH", ("posts",)),
    FieldRelation("tasks", "broader", "BROADER", ("tasks",)),
    FieldRelation("resolutions", "missions", "CONCERNS", ("missions",)),
    FieldRelation("mandates", "mission", "MANDATE_OF", ("missions",)),
    FieldRelation("mandates", "resolution", "SETS", ("resolutions",), reversed=True),
    FieldRelation("mandates", "previous", "PRECEDES", ("mandates",), reversed=True),
    FieldRelation("mandates", "tasks", "INCLUDES", ("tasks",)),
    FieldRelation("codes", "broader", "BROADER", ("codes",)),
    FieldRelation("codes", "related", "RELATED", ("codes",)),
    FieldRelation("codes", "literature", "ADAPTED_FROM", ("sources",)),
    FieldRelation("interviews", "organisation", "AFFILIATED_WITH", ("organisations",)),
    FieldRelation("interviews", "mission", "CONCERNS", ("missions",)),
    FieldRelation("claims", "interviews", "CITES", ("interviews",)),
    FieldRelation("claims", "cites", "CITES", ("sources",)),
    FieldRelation("claims", "codes", "CODED_AS", ("codes",)),
    FieldRelation("claims", "research_question", "CODED_AS", ("codes",)),
    FieldRelation("claims", "mentions", "MENTIONS", ("missions", "organisations")),
    FieldRelation("findings", "research_questions", "ADDRESSES", ("codes",)),
    FieldRelation("findings", "codes", "ON", ("codes",)),
    FieldRelation("findings", "actors", "ABOUT", ("missions", "organisations")),
    FieldRelation("findings", "rests_on", "RESTS_ON", ("claims",)),
)


@dataclass(frozen=True)
class Qualified:
    """A relationship whose properties are facts of their own (a seat's year, a month's count): in
    RDF, besides the direct triple, one `pk:<rdf_class>` resource per relationship at
    `{base}relation/<from>--<slug>--<to>--<key>` (`key` the relationship's own key, as a slug),
    linked by `pk:relationSubject` / `pk:relationObject`, with `properties` and the edge's locator.
    `required` are the properties every one has; `ends` the labels of its subject and object (actors
    where not given). A locator key on the edge (file, row, column, quote, paragraph) is on the
    resource's locator, not among `properties`."""

    slug: str
    rdf_class: str
    title: str
    comment: str
    properties: Mapping[str, Prop]
    required: tuple[str, ...]
    ends: tuple[str, str] | None = None


@dataclass(frozen=True)
class RelationType:
    """A relationship type and the RDF predicate it becomes.

    `predicate` is None for a relationship that is no triple (FROM_SOURCE: the node's own
    provenance says it). `inverted`: subject and object swap in RDF, to use the standard term.
    `by_ends` (from label, to label, predicate) and `by_field` (the record field that stated the
    relationship -> predicate) name a more specific predicate, checked first.
    """

    type: str
    predicate: str | None
    inverted: bool = False
    by_ends: tuple[tuple[str, str, str], ...] = ()
    by_field: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    qualified: Qualified | None = None


RELATION_TYPES: tuple[RelationType, ...] = (
    RelationType("PART_OF", ORG + "subOrganizationOf", by_ends=(("Unit", "Mission", ORG + "unitOf"),)),
    RelationType("LOCATED_IN", "pk:locatedIn"),
    RelationType("LEADS", "pk:leads"),
    RelationType("DEPLOYED_IN", "pk:deployedIn"),
    RelationType("SUCCEEDED_BY", "pk:succeededBy"),
    RelationType("MILITARY_COUNTERPART", "pk:militaryCounterpart"),
    RelationType("POST_IN", ORG + "postIn"),
    RelationType("HELD_WITH", "pk:heldWith"),
    RelationType("BROADER", SKOS + "broader"),
    RelationType("RELATED", SKOS + "related"),
    # A framework concept and the work the thesis says it comes from (the Source's cited_in is where).
    RelationType("ADAPTED_FROM", "pk:adaptedFrom"),
    RelationType("CONCERNS", "pk:concerns"),
    RelationType("MANDATE_OF", "pk:mandateOf"),
    RelationType("SETS", "pk:sets"),
    RelationType("PRECEDES", "pk:precedes"),
    # A mandate's task: a qualified pk:MandateTask with the source's modality (PEMA: monitor, assist,
    # ...) and its locator (the thesis passage, or the PEMA/TAMM cell with the operative paragraph).
    RelationType(
        "INCLUDES",
        "pk:includesTask",
        qualified=Qualified(
            "includes",
            "MandateTask",
            "task in a mandate",
            "A task a mandate includes, as one source codes it: the modality where the source gives one, the locator.",
            # PEMA's operative paragraphs as the source writes them ("1, 7"), not one locator paragraph
            _props(modality=("pk:modality", "str"), paragraph=("pk:operativeParagraphs", "str")),
            (),
            ("Mandate", "Task"),
        ),
    ),
    RelationType("AFFILIATED_WITH", "pk:affiliatedWith"),
    RelationType("CITES", "pk:cites"),
    RelationType("CODED_AS", "pk:codedAs", by_field=MappingProxyType({"research_question": "pk:researchQuestion"})),
    RelationType("MENTIONS", SCHEMA_ORG + "mentions"),
    # A finding of the thesis: the research question it answers, the codes it is on, the actors it is
    # about, the claims whose evidence it draws on.
    RelationType("ADDRESSES", "pk:addressesQuestion"),
    RelationType("ON", "pk:onCode"),
    RelationType("ABOUT", SCHEMA_ORG + "about"),
    RelationType("RESTS_ON", "pk:restsOn"),
    RelationType("HAS_FIGURE", "pk:figure"),
    RelationType("HAS_STATEMENT", "pk:statement"),
    # The Security Council adopted every resolution (written by the ingest, not from a field).
    RelationType("ADOPTED", SCHEMA_ORG + "legislationPassedBy", inverted=True),
    RelationType("FROM_SOURCE", None),
    # ------------------------------------------------------------------ load-resolutions
    # Resolution -> mission acts (from Data Hub topic lines here; PEMA/TAMM acts use the same types).
    # Each act row is a qualified pk:Act: the mission's name as the source writes it, and the locator
    # (the Data Hub record and column, the topic line as its quote).
    *(
        RelationType(
            act,
            f"pk:{act.lower()}",
            qualified=Qualified(
                f"{act.lower()}-act",
                f"{act.capitalize()}Act",
                f"{act.lower()} act",
                f"A resolution {act.lower()} a mission, as one row of a source says it (the row's locator and quote).",
                _props(name=("pk:nameInSource", "str")),
                (),
                ("Resolution", "Mission"),
            ),
        )
        for act in ("ESTABLISHES", "EXTENDS", "ADJUSTS", "TERMINATES")
    ),
    # A state held a Security Council seat in a year (properties: year, permanent).
    RelationType(
        "HELD_SEAT",
        "pk:heldSeatOn",
        qualified=Qualified(
            "held-seat",
            "CouncilSeat",
            "Security Council seat",
            "A state's seat on the Security Council in one year, permanent or elected, as the source lists it.",
            _props(
                year=("pk:year", "year"),
                permanent=("pk:permanentMember", "bool"),
                name=("pk:nameInSource", "str"),
            ),
            ("year", "permanent"),
        ),
    ),
    # ------------------------------------------------------------------- load-personnel
    # A mission's strength series; the resolution adopted when a ceiling changed (SET_BY); the
    # second source whose figure equals a Strength node's (CORROBORATED_BY, its locator on the edge).
    RelationType("HAS_STRENGTH", "pk:strength"),
    RelationType(
        "SET_BY",
        "pk:setBy",
        qualified=Qualified(
            "set-by",
            "CeilingLink",
            "ceiling set by a resolution",
            "The resolution a ceiling change is linked to, by the written rule, and the lag in months that linked it.",
            _props(lag_months=("pk:lagMonths", "int"), rule=("pk:rule", "str")),
            ("lag_months", "rule"),
            ("Strength", "Resolution"),
        ),
    ),
    RelationType(
        "CORROBORATED_BY",
        "pk:corroboratedBySource",
        qualified=Qualified(
            "corroborated-by",
            "Corroboration",
            "corroboration",
            "A second source gives the same figure: its value, at its own row (the locator).",
            _props(value=("pk:corroboratingValue", "decimal")),
            ("value",),
            ("Strength", "Source"),
        ),
    ),
    # Personnel a state contributes to a mission: IPI's official monthly count (CONTRIBUTES, one per
    # month and personnel type) and Geo-PKO's yearly map estimate per location (DEPLOYED_WITH).
    RelationType(
        "CONTRIBUTES",
        "pk:contributesPersonnelTo",
        qualified=Qualified(
            "contributes",
            "Contribution",
            "personnel contribution",
            "The personnel of one type a state had in a mission in one month (an official monthly count).",
            _props(
                month=("pk:month", "str"),
                type=("pk:personnelType", "str"),
                count=("pk:count", "int"),
                men=("pk:men", "int"),
                women=("pk:women", "int"),
                basis=("pk:basis", "str"),
            ),
            ("month", "type", "count", "basis"),
        ),
    ),
    RelationType(
        "DEPLOYED_WITH",
        "pk:deployedWith",
        qualified=Qualified(
            "deployed-with",
            "Deployment",
            "mapped deployment",
            "A state's presence with a mission at one location in one year, with its estimated size (a map estimate).",
            _props(
                year=("pk:year", "year"),
                location=("pk:location", "str"),
                lat=(GEO + "lat", "decimal"),
                lon=(GEO + "long", "decimal"),
                size=("pk:estimatedSize", "int"),
                size_known=("pk:sizeKnown", "bool"),
                basis=("pk:basis", "str"),
            ),
            ("year", "size_known", "basis"),
        ),
    ),
)

# The act relationship types, in the order the acts readers name them (ingest.public.acts.ACTS).
ACT_TYPES: Mapping[str, str] = MappingProxyType(
    {"establishes": "ESTABLISHES", "extends": "EXTENDS", "adjusts": "ADJUSTS", "terminates": "TERMINATES"}
)

# Who ADOPTED every resolution: the organisation with this id, where the dataset has it.
ADOPTER = "unsc"

# ------------------------------------------------------- public mandates and tasks (load-mandates)
# A public source's mandates (PEMA, TAMM) are Mandate nodes of their own (`pema-monuc-1291`); each
# CORRESPONDS_TO the curated mandate of the same mission and resolution, INCLUDES the source's own
# task concepts (Task nodes in the scheme named after the source), which map into the project's
# scheme by SKOS mapping relations. Acts: Resolution -[:ESTABLISHES|EXTENDS|ADJUSTS|TERMINATES]->
# Mission, one relationship per source row that states it (the act types are defined above).
RELATION_TYPES += (
    RelationType("CORRESPONDS_TO", "pk:correspondsTo"),
    # A source's task mapped into the project's scheme: a qualified pk:TaskMapping with the
    # crosswalk's reason and its file (data/crosswalk/tasks.yaml).
    *(
        RelationType(
            match,
            SKOS + skos,
            qualified=Qualified(
                f"{match.lower().replace('_', '-')}",
                "TaskMapping",
                "task mapping",
                "A source's task mapped into the project's task scheme (SKOS), with the crosswalk's reason.",
                _props(reason=("pk:reason", "str")),
                ("reason",),
                ("Task", "Task"),
            ),
        )
        for match, skos in (
            ("EXACT_MATCH", "exactMatch"),
            ("CLOSE_MATCH", "closeMatch"),
            ("BROAD_MATCH", "broadMatch"),
            ("NARROW_MATCH", "narrowMatch"),
        )
    ),
)
# skos:<match> as the crosswalk writes it -> the relationship type
MATCH_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "exactMatch": "EXACT_MATCH",
        "closeMatch": "CLOSE_MATCH",
        "broadMatch": "BROAD_MATCH",
        "narrowMatch": "NARROW_MATCH",
    }
)
# The concept schemes of the public sources' own task codings (Task nodes with `scheme` = name).
TASK_SOURCE_SCHEMES: tuple[Scheme, ...] = (
    Scheme("pema", "PEMA task coding (Peacekeeping Mandates dataset, 41 tasks)"),
    Scheme("tamm", "TAMM task coding (Tasks Assigned to Missions in their Mandates, 49 task columns)"),
)


@dataclass(frozen=True)
class EvidencedRelation:
    """An actor relation that claims assert: one relationship per (from, type, kind, on, to) in the
    graph, a qualified `pk:ActorRelation` resource of `rdf_class` in RDF (plus the direct triple
    `rdf_property`), at `{base}relation/<from>--<slug>--[<kind>--<on>--]<to>`."""

    type: str
    slug: str
    rdf_class: str
    rdf_property: str
    title: str
    property_title: str
    comment: str | None = None
    property_comment: str | None = None


EVIDENCED_RELATIONS: tuple[EvidencedRelation, ...] = (
    EvidencedRelation(
        "DEPENDS_ON",
        "depends-on",
        "Dependency",
        "dependsOn",
        "Dependency",
        "depends on",
        "pk:relationFrom depends on pk:relationTo (power or resource dependency, pk:dependencyKind) "
        "for pk:dependencyOn.",
        "Direct form of a pk:Dependency.",
    ),
    EvidencedRelation(
        "COORDINATES_WITH", "coordinates-with", "Coordination", "coordinatesWith", "Coordination", "coordinates with"
    ),
    EvidencedRelation("TENSION_WITH", "tension-with", "Tension", "tensionWith", "Tension", "in tension with"),
    EvidencedRelation("REPORTS_TO", "reports-to", "Reporting", "reportsTo", "Reporting line", "reports to"),
    EvidencedRelation("FUNDS", "funds", "Funding", "funds", "Funding", "funds"),
)

# ---------------------------------------------------------------------------------- lookups

KIND_BY_NAME: Mapping[str, NodeKind] = MappingProxyType({k.kind: k for k in NODE_KINDS})
KIND_BY_LABEL: Mapping[str, NodeKind] = MappingProxyType({k.label: k for k in NODE_KINDS})
RELATION_BY_TYPE: Mapping[str, RelationType] = MappingProxyType({r.type: r for r in RELATION_TYPES})
EVIDENCED_BY_TYPE: Mapping[str, EvidencedRelation] = MappingProxyType({r.type: r for r in EVIDENCED_RELATIONS})


def curated_kinds() -> tuple[NodeKind, ...]:
    """The kinds read from a data file of their own, in write order."""
    return tuple(k for k in NODE_KINDS if k.nested is None and k.curated)


def nested_kinds() -> tuple[NodeKind, ...]:
    return tuple(k for k in NODE_KINDS if k.nested is not None)


def actor_kinds() -> tuple[str, ...]:
    """The kinds whose nodes are actors (missions, organisations): one id names one actor across them,
    and a field may point at any of them by the shared label."""
    return tuple(k.kind for k in NODE_KINDS if ACTOR_LABEL in k.extra_labels)


def extra_labels() -> tuple[str, ...]:
    """Second labels shared by several kinds (Actor), in first-use order."""
    return tuple(dict.fromkeys(label for k in NODE_KINDS for label in k.extra_labels))


def kinds_with_label(label: str) -> tuple[NodeKind, ...]:
    """The kinds whose nodes carry `label`, as primary or extra label."""
    return tuple(k for k in NODE_KINDS if k.label == label or label in k.extra_labels)


def target_label(targets: tuple[str, ...]) -> str:
    """The one label every node of `targets` carries: the kind's own, or the extra label they share."""
    if len(targets) == 1:
        return KIND_BY_NAME[targets[0]].label
    shared = set.intersection(*(set(KIND_BY_NAME[t].extra_labels) for t in targets))
    if len(shared) != 1:
        raise ValueError(f"kinds {targets} share no single label")
    return shared.pop()


def id_labels() -> tuple[str, ...]:
    """Every label with a unique-id constraint: each kind's, and the shared extra labels (one id names one actor)."""
    return (*(k.label for k in NODE_KINDS), *extra_labels())


def constraint_name(label: str) -> str:
    """`mission_id` for Mission: the names /ready checks."""
    return f"{label.lower()}_id"


def search_labels() -> tuple[str, ...]:
    return tuple(k.label for k in NODE_KINDS if k.search)


def search_properties() -> tuple[str, ...]:
    return tuple(dict.fromkeys(p for k in NODE_KINDS for p in k.search))


def schemes() -> tuple[NodeKind, ...]:
    return tuple(k for k in NODE_KINDS if k.scheme is not None)


# How each source's coding carries tasks forward from one mandate to the next (load-mandates); the
# readers ingest.public.pema / .tamm implement it as `tasks_gained_and_dropped`, the mandate
# evolution (service.read_models.mandate_evolution) follows it, a test checks both agree.
# - "accumulates": a mandate codes the tasks its resolution states; a task in force that it does
#   not restate stays in force (`not_restated`), and none is dropped unless the source says so
#   (PEMA; the thesis, whose curated mandates list what a resolution names).
# - "full-vector": every mandate codes the whole vector in force, so a task absent from it was
#   dropped by it (TAMM).
CARRY_FORWARD: Mapping[str, str] = MappingProxyType(
    {"thesis": "accumulates", "pema": "accumulates", "tamm": "full-vector"}
)
CARRY_FORWARD_RULES: Mapping[str, str] = MappingProxyType(
    {
        "accumulates": "a task stays in force until the source says it ended; one a later mandate does not "
        "restate is listed as not restated, not as removed",
        "full-vector": "each mandate codes every task in force: a task absent from a later mandate was dropped by it",
    }
)

# --------------------------------------------------------------------------- record vocabularies
# The kinds a Source or a Unit record may have: the records validate against them (ingest.records)
# and the list routes refuse any other value of `kind` (service.routers.listings).
# "document" where the thesis cites a work without saying what kind of work it is.
SourceKind: TypeAlias = Literal[
    "thesis", "dataset", "report", "book", "article", "un-document", "web-page", "agreement", "document"
]
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
UnitKind: TypeAlias = Literal["pillar", "component", "department", "division", "office", "section", "unit", "other"]
UNIT_KINDS: tuple[str, ...] = get_args(UnitKind)

# --------------------------------------------------------------------------- figure measures


@dataclass(frozen=True)
class Measure:
    """What a figure's number counts: its unit, and for money its currency (ISO 4217)."""

    unit: str
    currency: str | None = None


_PERSONS, _USD = Measure("persons"), Measure("money", "USD")

# Every measure a figure may have, named for what the thesis says it counts (no catch-all).
FIGURE_MEASURES: Mapping[str, Measure] = MappingProxyType(
    {
        "civilian-staff": _PERSONS,
        "international-staff": _PERSONS,
        "national-staff": _PERSONS,
        "staff": _PERSONS,
        "uniformed-personnel": _PERSONS,
        "troops": _PERSONS,
        "planned-troops": _PERSONS,
        "military-observers": _PERSONS,
        "police": _PERSONS,
        "troop-ceiling": _PERSONS,
        "police-ceiling": _PERSONS,
        "military-observer-ceiling": _PERSONS,
        "contributing-states": Measure("states"),
        "field-offices": Measure("offices"),
        "liaison-offices": Measure("offices"),
        "logistics-bases": Measure("bases"),
        "staffing-level": Measure("percent of formal human resource levels"),
        "annual-budget-usd": _USD,
        "cumulative-cost-usd": _USD,
        "military-costs-usd": _USD,
        "civilian-personnel-costs-usd": _USD,
        "operational-requirements-usd": _USD,
        "temporary-assistance-and-quick-impact-usd": _USD,
        "quick-impact-projects-usd": _USD,
    }
)
