"""The records of `data/`, one pydantic model per kind.

Each model is the contract between the YAML a researcher edits and the graph: a record that
validates here can be written; one that does not is reported with its file, id and field.
Provenance is part of the contract, so every record (and every figure or disputed statement
inside it) names a `source` and a `locator`.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from schema import registry

Slug = Annotated[str, StringConstraints(pattern=registry.ID_PATTERN, max_length=registry.ID_MAX_LENGTH)]

# Reduced-precision ISO 8601 dates: sources often give only a year or a month.
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_partial_date(value: str) -> str:
    """Accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and reject impossible months or days."""
    match = _PARTIAL_DATE.match(value)
    if match is None:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as err:
        raise ValueError(f"date {value!r} does not exist: {err}") from err
    return value


PartialDate = Annotated[str, AfterValidator(check_partial_date)]


# The longest text a field may hold. A 60 MB field made the write exceed Neo4j's transaction
# memory, which the driver retried for 50 s before a traceback; refused here, it is one problem
# with file, line, record and field. The longest field of data/ (a note) has 822; bench/generate.py writes 65,536.
FIELD_MAX_CHARS = 100_000


class Strict(BaseModel):
    """Unknown keys are typos in hand-edited YAML, so they are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=FIELD_MAX_CHARS)


class Locator(Strict):
    """Where in a source a fact stands.

    The thesis OCR text (`corpus/thesis.txt`) marks few page numbers, so a thesis locator is its
    section number plus the 1-based line in that text; `page` only where the text prints it.
    A dataset locator is the file and its 1-based data row (header excluded) or its key.
    """

    section: str | None = Field(default=None, pattern=r"^(\d+(\.\d+)*|abstract|appendix-\d+)$")
    line: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=1, description="paragraph within the (sub-)section")
    page: int | None = Field(default=None, ge=1)
    file: str | None = None
    row: int | None = Field(default=None, ge=1)
    key: str | None = None
    column: str | None = Field(default=None, description="the column of a dataset row (public sources)")

    @model_validator(mode="after")
    def _points_somewhere(self) -> Locator:
        if self.file is None and self.section is None and self.page is None:
            raise ValueError("a locator needs a section/line/page (a document) or a file/row (a dataset)")
        if self.file is not None and self.row is None and self.key is None:
            raise ValueError("a dataset locator needs a row or a key")
        return self


class Provenance(Strict):
    source: Slug
    locator: Locator
    quote: str | None = Field(default=None, description="short verbatim excerpt of the source")


class Sourced(Provenance):
    """A record whose existence and plain fields are attested at `source` + `locator`."""

    id: Slug
    note: str | None = None


class Statement(Provenance):
    """One source's value for one field, kept where sources disagree or a field has its own source.

    Where two statements give different values for a field, exactly one is `preferred`, and
    `reason` says why; the record's own field holds the preferred value.
    """

    field: str
    value: str | int | float | bool | None
    preferred: bool = False
    reason: str | None = None


def _known_measure(measure: str) -> str:
    if measure not in registry.FIGURE_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; known: {', '.join(sorted(registry.FIGURE_MEASURES))}")
    return measure


class Figure(Provenance):
    """A size or budget figure, with the year (or date) it refers to."""

    measure: Annotated[str, AfterValidator(_known_measure)]
    # An int stays an int (a head count of 5000, not 5000.0); a fraction is a float.
    value: int | float
    refers_to: PartialDate | None = Field(default=None, description="year or date the figure refers to")
    description: str | None = None


class Source(Strict):
    id: Slug
    kind: registry.SourceKind
    title: str | None = Field(default=None, description="left out where no source here gives it")
    author: str | None = None
    year: int | None = None
    publisher: str | None = None
    url: str | None = None
    licence: str | None = None
    citation: str | None = Field(default=None, description="how the thesis cites it, e.g. 'UN, 2008b'")
    cited_in: Provenance | None = Field(default=None, description="where the thesis cites it")
    note: str | None = None


class Territory(Sourced):
    name: str
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    note_on_code: str | None = None


class Organisation(Sourced):
    name: str
    acronym: str | None = None
    kind: Literal[
        "un-organ",
        "un-department",
        "un-office",
        "un-agency",
        "un-system",
        "regional-organisation",
        "international-organisation",
        "state",
        "government",
        "embassy",
        "ngo",
        "donor-agency",
        "armed-group",
        "other",
    ]
    parent: Slug | None = None
    territory: Slug | None = None
    statements: list[Statement] = []
    # load-resolutions: a state's ISO 3166 alpha-3 code (current, or the former code of a historic state)
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3,4}$")
    historic: bool | None = None


class Mission(Sourced):
    name: str
    acronym: str | None = None
    kind: Literal[
        "integrated-mission",
        "peacekeeping-operation",
        "observer-mission",
        "political-mission",
        "transitional-administration",
        "military-force",
        "police-mission",
        "rule-of-law-mission",
        "civilian-mission",
        "other",
    ]
    lead: Slug | None = Field(default=None, description="leading organisation id")
    lead_department: Slug | None = None
    territory: list[Slug] = []
    start: PartialDate | None = None
    end: PartialDate | None = None
    active: bool | None = None
    hq: str | None = None
    hq_lat: float | None = Field(default=None, ge=-90, le=90)
    hq_lon: float | None = Field(default=None, ge=-180, le=180)
    predecessor: list[Slug] = []
    successor: list[Slug] = []
    military_counterpart: list[Slug] = []
    part_of: Slug | None = Field(default=None, description="combined row a mission belongs to")
    figures: list[Figure] = []
    statements: list[Statement] = []


class Unit(Sourced):
    name: str
    kind: registry.UnitKind
    mission: Slug
    part_of: Slug | None = None
    led_by: Slug | None = Field(default=None, description="organisation that leads the unit")
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    statements: list[Statement] = []


class Post(Sourced):
    title: str
    mission: Slug
    unit: Slug | None = Field(default=None, description="unit the post leads, if any")
    in_unit: Slug | None = Field(default=None, description="unit the post sits in without leading it")
    also: list[Slug] = Field(default=[], description="other posts held by the same person (triple hat)")


class TaskMatch(Strict):
    """A SKOS mapping of a source's task concept to a concept of the project's scheme."""

    match: Literal["exactMatch", "closeMatch", "broadMatch", "narrowMatch"]
    task: Slug
    reason: str = Field(min_length=1)


class Task(Sourced):
    """A mandate task: a concept of the project's SKOS task scheme, or of a public source's own
    scheme (`scheme` = pema | tamm) with its SKOS `mappings` into the project's."""

    pref_label: str
    definition: str
    broader: Slug | None = None
    alt_labels: list[str] = []
    scheme: Literal["pema", "tamm"] | None = None
    mappings: list[TaskMatch] = []


class Resolution(Sourced):
    number: int = Field(ge=1)
    year: int | None = Field(default=None, ge=1946)
    date: PartialDate | None = None
    missions: list[Slug] = []
    action: list[
        Literal[
            "establish", "expand", "renew", "extend", "rename", "reduce", "modify", "terminate", "authorise", "other"
        ]
    ] = []
    summary: str | None = None
    un_digital_library: str | None = Field(default=None, description="CR-UNSC record URL")
    un_voting_record: str | None = None
    statements: list[Statement] = []
    # load-resolutions: the Data Hub's (DGC-SCRES) fields; votes are counts or `unanimous`
    symbol: str | None = None
    title: str | None = None
    topic: str | None = Field(default=None, description="the Data Hub's topic line (description)")
    unanimous: bool | None = None
    votes_yes: int | None = Field(default=None, ge=0)
    votes_no: int | None = Field(default=None, ge=0)
    votes_abstain: int | None = Field(default=None, ge=0)
    meeting: int | None = Field(default=None, ge=1)
    unbis_topics: list[str] = []
    subjects: str | None = None
    un_data_hub: str | None = None


# ------------------------------------------------------------------ public mandates (load-mandates)


class TaskInclusion(Provenance):
    """One task a public mandate includes: the source's own concept, with the modality and the
    operative paragraph(s) the source cites (PEMA), located at the cell (file, row, column)."""

    task: Slug
    modality: str | None = None
    paragraph: str | None = Field(default=None, description="the operative paragraph reference as written")


class MandateAct(Provenance):
    """What a resolution did to the mission, as one source says it (rule in ingest/public/acts.py)."""

    act: Literal["establishes", "extends", "adjusts", "terminates"]
    resolution_number: int = Field(ge=1)
    evidence: str


class Mandate(Sourced):
    """One mission's mandate as set or changed by one resolution.

    A curated mandate names its resolution by id; a public source's mandate (`coding` = its task
    scheme) names it by number (`resolution_numbers`), linked by the ingest to whichever source
    loads that resolution (ingest.mandate_rows), and its tasks as `inclusions` of its own scheme.
    """

    mission: Slug
    resolution: Slug | None = None
    previous: Slug | None = Field(default=None, description="mandate this one follows")
    tasks: list[Slug] = []
    tasks_source: Provenance | None = None
    figures: list[Figure] = []
    statements: list[Statement] = []
    # --- public mandates (load-mandates) ---
    coding: Literal["pema", "tamm"] | None = Field(default=None, description="the source whose task coding this is")
    resolution_numbers: list[int] = Field(default=[], description="SC resolutions that set it, by number")
    instrument: str | None = Field(default=None, description="the instrument as the source writes it ('425/426')")
    instrument_kind: Literal["sc-resolution", "sc-document", "ga-resolution"] | None = None
    date: PartialDate | None = Field(default=None, description="adoption date (PEMA) or first month in force (TAMM)")
    chapter_vii: bool | None = None
    inclusions: list[TaskInclusion] = []
    acts: list[MandateAct] = []

    @model_validator(mode="after")
    def _names_its_instrument(self) -> Mandate:
        if self.resolution is None and self.coding is None:
            raise ValueError("a curated mandate names its resolution")
        return self


class Interview(Sourced):
    case: Literal["drc", "kosovo"]
    number: int = Field(ge=1)
    role: str
    organisation: Slug | None = None
    mission: Slug | None = None
    un_staff: bool
    # Appendix 1's post (preferred) beside each other description of the interviewee in the text.
    statements: list[Statement] = []


class Code(Sourced):
    """A concept of the analytical framework's SKOS scheme."""

    pref_label: str
    alt_labels: list[str] = []
    definition: str | None = None
    broader: Slug | None = None
    related: list[Slug] = Field(default=[], description="skos:related: another perspective a sub-theme spans")
    kind: Literal["perspective", "research-question", "learning-type", "sub-theme"]
    chapter_section: list[str] = Field(default=[], description="thesis sections whose heading names it")
    literature: list[Slug] = Field(default=[], description="the works the thesis says the concept comes from")


RelationType = Literal["DEPENDS_ON", "COORDINATES_WITH", "TENSION_WITH", "REPORTS_TO", "FUNDS"]
DependencyOn = Literal[
    "mandate",
    "authority",
    "legitimacy",
    "political-support",
    "funding",
    "staff",
    "logistics",
    "equipment",
    "information",
    "expertise",
    "security",
    "access",
    "cooperation",
    "other",
]


class Assertion(Strict):
    """One relation between two actors that a claim asserts, e.g. UNMIK depends on the UNSC for its mandate."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, str_max_length=FIELD_MAX_CHARS)

    source_actor: Slug = Field(alias="from")
    type: RelationType
    to: Slug
    kind: Literal["power", "resource"] | None = Field(default=None, description="DEPENDS_ON only")
    on: DependencyOn | None = Field(default=None, description="what is depended on; DEPENDS_ON only")
    note: str | None = None

    @model_validator(mode="after")
    def _dependency_is_qualified(self) -> Assertion:
        if self.type == "DEPENDS_ON" and (self.kind is None or self.on is None):
            raise ValueError("a DEPENDS_ON assertion needs kind (power|resource) and on (what is depended on)")
        if self.type != "DEPENDS_ON" and self.kind is not None:
            raise ValueError(f"kind is for DEPENDS_ON, not {self.type}")
        if self.source_actor == self.to:
            raise ValueError("an actor cannot be related to itself")
        return self


class Claim(Sourced):
    """One citation of evidence in the thesis: of interviews, or of a literature source."""

    interviews: list[Slug] = Field(default=[], description="interviews cited; empty for a literature claim")
    cites: Slug | None = Field(default=None, description="the literature source, for a literature claim")
    chapter: int = Field(ge=1, le=7)
    section: str = Field(pattern=r"^\d+(\.\d+)?$", description="'5.2', or '5' before a chapter's first section")
    subsection: str | None = Field(default=None, pattern=r"^\d+\.\d+\.\d+$")
    text: str = Field(min_length=10, description="what it is evidence for, in our own words")
    codes: list[Slug] = Field(min_length=1)
    research_question: Slug | None = None
    mentions: list[Slug] = []
    asserts: list[Assertion] = []
    no_assertion: str | None = Field(
        default=None, description="'none stated: ...' where a dependency section's claim names no dependency"
    )

    @model_validator(mode="after")
    def _cites_something(self) -> Claim:
        if not self.interviews and self.cites is None:
            raise ValueError("a claim cites interviews or a literature source (cites)")
        if self.no_assertion is not None and not self.no_assertion.startswith("none stated"):
            raise ValueError("no_assertion starts with 'none stated'")
        return self


# ---------------------------------------------------------------------------- load-personnel

StrengthMeasure = Literal[
    "authorised_troops",
    "authorised_police",
    "authorised_observers",
    "deployed_troops",
    "deployed_police",
    "deployed_observers",
]


class Strength(Sourced):
    """One personnel figure of a mission in one month: an authorised ceiling (Passmore, written where
    it starts or changes) or the deployed strength (IPI's mission totals, Passmore's).

    A deployed figure both sources give alike is one node of the preferred source (IPI) with
    `corroborated_by`; differing figures are one node per source, `preferred` on IPI's, which holds
    both values as statements (data/sources/README.md, "Deployed strength from two witnesses").
    """

    mission: Slug
    month: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    measure: StrengthMeasure
    value: int | float
    change: Literal["initial", "change"] | None = Field(default=None, description="ceilings only")
    previous: int | float | None = Field(default=None, description="the ceiling before a change")
    observer_coding: Literal["included", "excluded", "unverified"] | None = None
    observer_evidence: str | None = None
    observer_note: str | None = Field(default=None, description="an unverified observer coding says so")
    troops_without_observers: int | float | None = Field(default=None, description="verified codings only")
    military_total: int | float | None = Field(default=None, description="troops + observers; verified only")
    interpolated: bool | None = Field(default=None, description="the authors' interpolation, set by no resolution")
    outcome: Literal["corroborated", "disputed", "zero_vs_na", "one_witness", "single_source"] | None = None
    preferred: bool = True
    corroborated_by: str | None = None
    reason: str | None = None
    statements: list[Statement] = []


class Finding(Sourced):
    """One conclusion the thesis draws, in chapter 7 or a chapter's summary or conclusion section.

    `locator.line` is its first line and `last_line` its last; `quote` (where one sentence states
    it) is verbatim from those lines. The links are only those the text justifies; `basis` says
    why it rests on the claims it names.
    """

    chapter: int = Field(ge=1, le=7)
    last_line: int = Field(ge=1, description="last line of the passage (locator.line is the first)")
    text: str = Field(min_length=10, description="what the thesis concludes, in our own words")
    research_questions: list[Slug] = Field(default=[], description="research-question codes it answers")
    codes: list[Slug] = Field(default=[], description="codes of the framework it is a finding on")
    actors: list[Slug] = Field(default=[], description="missions or organisations it is about")
    rests_on: list[Slug] = Field(default=[], description="claims whose evidence it draws on")
    basis: str | None = Field(default=None, description="why it rests on those claims")

    @model_validator(mode="after")
    def _lines_in_order(self) -> Finding:
        if self.locator.line is None or self.locator.section is None:
            raise ValueError("a finding's locator names its thesis section and first line")
        if self.last_line < self.locator.line:
            raise ValueError(f"last_line {self.last_line} is before the first line {self.locator.line}")
        if self.rests_on and not self.basis:
            raise ValueError("a finding that rests on claims says why in `basis`")
        return self
