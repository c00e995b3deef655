"""Response models: they are the API's contract and what /docs shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Self

from pydantic import BaseModel, Field, PrivateAttr, computed_field

from schema import registry
from service import quotes
from service.html import HtmlPage
from service.tabular import Table, cell, model_table


class Health(BaseModel):
    status: str = Field(description="always 'ok' while the process serves requests")


class Neo4jInfo(BaseModel):
    name: str
    version: str
    edition: str
    uri: str
    database: str


class SchemaState(BaseModel):
    applied: bool = Field(description="every constraint and index of schema/constraints.cypher is online")
    expected: int
    online: int
    missing: list[str]


class DatasetInfo(BaseModel):
    id: str = Field(description="the source: 'curated' for data/'s YAML, else a public dataset's Source id")
    version: str = Field(description="content hash of the loaded data files")
    loaded_at: str
    counts: dict[str, int] = Field(default={}, description="records loaded per kind")
    pending: str | None = Field(
        default=None, description="id of a staged load that is writing and not yet swapped in, else null"
    )
    pending_age: int | None = Field(
        default=None, description="seconds since the pending load last renewed its mark; null when none is"
    )


class GraphCounts(BaseModel):
    nodes: int
    relationships: int


class Ready(BaseModel):
    status: str = Field(
        description="'ready' when Neo4j answers and the schema is applied; 'pending' while a staged load "
        "writes, 'broken' when one died before its swap (readers see the graph as before it, whole, in "
        "both cases; the next `pkgraph ingest` of the source repairs a broken one); 'schema-missing'"
    )
    neo4j: Neo4jInfo
    schema_: SchemaState = Field(alias="schema")
    dataset: DatasetInfo | None = Field(description="the curated dataset (data/); null until a first ingest")
    datasets: list[DatasetInfo] = Field(default=[], description="every loaded source, each versioned on its own")
    pending: list[str] = Field(default=[], description="the sources a staged load is writing")
    broken: list[str] = Field(
        default=[], description="the sources whose staged load died before its swap (killed, connection lost)"
    )
    counts: GraphCounts

    model_config = {"populate_by_name": True}


class ParameterProblem(BaseModel):
    """One parameter or body field that does not fit the document (a 422 lists every one)."""

    parameter: str = Field(description="where: `query.limit`, `body.query`, `path.id`")
    message: str
    input: Any = Field(default=None, description="what was sent")


class ErrorBody(BaseModel):
    """The one error body of every 4xx and 5xx answer (service.errors)."""

    model_config = {"extra": "allow"}  # a 406 adds `offered`; other errors may add fields of their own

    error: str = Field(description="a stable code, e.g. bad_input, not_found, cypher_error, database_unavailable")
    detail: str | list[ParameterProblem] = Field(description="a message, or the list of parameters that do not fit")


class NotAcceptableBody(ErrorBody):
    offered: list[str] = Field(description="the media types the route offers, most preferred first")


class Page(BaseModel):
    """A page of a list: `items` from `offset`, at most `limit`, of `total` matches (its CSV: the items).

    A page offered as HTML (service.formats.LISTING) is a table with paging links; `title` heads it
    and `segment` is the IRI type its items' ids link to.
    """

    title: ClassVar[str] = "List"
    segment: ClassVar[str | None] = None

    total: int
    limit: int
    offset: int
    items: Sequence[BaseModel]
    # The filters the page was asked with, for its paging links (not part of the JSON).
    _filters: dict[str, Any] = PrivateAttr(default_factory=dict)

    def table(self) -> Table:
        return model_table(self.items)

    def with_filters(self, filters: dict[str, Any]) -> Self:
        self._filters = {k: v for k, v in filters.items() if v is not None and k not in ("limit", "offset")}
        return self

    def html_view(self, base: str) -> HtmlPage:
        table = self.table()
        rows = [[(column, cell(row.get(column))) for column in table.columns] for row in table.rows]
        return HtmlPage(
            "list.html",
            self.title,
            {"page": self, "columns": table.columns, "rows": rows, "segment": self.segment, "filters": self._filters},
        )


class Identified(BaseModel):
    """A resource's API model carries its IRI: the URL it is served at (`/mission/unmik`)."""

    iri: str | None = Field(default=None, alias="@id", description="the resource's IRI, {base}{type}/{id}")

    model_config = {"populate_by_name": True}


class Ref(BaseModel):
    """A link to another resource."""

    id: str
    name: str | None = None
    acronym: str | None = None


QUOTE_DISPLAY = "the quote with the OCR's artefacts undone (service/quotes.py), for reading; `quote` is verbatim"


class Provenance(BaseModel):
    source: str | None = None
    section: str | None = None
    line: int | None = None
    page: int | None = None
    file: str | None = None
    row: int | None = None
    key: str | None = None
    column: str | None = None
    quote: str | None = Field(default=None, description="verbatim, as the source prints it (OCR included)")

    @computed_field(description=QUOTE_DISPLAY)  # type: ignore[prop-decorator]
    @property
    def quote_display(self) -> str | None:
        return None if self.quote is None else quotes.display_form(self.quote)


class FigureOut(Provenance):
    id: str
    measure: str
    value: int | float = Field(description="an integer for a count, a float only for a fraction")
    refers_to: str | None = None
    description: str | None = None

    @computed_field(description="what the value counts: persons, offices, money, ...")  # type: ignore[prop-decorator]
    @property
    def unit(self) -> str | None:
        measure = registry.FIGURE_MEASURES.get(self.measure)
        return measure.unit if measure else None

    @computed_field(description="ISO 4217 currency of a money value (USD), else null")  # type: ignore[prop-decorator]
    @property
    def currency(self) -> str | None:
        measure = registry.FIGURE_MEASURES.get(self.measure)
        return measure.currency if measure else None


class StatementOut(Provenance):
    id: str
    field: str
    value: str | int | float | bool | None = None
    preferred: bool = False
    reason: str | None = None


class CounterpartEvidence(Provenance):
    stated_by: str = Field(description="the mission whose record states the counterpart")


class Counterpart(Ref):
    evidence: list[CounterpartEvidence] = Field(description="each record's statement of the pair, with its locator")


class MissionSummary(BaseModel):
    id: str
    name: str
    acronym: str | None = None
    kind: str
    start: str | None = None
    end: str | None = None
    active: bool | None = None
    hq: str | None = None


class MissionPage(Page):
    items: list[MissionSummary]


class TopContributor(BaseModel):
    month: str
    state: Ref
    count: int
    basis: str = "official monthly count"
    source: str = "ipi-peacekeeping"


class MissionDetail(Identified, MissionSummary, Provenance):
    note: str | None = None
    hq_lat: float | None = None
    hq_lon: float | None = None
    territories: list[Ref]
    leads: list[Ref] = Field(description="organisations that lead it (organisation and department)")
    predecessors: list[Ref]
    successors: list[Ref]
    military_counterparts: list[Counterpart] = Field(description="each counterpart once, with every statement of it")
    part_of: list[Ref]
    units: list[Ref]
    posts: list[Ref]
    figures: list[FigureOut] = Field(description="sizes, budgets, ceilings, each with the year it refers to")
    statements: list[StatementOut] = Field(description="each source's value where sources disagree")
    claims: int = Field(
        description="claims that mention the mission or cite an interview about it: the total of /claims?mission="
    )
    # load-personnel: the strength series and the contributors, by link; the top five inline
    strength_figures: int = Field(default=0, description="Strength nodes: ceilings and deployed figures")
    strength: str | None = Field(default=None, description="path of its strength series (JSON, CSV)")
    contributors: str | None = Field(default=None, description="path of its contributors in the latest IPI month")
    top_contributors: list[TopContributor] = Field(
        default=[], description="the five largest contributors in the latest month of IPI's official counts"
    )


class OrganisationSummary(BaseModel):
    id: str
    name: str
    acronym: str | None = None
    kind: str


class OrganisationPage(Page):
    items: list[OrganisationSummary]


class OrganisationDetail(Identified, OrganisationSummary, Provenance):
    note: str | None = None
    parents: list[Ref]
    children: list[Ref]
    leads: list[Ref]
    territories: list[Ref]
    interviews: list[Ref]
    statements: list[StatementOut]
    claims: int


class ResolutionSummary(BaseModel):
    id: str
    number: int
    year: int | None = None
    date: str | None = None
    action: list[str] = []
    summary: str | None = None
    un_digital_library: str | None = None
    missions: list[str] = []
    symbol: str | None = None
    topic: str | None = Field(default=None, description="the Data Hub's topic line")
    acts: list[str] = Field(default=[], description="'<act> <mission id>', e.g. 'establishes monuc'")


class ResolutionPage(Page):
    items: list[ResolutionSummary]


class Vote(BaseModel):
    """The recorded vote: adopted unanimously, or the counts (None: the Data Hub records no vote)."""

    unanimous: bool
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None


class ActOut(Provenance):
    act: str
    mission: str
    name: str | None = None
    acronym: str | None = None


class CouncilMember(BaseModel):
    id: str
    name: str | None = None
    permanent: bool


class ResolutionDetail(Identified, ResolutionSummary, Provenance):
    note: str | None = None
    un_voting_record: str | None = None
    title: str | None = None
    meeting: int | None = None
    unbis_topics: list[str] = []
    subjects: str | None = None
    mandates: list[Ref]
    statements: list[StatementOut]
    preferred_date: str | None = Field(
        default=None, description="the date the reconciliation rule prefers (data/sources/README.md), else `date`"
    )
    date_witnesses: list[StatementOut] = Field(default=[], description="every source's date, the preferred marked")
    vote: Vote | None = None
    acts_on: list[ActOut] = []
    council: list[CouncilMember] = Field(default=[], description="the Security Council's members in its year")


class InterviewSummary(BaseModel):
    id: str
    case: str
    number: int
    role: str
    un_staff: bool
    organisation: str | None = None
    mission: str | None = None
    claims: int = 0


class InterviewPage(Page):
    items: list[InterviewSummary]


class Interviewee(BaseModel):
    """An interview a claim cites: the interviewee's role as Appendix 1 gives it, and where the text
    describes them otherwise."""

    id: str = Field(description="the interview")
    role: str | None = None
    described_otherwise: list[StatementOut] = Field(
        default=[], description="each description in the thesis's text that differs from Appendix 1, with its locator"
    )


class ClaimSummary(BaseModel):
    id: str
    chapter: int
    section: str
    subsection: str | None = None
    line: int | None = None
    text: str
    quote: str | None = None
    research_question: str | None = Field(
        default=None, description="the research question (a code, e.g. rq1) the claim's coding names"
    )
    interviews: list[str] = []
    interviewees: list[Interviewee] = Field(default=[], description="the cited interviews with their roles")
    codes: list[str] = []
    mentions: list[str] = []

    @computed_field(description=QUOTE_DISPLAY)  # type: ignore[prop-decorator]
    @property
    def quote_display(self) -> str | None:
        return None if self.quote is None else quotes.display_form(self.quote)


class InterviewDetail(Identified, InterviewSummary, Provenance):
    note: str | None = None
    claims_citing: list[ClaimSummary] = Field(description="claims that cite this interview")
    statements: list[StatementOut] = Field(
        default=[], description="the role as Appendix 1 gives it (preferred) and as the text elsewhere describes it"
    )


class ClaimPage(Page):
    items: list[ClaimSummary]


def evidence_basis(interviews: int, literature: int) -> str:
    """What a relation rests on, so that a weight of 0 (no interview) never reads as no evidence."""
    kinds = [name for name, count in (("interviews", interviews), ("literature", literature)) if count]
    return " and ".join(kinds) or "none"


BASIS = "interviews, literature, or interviews and literature: what the weight's evidence is"


class RelationOut(BaseModel):
    source_actor: str = Field(alias="from")
    type: str
    kind: str | None = None
    on: str | None = None
    to: str
    weight: int | None = Field(default=None, description="distinct interviews behind it (0: literature only)")
    literature: list[str] = Field(default=[], description="literature sources behind it")

    @computed_field(description=BASIS)  # type: ignore[prop-decorator]
    @property
    def basis(self) -> str:
        return evidence_basis(self.weight or 0, len(self.literature))

    model_config = {"populate_by_name": True}


class ClaimDetail(Identified, ClaimSummary, Provenance):
    paragraph: int | None = None
    no_assertion: str | None = None
    note: str | None = None
    cites: list[Ref] = Field(description="literature source of a literature claim")
    relations: list[RelationOut] = Field(description="actor relations this claim is evidence for")


class LiteratureRef(BaseModel):
    """A work a framework concept comes from, and the thesis line that cites it for the concept."""

    id: str
    author: str | None = None
    year: int | None = None
    citation: str | None = None
    section: str | None = Field(default=None, description="thesis section that cites it")
    line: int | None = Field(default=None, description="thesis line that cites it")


class CodeOut(BaseModel):
    id: str
    pref_label: str
    kind: str
    definition: str | None = None
    broader: str | None = None
    claims: int
    literature: list[LiteratureRef] = Field(default=[], description="the works the thesis says it comes from")


class Highlight(BaseModel):
    """Where the query matched in a snippet: characters [start, end)."""

    start: int
    end: int


class SearchHit(BaseModel):
    id: str
    type: str = Field(description="the node's kind (label), e.g. Claim, Source, Resolution")
    label: str = Field(description="its name, title or description (a resolution's symbol); never empty")
    score: float
    field: str | None = Field(default=None, description="the property the snippet comes from")
    snippet: str | None = Field(default=None, description="the text around the first match ('…' where cut)")
    highlights: list[Highlight] = Field(default=[], description="every match in the snippet")
    href: str | None = Field(default=None, description="the hit's IRI path, e.g. /claim/c-5-2-3")

    def marked(self) -> list[tuple[str, bool]]:
        """The snippet as (text, is a match) parts: what HTML marks with <mark>."""
        text, parts, at = self.snippet or "", [], 0
        for h in self.highlights:
            parts += [(text[at : h.start], False), (text[h.start : h.end], True)]
            at = h.end
        return [p for p in [*parts, (text[at:], False)] if p[0]]


class SearchPage(Page):
    """One page of hits, best first, of `total`; `facets`: hits per type over the whole query
    (before the `type` filter)."""

    q: str
    type: str | None = None
    facets: dict[str, int]
    items: list[SearchHit]

    def table(self) -> Table:
        rows = [{**h.model_dump(exclude={"highlights"}), "snippet": h.snippet} for h in self.items]
        columns = ["id", "type", "label", "score", "field", "snippet", "href"]
        return Table(columns, rows)

    def html_view(self, base: str) -> HtmlPage:
        return HtmlPage("search.html", f"Search: {self.q}", {"page": self})


def _absent(value: object) -> bool:
    """An expansion not asked for is left out of the answer, which stays as it was without it."""
    return value is None


class Evidence(BaseModel):
    """A claim behind an answer, inline (`expand=evidence`)."""

    id: str
    chapter: int | None = None
    section: str | None = None
    subsection: str | None = None
    line: int | None = Field(default=None, description="line in the thesis text where the claim's passage is")
    text: str = Field(description="our paraphrase of what the thesis says")
    quote: str | None = Field(default=None, description="verbatim excerpt of the thesis")
    interviews: list[Interviewee] = Field(default=[], description="the interviews it cites, with roles")
    literature: list[Ref] = Field(default=[], description="the literature it cites")


class FindingSummary(BaseModel):
    """A conclusion of the thesis: chapter 7 or a chapter's summary or conclusion section."""

    id: str
    chapter: int
    section: str = Field(description="the thesis section, e.g. 7.2 or 5.7")
    line: int = Field(description="first line of the passage in the thesis text")
    last_line: int = Field(description="last line of the passage")
    text: str = Field(description="our paraphrase of the finding")
    quote: str | None = Field(default=None, description="verbatim sentence of the passage that states it")
    research_questions: list[str] = Field(default=[], description="research-question codes it answers (rq1, ...)")
    codes: list[str] = Field(default=[], description="framework codes it is a finding on")
    actors: list[str] = Field(default=[], description="missions and organisations it is about")
    rests_on: list[str] = Field(default=[], description="ids of the claims whose evidence it draws on")
    basis: str | None = Field(default=None, description="why it rests on those claims")


class FindingPage(Page):
    title: ClassVar[str] = "Findings of the thesis"
    segment: ClassVar[str | None] = "finding"
    items: list[FindingSummary]


class FindingDetail(Identified, Provenance):
    id: str
    chapter: int
    last_line: int = Field(description="last line of the passage (`line` is its first)")
    text: str = Field(description="our paraphrase of the finding")
    basis: str | None = Field(default=None, description="why it rests on the claims it names")
    note: str | None = None
    research_questions: list[Ref] = Field(description="the research questions it answers")
    codes: list[Ref] = Field(description="the framework codes it is a finding on")
    actors: list[Ref] = Field(description="the missions and organisations it is about")
    claims: list[Evidence] = Field(description="the claims it rests on, inline, in text order")


class DependencyStep(BaseModel):
    source_actor: str = Field(alias="from", description="the depending actor")
    to: str = Field(description="the actor depended on")
    kind: str = Field(description="power or resource")
    on: str = Field(description="what is depended on: mandate, funding, staff, ...")
    weight: int = Field(description="distinct interviews behind it (0 where the evidence is literature only)")
    evidence: list[str] = Field(description="supporting claim ids")
    interviews: list[str]
    literature: list[str] = []
    claims: list[Evidence] | None = Field(
        default=None, exclude_if=_absent, description="the supporting claims, with expand=evidence (absent without)"
    )

    @computed_field(description=BASIS)  # type: ignore[prop-decorator]
    @property
    def basis(self) -> str:
        return evidence_basis(len(self.interviews), len(self.literature))

    model_config = {"populate_by_name": True}


class DependencyChain(BaseModel):
    actors: list[Ref] = Field(description="from the depending actor to the actor depended on")
    steps: list[DependencyStep]


# Every dependency and centrality answer names its basis, the evidence one too: never mixed silently.
EVIDENCE_BASIS = "evidence: the interview claims' relations"


class Dependencies(BaseModel):
    basis: str = Field(default="evidence", description=EVIDENCE_BASIS)
    actor: Ref
    direction: str
    kind: str | None
    depth: int
    direct: list[DependencyStep] = Field(description="one-step dependencies (chains of length 1)")
    chains: list[DependencyChain] = Field(description="every chain up to `depth`, shortest first")


class MatrixCell(BaseModel):
    weight: int
    on: list[str]
    evidence: list[str]
    claims: list[Evidence] | None = Field(
        default=None, exclude_if=_absent, description="the supporting claims, with expand=evidence (absent without)"
    )


class DependencyMatrix(BaseModel):
    actors: list[Ref]
    kind: str | None
    rows: dict[str, dict[str, MatrixCell]] = Field(description="rows[a][b]: how a depends on b (absent = none)")


class CentralityGraph(BaseModel):
    nodes: int
    edges: int
    relations: list[str]
    kind: str | None
    mission: str | None
    weighting: str


class CentralityScore(BaseModel):
    rank: int
    id: str
    name: str | None = None
    score: float
    claims: list[Evidence] | None = Field(
        default=None,
        exclude_if=_absent,
        description="with expand=evidence: the claims behind the actor's relations in this graph (absent without)",
    )


class Centrality(BaseModel):
    basis: str = Field(default="evidence", description=EVIDENCE_BASIS)
    metric: str
    graph: CentralityGraph = Field(description="the graph the scores were computed on")
    ranking: list[CentralityScore]


class TaskOut(Provenance):
    id: str
    pref_label: str | None = None


class CeilingChange(BaseModel):
    measure: str
    value: int | float
    previous: int | float | None = None
    change: int | float | None = None
    refers_to: str | None = None
    source: str | None = None
    section: str | None = None
    line: int | None = None
    quote: str | None = None


class MandateStep(BaseModel):
    mandate: str
    mission: Ref
    resolution: ResolutionSummary | None = None
    resolution_source: Provenance | None = None
    previous: str | None = None
    ceilings: list[CeilingChange]
    tasks: list[TaskOut] | None = Field(description="tasks the thesis gives for this mandate; null where it gives none")
    tasks_added: list[str] | None = Field(description="tasks not in force before this mandate")
    tasks_removed: list[str] | None = Field(
        description="tasks the source says this mandate ended: none for the thesis, whose mandates list what a "
        "resolution names (carry-forward rule 'accumulates')"
    )
    tasks_not_restated: list[str] | None = Field(
        default=None, description="tasks in force that this mandate does not restate: still in force"
    )
    source: Provenance


class SourceLocator(BaseModel):
    source: str | None = None
    file: str | None = None
    row: int | None = None
    key: str | None = None
    column: str | None = None


class ProjectMatch(BaseModel):
    task: str
    match: str = Field(description="EXACT_MATCH, CLOSE_MATCH, BROAD_MATCH or NARROW_MATCH (skos:exactMatch, ...)")
    reason: str | None = None


class CodedTask(SourceLocator):
    """A task as the source codes it: its own concept, modality and paragraph, and the cell."""

    code: str
    label: str | None = None
    modality: str | None = None
    paragraph: str | None = None
    project: list[ProjectMatch] = []


class MandateActOut(SourceLocator):
    """An act of a resolution on the mission whose mandate evolution this is."""

    act: str
    resolution: int
    evidence: str | None = None


class SourceMandateStep(BaseModel):
    mandate: str
    mission: Ref
    source: SourceLocator
    instrument: str | None = None
    instrument_kind: str | None = None
    resolutions: list[int] = Field(description="the SC resolutions that set it, by number")
    date: str | None = Field(description="adoption date (PEMA) or first month in force (TAMM)")
    chapter_vii: bool | None = None
    acts: list[MandateActOut] = Field(description="what every source says these resolutions did to the mission")
    tasks: list[CodedTask]
    gained: list[str] = Field(description="source task codes gained by this mandate")
    dropped: list[str] = Field(description="source task codes this mandate ended, by the source's carry-forward rule")
    not_restated: list[str] = Field(description="in force, not coded again (rule 'accumulates'; still in force)")
    in_force: list[str]
    project_gained: list[str] = Field(description="the same in the project's task scheme (via SKOS mappings)")
    project_dropped: list[str]
    project_in_force: list[str]
    note: str | None = None


class SourceHistory(BaseModel):
    source: str
    carry_forward: str = Field(description="'accumulates' or 'full-vector'")
    rule: str
    mandates: list[SourceMandateStep]


class StrengthPoint(BaseModel):
    mission: str
    month: str
    measure: str
    value: float
    source: str | None = None


class MandateInForce(BaseModel):
    source: str
    mandate: str
    mission: str
    instrument: str | None = None
    date: str | None = None
    tasks: list[str] = Field(description="in force that day, in the source's own codes (project ids for the thesis)")
    project_tasks: list[str]


class MandateEvolution(BaseModel):
    mission: Ref
    missions: list[Ref] = Field(description="the mission with its predecessors and successors")
    mandates: list[MandateStep] = Field(description="the thesis's mandates (the curated view)")
    sources: list[SourceHistory] = Field(default=[], description="each public source's mandate history")
    strength: list[StrengthPoint] = Field(
        default=[], description="authorised and deployed strength by month, where a value changes (per source)"
    )
    at: str | None = Field(default=None, description="the day asked for with ?at=")
    in_force: list[MandateInForce] | None = Field(default=None, description="per source, the mandate in force at ?at=")
    csv_sources: list[str] = Field(
        default=["thesis"], description="the sources whose mandates the CSV form lists (?source=)"
    )


class NamedQuery(BaseModel):
    name: str
    description: str
    parameters: list[str]
    browser_params: str | None = Field(description="the :param line to paste into Neo4j Browser")
    cypher: str


class CypherRequest(BaseModel):
    query: str = Field(min_length=1, max_length=20_000, description="read-only Cypher")
    parameters: dict[str, Any] = {}
    limit: int = Field(default=1000, ge=1, le=10_000, description="row cap")


class CypherResult(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="more rows were left than the row cap")


# ----------------------------------------------------------- lists of units, posts, figures, ...


class Leader(Provenance):
    """An organisation that leads a unit, with where the source says so."""

    id: str
    name: str | None = None
    acronym: str | None = None


class PostRef(BaseModel):
    id: str
    title: str | None = None


class UnitSummary(BaseModel):
    id: str
    name: str
    kind: str
    mission: str | None = None
    part_of: str | None = Field(default=None, description="the unit it is part of")
    valid_from: str | None = Field(default=None, description="when the unit (and its lead) began, where known")
    valid_to: str | None = None
    led_by: list[Leader] = Field(default=[], description="the organisations that lead it, with their locators")
    heads: list[PostRef] = Field(default=[], description="the posts that head it (e.g. a DSRSG)")
    note: str | None = None


class UnitPage(Page):
    title: ClassVar[str] = "Units of missions"
    segment: ClassVar[str | None] = "unit"
    items: list[UnitSummary]


class PostSummary(Provenance):
    id: str
    title: str
    mission: str | None = None
    heads: str | None = Field(default=None, description="the unit the post heads")
    in_unit: str | None = Field(default=None, description="the unit it sits in without heading it")
    held_with: list[str] = Field(default=[], description="other posts the same person holds (a 'double hat')")
    note: str | None = None


class PostPage(Page):
    title: ClassVar[str] = "Posts in missions"
    segment: ClassVar[str | None] = "post"
    items: list[PostSummary]


class FigureRow(FigureOut):
    owner: str = Field(description="the mission or mandate the figure is of")
    owner_type: str = Field(description="Mission or Mandate")
    mission: str | None = Field(default=None, description="the mission (a mandate's mission)")


class FigurePage(Page):
    title: ClassVar[str] = "Figures: sizes, budgets, ceilings"
    segment: ClassVar[str | None] = "figure"
    items: list[FigureRow]


class SourceSummary(BaseModel):
    id: str
    kind: str
    author: str | None = None
    year: int | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    citation: str | None = None
    claims: int = Field(default=0, description="claims that cite it")
    note: str | None = None


class SourcePage(Page):
    title: ClassVar[str] = "Sources (bibliography)"
    segment: ClassVar[str | None] = "source"
    items: list[SourceSummary]


class StatementRow(StatementOut):
    of: str = Field(description="the record the value is for")
    of_type: str = Field(description="its kind, e.g. Mission")
    values: int = Field(description="how many values the sources give for this field of this record")


class StatementPage(Page):
    title: ClassVar[str] = "Statements: each source's value where sources differ"
    segment: ClassVar[str | None] = "statement"
    items: list[StatementRow]


class TaskSummary(BaseModel):
    id: str
    pref_label: str
    scheme: str | None = Field(default=None, description="the task scheme: the project's (null), pema or tamm")
    definition: str | None = None
    broader: list[str] = []
    alt_labels: list[str] = []
    mandates: int = Field(default=0, description="mandates that include it")


class TaskPage(Page):
    title: ClassVar[str] = "Mandate tasks"
    segment: ClassVar[str | None] = "task"
    items: list[TaskSummary]


class LeftOut(BaseModel):
    name: str = Field(description="as the thesis prints it")
    line: int = Field(description="first line of the thesis it occurs on")
    reason: str = Field(description="why it is no record, or what it is (for a name not yet a record)")


class ChapterCoverage(BaseModel):
    chapter: int
    records: int = Field(description="records, figures and statements whose thesis locator is in this chapter")
    by_kind: dict[str, int] = Field(description="the same, per kind (label)")
    claims: int = Field(description="claims of this chapter (interview and literature)")
    findings: int = Field(description="findings of this chapter (its summary or conclusion; chapter 7's conclusions)")
    other_names: list[str] = Field(description="names the chapter uses for records that have another name")
    left_out: list[LeftOut] = Field(description="names the chapter mentions that are deliberately no record")
    missing: list[LeftOut] = Field(description="organisations, programmes and documents not yet records")


class Coverage(BaseModel):
    chapters: list[ChapterCoverage]
    outside_chapters: dict[str, int] = Field(description="records located outside chapters 1-7 (Appendix 1), per kind")
    not_modelled: list[str] = Field(description="what the graph does not hold, whatever the chapter")


# ---------------------------------------------------------------------------- load-personnel


class ContributionType(BaseModel):
    type: str = Field(description="troops, police, formed_police or experts (IPI)")
    count: int
    men: int | None = None
    women: int | None = None


class ContributionRow(BaseModel):
    """One state's personnel in one mission and period, on one basis: IPI's official monthly count
    (period YYYY-MM, by type) or Geo-PKO's map estimate (period YYYY, summed over locations)."""

    rank: int | None = Field(default=None, description="rank by count within its basis (contributors only)")
    mission: Ref
    state: Ref
    period: str
    basis: str = Field(description="'official monthly count' (IPI) or 'map estimate' (Geo-PKO)")
    count: int = Field(description="people (official) or estimated troops at locations with a known size")
    types: list[ContributionType] = []
    locations: int | None = Field(default=None, description="map estimate: locations listed")
    unknown_sizes: int | None = Field(default=None, description="map estimate: locations without a size")
    source: str
    file: str
    rows: list[int]


class Contributors(BaseModel):
    mission: Ref
    month: str | None = Field(description="the month of the official counts (asked, or the latest of the year)")
    year: int | None = Field(description="the year of the map estimates")
    official: list[ContributionRow] = Field(description="IPI, official monthly count, ranked by count")
    estimates: list[ContributionRow] = Field(description="Geo-PKO, map estimate, ranked by estimated size")


class Contributions(BaseModel):
    organisation: Ref
    official: list[ContributionRow] = Field(description="IPI, per mission and month")
    estimates: list[ContributionRow] = Field(description="Geo-PKO, per mission and year")


class DataDependency(BaseModel):
    source_actor: str = Field(alias="from", description="the mission")
    to: str = Field(description="the state that supplies its personnel")
    kind: str = "resource"
    on: str = "staff"
    share: float = Field(description="the state's share of the mission's personnel in the month")
    count: int
    mission_total: int
    month: str
    basis: str = Field(description="the data behind the share: 'official monthly count'")
    source: str

    model_config = {"populate_by_name": True}


class DataDependencies(BaseModel):
    basis: str = Field(description="data: resource dependency on the states that supply the personnel")
    actor: Ref
    direction: str
    month: str | None
    weighting: str
    edges: list[DataDependency]


class BothDependencies(BaseModel):
    """Both bases side by side, never summed: the evidence answer and the data answer."""

    basis: str = "both"
    evidence: Dependencies
    data: DataDependencies


class DataCentrality(BaseModel):
    basis: str
    month: str | None
    metric: str
    graph: CentralityGraph
    ranking: list[CentralityScore]


class BothCentrality(BaseModel):
    basis: str = "both"
    evidence: Centrality
    data: DataCentrality


class StrengthOut(BaseModel):
    """One Strength node: a ceiling (at its change) or a deployed figure, with its source and locator."""

    id: str
    month: str
    measure: str
    value: float
    source: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    change: str | None = None
    previous: float | None = None
    observer_coding: str | None = None
    observer_evidence: str | None = None
    observer_note: str | None = Field(default=None, description="an unverified coding: not 'the ceiling'")
    troops_without_observers: float | None = None
    military_total: float | None = None
    interpolated: bool | None = None
    outcome: str | None = None
    preferred: bool | None = None
    corroborated_by: str | None = None
    set_by: Ref | None = Field(default=None, description="the resolution adopted when the ceiling changed")


class Witness(BaseModel):
    """A public source's value compared with a thesis figure, with its locator."""

    source: str
    value: float
    month: str = Field(description="the month compared (a ceiling: the first month of the year it was in force)")
    strength: str | None = Field(default=None, description="the Strength node's id")
    file: str | None = None
    row: int | None = None
    column: str | None = None
    corroborated_by: str | None = Field(default=None, description="the second public source of an equal value")


class Corroboration(BaseModel):
    """A thesis figure next to the public sources' values of the same mission, measure and period."""

    figure: FigureOut = Field(description="the thesis's figure, with its locator")
    owner: str = Field(description="the mission or mandate the figure is of")
    measure: str = Field(description="the strength measure compared")
    outcome: str = Field(description="corroborated (a public value equals it) or differs")
    public: list[Witness]
    preferred: str | None = Field(default=None, description="where they differ: the Strength id preferred by `rule`")


class StrengthSeries(BaseModel):
    mission: Ref
    series: list[StrengthOut]
    corroboration: list[Corroboration] = Field(
        default=[], description="the thesis's personnel figures compared with the series"
    )
    rule: str | None = Field(default=None, description="how figures are compared and which value is preferred")
