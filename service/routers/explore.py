"""The pages for people: the home page `/` and `/explore/...` (see service.explore_paths).

Thin as every route: parameters in, the statements the API routes read (and a few of
`queries/explore/`), a read model, a `PeoplePage` out; the page negotiates HTML or its JSON data.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

from schema import registry
from service.deps import ReaderDep
from service.details import read_detail
from service.errors import NotFound
from service.explore_paths import EXPLORE, PAGE_TYPES, iri_path
from service.formats import HTML, Offer
from service.graph_reader import GraphReader
from service.models import ErrorBody
from service.pages import HOME, PAGE, Download, EntityPage, PeoplePage
from service.paging import Limit, Offset
from service.read_models import contributor_series, facets, mandate_page, mission_timeline
from service.read_models import home as home_model
from service.read_models import network as network_model
from service.read_models import search as api_search
from service.read_models import search_page as search_model
from service.read_models.centrality import Metric
from service.read_models.details import clean
from service.routers.mandates import read_evolution

router = APIRouter(tags=["explore"])
Id = Annotated[str, Path(pattern=registry.ID_PATTERN, max_length=registry.ID_MAX_LENGTH)]


_ID = {"pattern": registry.ID_PATTERN, "max_length": registry.ID_MAX_LENGTH}
CodeFilter = Annotated[str | None, Query(**_ID, description="only claims coded with this code, e.g. power-dependency")]
QuestionFilter = Annotated[
    str | None, Query(**_ID, description="only claims coded with this research question: rq1, rq2 or rq3")
]
InterviewFilter = Annotated[str | None, Query(**_ID, description="only claims citing this interview, e.g. drc-14")]
ActorFilter = Annotated[
    str | None, Query(**_ID, description="only claims mentioning this mission or organisation, e.g. unsc")
]
MissionFilter = Annotated[
    str | None, Query(**_ID, description="only evidence from claims that mention this mission or cite its interviews")
]


def _answers(offer: Offer) -> dict[int | str, dict[str, Any]]:
    """The page's OpenAPI answers: HTML, or its data as a JSON object (what the page shows)."""
    answers = offer.responses("HTML (a browser), or the page's data as JSON")
    answers[200]["content"]["application/json"] = {"schema": {"type": "object", "description": "the page's data"}}
    return {**answers, 404: {"model": ErrorBody, "description": "no such resource"}}


ANSWERS = _answers(PAGE)
# Claims listed on an actor's page; the claims browser pages through the rest.
PAGE_CLAIMS = 50
# Findings listed on an entity page and per page of the findings browser.
PAGE_FINDINGS = 50
FINDINGS_PATH = "/explore/findings"
# (filter parameter, title, facet column of `explore/findings`): the /findings route's filters.
FINDING_FACETS = (
    ("chapter", "Chapter", "chapters"),
    ("research_question", "Research question", "research_questions"),
    ("code", "Code", "codes"),
    ("actor", "About", "actors"),
)
# (filter parameter, title, facet column of `explore/claims`)
CLAIM_FACETS = (
    ("code", "Code", "codes"),
    ("research_question", "Research question", "research_questions"),
    ("interview", "Interview", "interviews"),
    ("chapter", "Chapter", "chapters"),
    ("actor", "Actor mentioned", "actors"),
)
# The organisation kind of a state (its page adds the state's record from the public sources).
STATE_KIND = "state"
JSON_TYPE = "application/json"
CSV_TYPE = "text/csv"
# The personnel sources' route; the page links it where the service has it.
CONTRIBUTORS_ROUTE = "/missions/{id}/contributors"


def _rdf_downloads(segment: str, key: str) -> list[Download]:
    iri = iri_path(segment, key)
    return [
        Download("Linked-data page (every RDF property)", f"{iri}?format=html", HTML.media_type),
        Download("JSON (the API model)", f"{iri}?format=json", "application/json"),
        Download("RDF (Turtle)", f"{iri}?format=ttl", "text/turtle"),
        Download("RDF (JSON-LD)", f"{iri}?format=jsonld", "application/ld+json"),
    ]


async def _claims(graph: GraphReader, **filters: Any) -> dict[str, Any]:
    params: dict[str, Any] = dict.fromkeys(("code", "research_question", "interview", "chapter", "actor", "q"))
    params.update(filters)
    params.setdefault("offset", 0)
    params.setdefault("limit", PAGE_CLAIMS)
    row = (await graph.read_searching("explore/claims", **params))[0]
    row["items"] = [clean(item) for item in row["items"]]
    return row


@router.get(
    "/",
    summary="Home: what the graph holds and a way in for each kind of user",
    responses=_answers(HOME),
    response_model=None,
)
@HOME
async def home(graph: ReaderDep) -> PeoplePage:
    missions, counts, datasets = await asyncio.gather(
        graph.read("list_missions", kind=None, territory=None, lead=None, active=None, offset=0, limit=500),
        graph.read("rdf/counts"),
        graph.read("system/datasets"),
    )
    data = home_model.home(counts[0], [row["dataset"] for row in datasets], [clean(m) for m in missions[0]["items"]])
    downloads = [
        Download("This page's data (JSON)", "/?format=json", "application/json"),
        Download("Readiness, dataset versions (JSON)", "/ready", "application/json"),
        Download("Whole graph (Turtle)", "/rdf?format=ttl", "text/turtle"),
        Download("Dataset description (VoID)", "/.well-known/void", "text/turtle"),
    ]
    return PeoplePage("home.html", "What the graph holds", data, downloads)


async def _mission(graph: GraphReader, id: str, request: Request) -> PeoplePage:
    # Independent reads, so at once: the page waits for the slowest, not for their sum.
    detail, evolution, claim_rows, relations, contributors, findings = await asyncio.gather(
        read_detail(graph, "mission", id),
        read_evolution(graph, id),
        graph.read_searching(
            "list_claims",
            code=None,
            research_question=None,
            interview=None,
            mission=id,
            actor=None,
            chapter=None,
            section=None,
            subsection=None,
            q=None,
            offset=0,
            limit=PAGE_CLAIMS,
        ),
        _relations(graph, id),
        graph.read("mission_contributors_series", mission=id, top=contributor_series.TOP),
        _findings(graph, actor=id),
    )
    claims = claim_rows[0]
    over_time = contributor_series.contributors_over_time(contributors[0])
    has_contributors = any(getattr(r, "path", None) == CONTRIBUTORS_ROUTE for r in request.app.routes)
    data = {
        "segment": "mission",
        "detail": detail,
        "timeline": mission_timeline.timeline(evolution),
        "missions": evolution.missions,
        "relations": relations,
        "claims": {"total": claims["total"], "items": [clean(c) for c in claims["items"]]},
        "contributors": CONTRIBUTORS_ROUTE.replace("{id}", id) if has_contributors else None,
        "contributors_over_time": over_time,
        "findings": _findings_about(findings, "actor", id),
    }
    downloads = [
        *_rdf_downloads("mission", id),
        Download("Mandate evolution (JSON)", f"/missions/{id}/mandate-evolution", "application/json"),
        Download(
            "Mandate evolution (CSV, every source)",
            f"/missions/{id}/mandate-evolution?format=csv&source=all",
            "text/csv",
        ),
        Download("Its claims (CSV)", f"/claims?mission={id}&format=csv&limit=500", "text/csv"),
        Download("Authorised and deployed strength (CSV)", f"/missions/{id}/strength?format=csv", "text/csv"),
        *_contributor_downloads(id, over_time),
    ]
    return PeoplePage(
        "mission.html", detail.model_dump().get("acronym") or detail.model_dump()["name"], data, downloads
    )


def _contributor_downloads(mission: str, over_time: dict[str, Any]) -> list[Download]:
    """The contributors route for the latest month with an official count and the latest estimated year."""
    route = CONTRIBUTORS_ROUTE.replace("{id}", mission)
    found = []
    if over_time["total"]:
        month = over_time["total"][-1]["date"]
        found += [
            Download(f"Contributors in {month} (JSON)", f"{route}?at={month}", "application/json"),
            Download(f"Contributors in {month} (CSV)", f"{route}?at={month}&format=csv", "text/csv"),
        ]
    years = [row["period"] for row in over_time["estimates_table"]["rows"]]
    if years:
        found.append(Download(f"Contributors in {years[-1]} (CSV)", f"{route}?year={years[-1]}&format=csv", "text/csv"))
    return found


async def _relations(graph: GraphReader, actor: str) -> list[dict[str, Any]]:
    rows = await graph.read("explore/actor_relations", id=actor)
    for row in rows:
        row["title"] = network_model.RELATION_TITLES[row["type"]]
        row["other"]["href"] = (
            f"/explore/{'mission' if row['other']['mission'] else 'organisation'}/{row['other']['id']}"
        )
    return rows


async def _state(graph: GraphReader, id: str) -> dict[str, Any] | None:
    """A state's own record from the public sources: ISO code, Council seats, personnel it sent."""
    rows = await graph.read("explore/state", id=id)
    return rows[0] if rows else None


async def _mandate(graph: GraphReader, id: str, request: Request) -> PeoplePage:
    found = await graph.read("explore/mandate", id=id)
    if not found:
        raise NotFound(f"no mandate {id!r}")
    mandate = found[0]
    evolution = await read_evolution(graph, mandate["mission"])
    data = mandate_page.mandate_page(evolution, id, mandate["coding"], mandate["corresponding"])
    mission = mandate["mission"]
    downloads = [
        *_rdf_downloads("mandate", id),
        Download("Its mission's mandate evolution (JSON)", f"/missions/{mission}/mandate-evolution", JSON_TYPE),
        Download(
            "Its mission's mandate evolution (CSV, every source)",
            f"/missions/{mission}/mandate-evolution?format=csv&source=all",
            CSV_TYPE,
        ),
        Download("Its mission's tasks (CSV)", f"/tasks?mission={mission}&format=csv&limit=500", CSV_TYPE),
    ]
    numbers = ", ".join(f"S/RES/{n}" for n in data["resolutions"]) or "no resolution"
    name = evolution.mission.acronym or evolution.mission.name or mission
    return PeoplePage("mandate.html", f"{name} mandate ({numbers})", data, downloads)


async def _detail_data(graph: GraphReader, segment: str, key: str) -> tuple[dict[str, Any], str]:
    """A resource's API model (service.details) as page data, and the page's title."""
    detail: BaseModel = await read_detail(graph, segment, key)
    fields = detail.model_dump(by_alias=True)
    title = fields.get("acronym") or fields.get("name") or fields.get("symbol") or f"{PAGE_TYPES[segment]} {key}"
    return {"segment": segment, "detail": fields}, str(title)


def _detail(segment: str) -> Callable[[GraphReader, str, Request], Awaitable[PeoplePage]]:
    """The page of a kind whose API model is all it shows."""

    async def build(graph: GraphReader, key: str, request: Request) -> PeoplePage:
        data, title = await _detail_data(graph, segment, key)
        return PeoplePage("detail.html", title, data, _rdf_downloads(segment, key))

    return build


async def _claim(graph: GraphReader, id: str, request: Request) -> PeoplePage:
    """Its API model and the findings that rest on it."""
    (data, title), findings = await asyncio.gather(_detail_data(graph, "claim", id), _findings(graph, claim=id))
    # The browser filters by what /findings filters by; a claim's findings are all on this page.
    data["findings"] = {"total": findings["total"], "items": findings["items"], "href": None}
    return PeoplePage("detail.html", title, data, _rdf_downloads("claim", id))


async def _organisation(graph: GraphReader, id: str, request: Request) -> PeoplePage:
    """Its API model, its relations and claims and, for a state, its record from the public sources."""
    # Read at once, the state's record too: asking for it costs less than waiting for the kind first.
    (data, title), relations, claims, state, findings = await asyncio.gather(
        _detail_data(graph, "organisation", id),
        _relations(graph, id),
        _claims(graph, actor=id),
        _state(graph, id),
        _findings(graph, actor=id),
    )
    data.update(
        relations=relations,
        claims=claims,
        state=state if data["detail"]["kind"] == STATE_KIND else None,
        findings=_findings_about(findings, "actor", id),
    )
    downloads = [
        *_rdf_downloads("organisation", id),
        Download("Its claims (CSV)", f"/claims?actor={id}&format=csv&limit=500", CSV_TYPE),
    ]
    if data["state"] and (data["state"]["official"] or data["state"]["estimates"]):
        route = f"/organisations/{id}/contributions"
        downloads += [
            Download("Its personnel contributions (JSON)", route, JSON_TYPE),
            Download("Its personnel contributions (CSV)", f"{route}?format=csv", CSV_TYPE),
        ]
    return PeoplePage("detail.html", title, data, downloads)


@router.get(
    "/explore/actor/{id}",
    summary="An actor's page: 307 to the mission's or organisation's page",
    status_code=307,
    response_class=RedirectResponse,
    include_in_schema=False,  # a link of the pages (claims and relations name actors by id), not an API
)
async def actor_page(graph: ReaderDep, id: Id) -> RedirectResponse:
    # Claims and relations name actors by id alone; this is where such a link finds the right page.
    found = await graph.read("actors", ids=[id])
    if not found:
        raise NotFound(f"no mission or organisation {id!r}")
    segment = "mission" if "Mission" in found[0]["labels"] else "organisation"
    return RedirectResponse(f"/explore/{segment}/{id}", status_code=307)


async def _code(graph: GraphReader, id: str, request: Request) -> PeoplePage:
    code = next((row["code"] for row in await graph.read("codes") if row["code"]["id"] == id), None)
    if code is None:
        raise NotFound(f"no code {id!r}")
    claims, findings = await asyncio.gather(_claims(graph, code=id), _findings(graph, code=id))
    data = {"segment": "code", "code": code, "claims": claims, "findings": _findings_about(findings, "code", id)}
    downloads = [
        *_rdf_downloads("code", id),
        Download("Its claims (CSV)", f"/claims?code={id}&format=csv&limit=500", "text/csv"),
    ]
    return PeoplePage("code.html", code["pref_label"], data, downloads)


async def _findings(graph: GraphReader, **filters: Any) -> dict[str, Any]:
    """One page of `explore/findings` (the /findings route's filters, and a claim they rest on)."""
    params: dict[str, Any] = dict.fromkeys(("chapter", "research_question", "code", "actor", "claim", "q"))
    params.update(filters)
    params.setdefault("offset", 0)
    params.setdefault("limit", PAGE_FINDINGS)
    row: dict[str, Any] = (await graph.read_searching("explore/findings", **params))[0]
    return row


def _findings_about(found: dict[str, Any], filter_name: str, key: str) -> dict[str, Any]:
    """The "findings about this" of an entity page: their total, the first page, the browser's link."""
    return {
        "total": found["total"],
        "items": found["items"],
        "href": facets.facet_href(FINDINGS_PATH, {}, filter_name, key),
    }


async def _finding(graph: GraphReader, id: str, request: Request) -> PeoplePage:
    data, _ = await _detail_data(graph, "finding", id)
    detail = data["detail"]
    downloads = [
        *_rdf_downloads("finding", id),
        Download(
            f"Findings of chapter {detail['chapter']} (CSV, API)",
            f"/findings?chapter={detail['chapter']}&format=csv&limit=500",
            CSV_TYPE,
        ),
        Download("Its claims (JSON, inline in the API model)", f"/finding/{id}?format=json", JSON_TYPE),
    ]
    return PeoplePage("finding.html", f"Finding of section {detail['section']} ({id})", data, downloads)


async def _source(graph: GraphReader, id: str, request: Request) -> PeoplePage:
    found = await graph.read("explore/source", id=id)
    if not found:
        raise NotFound(f"no source {id!r}")
    source = found[0]["source"]
    data = {"segment": "source", "source": source, "claims": found[0]["claims"]}
    return PeoplePage("source.html", source.get("title") or id, data, _rdf_downloads("source", id))


# One entry per type with a page for people: its URL /explore/{segment}/{key}, its summary in the
# API documentation, and what reads it (service.explore_paths.PAGE_TYPES names the same types).
ENTITY_PAGES: tuple[EntityPage, ...] = (
    EntityPage("mission", "A mission's page: mandate timeline, relations, claims", _mission),
    EntityPage("organisation", "An organisation's or state's page", _organisation),
    EntityPage("resolution", "A Security Council resolution's page", _detail("resolution"), key="number"),
    EntityPage("interview", "An interview's page and the claims citing it", _detail("interview")),
    EntityPage("claim", "A claim's page: its text, coding and the relations it evidences", _claim),
    EntityPage(
        "mandate",
        "A mandate's page: its resolutions, tasks with their sources' locators, ceilings in force",
        _mandate,
    ),
    EntityPage("code", "A code of the framework and the claims coded with it", _code),
    EntityPage(
        "finding",
        "A finding of the thesis: its quote and locator, research questions, codes, actors, the claims it rests on",
        _finding,
    ),
    EntityPage("source", "A source: what it is, its licence, the claims citing it", _source),
)
if {page.segment for page in ENTITY_PAGES} != set(PAGE_TYPES):
    raise RuntimeError("service.explore_paths.PAGE_TYPES and ENTITY_PAGES name different types")
Number = Annotated[int, Path(ge=1, le=99999)]


def _entity_route(page: EntityPage) -> None:
    """`GET /explore/{segment}/{key}`, negotiated as every page is (PAGE)."""
    if page.key == "number":

        async def by_number(request: Request, graph: ReaderDep, number: Number) -> PeoplePage:
            return await page.build(graph, str(number), request)

        endpoint: Callable[..., Awaitable[PeoplePage]] = by_number
    else:

        async def by_id(request: Request, graph: ReaderDep, id: Id) -> PeoplePage:
            return await page.build(graph, id, request)

        endpoint = by_id
    # The name FastAPI derives the operation id from, as when each page was a function of its own.
    endpoint.__name__ = endpoint.__qualname__ = f"{page.segment}_page"
    router.get(
        f"{EXPLORE}/{page.segment}/{{{page.key}}}", summary=page.summary, responses=ANSWERS, response_model=None
    )(PAGE(endpoint))


for _page in ENTITY_PAGES:
    _entity_route(_page)


@router.get(
    "/explore/network",
    summary="The actor network: relations, evidence, centrality",
    responses=ANSWERS,
    response_model=None,
)
@PAGE
async def network_page(
    graph: ReaderDep,
    mission: MissionFilter = None,
    metric: Annotated[Metric, Query(description="the centrality metric that sizes the nodes")] = "pagerank",
) -> PeoplePage:
    data = network_model.network(await graph.read("explore/network", mission=mission), metric)
    data["mission"] = mission
    query = f"&mission={mission}" if mission else ""  # an id: its pattern allows no character to escape
    downloads = [
        Download("This network (JSON)", f"/explore/network?format=json&metric={metric}{query}", "application/json"),
        Download("Centrality ranking (CSV)", f"/centrality?format=csv&metric={metric}{query}", "text/csv"),
        Download(
            "Dependency matrix of the ten most central (JSON)",
            "/dependencies/matrix?actors=" + ",".join(n["id"] for n in data["nodes"][:10]),
            "application/json",
        ),
    ]
    return PeoplePage("network.html", "Actor network", data, downloads)


@router.get("/explore/claims", summary="The claims browser, with facets", responses=ANSWERS, response_model=None)
@PAGE
async def claims_page(
    graph: ReaderDep,
    code: CodeFilter = None,
    research_question: QuestionFilter = None,
    interview: InterviewFilter = None,
    actor: ActorFilter = None,
    chapter: Annotated[int | None, Query(ge=1, le=7, description="thesis chapter, 1-7")] = None,
    q: Annotated[str | None, Query(min_length=2, max_length=200, description="full text (Lucene syntax)")] = None,
    limit: Limit = PAGE_CLAIMS,
    offset: Offset = 0,
) -> PeoplePage:
    filters = {
        "code": code,
        "research_question": research_question,
        "interview": interview,
        "actor": actor,
        "chapter": chapter,
        "q": q,
    }
    found = await _claims(graph, **filters, offset=offset, limit=limit)
    chosen = {name: value for name, value in filters.items() if value is not None}
    facet_rows = [(name, title, found.pop(key)) for name, title, key in CLAIM_FACETS]
    data = {
        "filters": chosen,
        "offset": offset,
        "limit": limit,
        **found,
        "facets": [facets.facet("/explore/claims", chosen, name, title, rows) for name, title, rows in facet_rows],
        "next": facets.facet_href("/explore/claims", {**chosen, "offset": offset + limit}, "limit", str(limit))
        if offset + limit < found["total"]
        else None,
    }
    # /claims filters on every facet but the research question (a code: ?code= filters on it there).
    api = {name: value for name, value in chosen.items() if name != "research_question"}
    downloads = [
        Download("These claims (CSV, API)", "/claims?" + urlencode({**api, "format": "csv", "limit": 500}), "text/csv")
    ]
    return PeoplePage("claims.html", "Claims", data, downloads)


@router.get(
    FINDINGS_PATH,
    summary="The findings browser: the thesis's conclusions, with facets",
    responses=ANSWERS,
    response_model=None,
)
@PAGE
async def findings_page(
    graph: ReaderDep,
    chapter: Annotated[int | None, Query(ge=1, le=7, description="thesis chapter, 1-7")] = None,
    research_question: QuestionFilter = None,
    code: Annotated[
        str | None, Query(**_ID, description="only findings on this code or a narrower one, e.g. resource-dependency")
    ] = None,
    actor: Annotated[
        str | None, Query(**_ID, description="only findings about this mission or organisation, e.g. unsc")
    ] = None,
    q: Annotated[str | None, Query(min_length=2, max_length=200, description="full text (Lucene syntax)")] = None,
    limit: Limit = PAGE_FINDINGS,
    offset: Offset = 0,
) -> PeoplePage:
    filters = {"chapter": chapter, "research_question": research_question, "code": code, "actor": actor, "q": q}
    found = await _findings(graph, **filters, offset=offset, limit=limit)
    chosen = {name: value for name, value in filters.items() if value is not None}
    facet_rows = [(name, title, found.pop(key)) for name, title, key in FINDING_FACETS]
    data = {
        "filters": chosen,
        "offset": offset,
        "limit": limit,
        **found,
        "facets": [facets.facet(FINDINGS_PATH, chosen, name, title, rows) for name, title, rows in facet_rows],
        "next": facets.facet_href(FINDINGS_PATH, {**chosen, "offset": offset + limit}, "limit", str(limit))
        if offset + limit < found["total"]
        else None,
    }
    api = urlencode({**chosen, "limit": 500})
    downloads = [
        Download("These findings (JSON, API)", f"/findings?{api}", JSON_TYPE),
        Download("These findings (CSV, API)", f"/findings?{api}&format=csv", CSV_TYPE),
    ]
    return PeoplePage("findings.html", "Findings", data, downloads)


@router.get(
    "/explore/search",
    summary="Search names, acronyms and claim text, with facets by type",
    responses=ANSWERS,
    response_model=None,
)
@PAGE
async def search_page(
    graph: ReaderDep,
    q: Annotated[str | None, Query(min_length=2, max_length=200, description="Lucene syntax")] = None,
    type: Annotated[str | None, Query(max_length=40, description="only hits of this type (a node label)")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="hits read")] = 100,
) -> PeoplePage:
    data: dict[str, Any] = {"hits": [], "total": 0, "facets": []}
    if q:
        (row,) = await graph.read_searching("search", q=q, type=type, offset=0, limit=limit)
        data = search_model.search_results(api_search.search_page(row, q, type, limit, 0))
    data.update({"q": q, "type": type})
    rows = [{"value": f["value"], "label": f["value"], "count": f["count"]} for f in data.pop("facets")]
    data["facets"] = [facets.facet("/explore/search", {"q": q, "type": type}, "type", "Type", rows)]
    downloads = []
    if q:
        downloads.append(
            Download("These hits (CSV, API)", "/search?" + urlencode({"q": q, "format": "csv"}), "text/csv")
        )
    return PeoplePage("search.html", f"Search: {q}" if q else "Search", data, downloads)
