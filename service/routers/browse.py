"""Browse the graph: missions, organisations, resolutions, interviews, claims, codes, search.

Lists are paginated (`limit`, `offset`) and report the total; every list answers CSV as well.
One resource is served at its IRI (service.routers.resources); `/missions/{id}` and the other
plural detail paths answer 308 to it, the query string kept.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse

from schema import registry
from service import models
from service.deps import ReaderDep
from service.filters import require_known
from service.formats import LISTING, TABULAR
from service.moved import Id, moved, to_iri
from service.paging import Limit, Offset, list_route, one_of, read_page
from service.read_models import search as search_model

router = APIRouter(tags=["browse"])

CSV = "JSON, or CSV on request"
CSV_RESPONSES = TABULAR.responses(CSV)


@list_route(router, "/missions", models.MissionPage, TABULAR, "List missions", CSV)
async def list_missions(
    graph: ReaderDep,
    kind: Annotated[str | None, Query(description="e.g. integrated-mission, military-force")] = None,
    territory: Annotated[str | None, Query(description="territory id, e.g. cod")] = None,
    lead: Annotated[str | None, Query(description="leading organisation id, e.g. un, nato")] = None,
    active: Annotated[bool | None, Query(description="only active (true) or ended (false) missions")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.MissionPage:
    return await read_page(
        graph,
        "list_missions",
        models.MissionPage,
        {"territory": "Territory", "lead": "Organisation"},
        kind=kind,
        territory=territory,
        lead=lead,
        active=active,
        offset=offset,
        limit=limit,
    )


@list_route(router, "/organisations", models.OrganisationPage, TABULAR, "List organisations", CSV)
async def list_organisations(
    graph: ReaderDep,
    kind: Annotated[str | None, Query(description="e.g. un-department, state, ngo")] = None,
    parent: Annotated[str | None, Query(description="parent organisation id, e.g. un-secretariat")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.OrganisationPage:
    return await read_page(
        graph,
        "list_organisations",
        models.OrganisationPage,
        {"parent": "Organisation"},
        kind=kind,
        parent=parent,
        offset=offset,
        limit=limit,
    )


@list_route(router, "/resolutions", models.ResolutionPage, TABULAR, "List Security Council resolutions", CSV)
async def list_resolutions(
    graph: ReaderDep,
    mission: Annotated[str | None, Query(description="only those concerning or acting on this mission")] = None,
    year: Annotated[int | None, Query(ge=1946, le=2100, description="adopted in this year")] = None,
    from_year: Annotated[int | None, Query(alias="from", ge=1946, le=2100, description="from this year")] = None,
    to_year: Annotated[int | None, Query(alias="to", ge=1946, le=2100, description="to this year")] = None,
    act: Annotated[
        Literal["establishes", "extends", "adjusts", "terminates"] | None,
        Query(description="only those doing this act (to `mission`, if given)"),
    ] = None,
    subject: Annotated[str | None, Query(max_length=200, description="in the UNBIS topics or subjects")] = None,
    q: Annotated[str | None, Query(max_length=400, description="full-text search of the topic lines (Lucene)")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.ResolutionPage:
    # Checked here, not by read_page: an unknown mission is reported before a topic search is run.
    await require_known(graph, mission=("Mission", mission))
    ids = None
    if q is not None:
        ids = (await graph.read_searching("resolution_topic_search", q=q))[0]["ids"]
    years: dict[str, Any] = {"from": from_year, "to": to_year}  # the statement's names, as the query string's
    return await read_page(
        graph,
        "list_resolutions",
        models.ResolutionPage,
        mission=mission,
        year=year,
        **years,
        act=registry.ACT_TYPES[act] if act else None,
        subject=subject,
        ids=ids,
        offset=offset,
        limit=limit,
    )


@list_route(router, "/interviews", models.InterviewPage, TABULAR, "List the anonymised interviews", CSV)
async def list_interviews(
    graph: ReaderDep,
    case: Annotated[Literal["drc", "kosovo"] | None, Query(description="the case study; both when absent")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.InterviewPage:
    return await read_page(graph, "list_interviews", models.InterviewPage, case=case, offset=offset, limit=limit)


@list_route(router, "/claims", models.ClaimPage, TABULAR, "List and filter claims", CSV)
async def list_claims(
    graph: ReaderDep,
    code: Annotated[
        str | None,
        Query(
            description="code id, e.g. power-dependency; a broader code matches its narrower ones",
            examples=["power-dependency"],
        ),
    ] = None,
    research_question: Annotated[
        str | None,
        Query(description="research question (a code), e.g. rq1; rq-central matches rq1-rq3", examples=["rq1"]),
    ] = None,
    interview: Annotated[str | None, Query(description="interview id, e.g. drc-14", examples=["drc-14"])] = None,
    mission: Annotated[
        str | None, Query(description="mission mentioned, or concerned by a cited interview", examples=["unmik"])
    ] = None,
    actor: Annotated[
        str | None, Query(description="mission or organisation the claim mentions", examples=["unsc"])
    ] = None,
    chapter: Annotated[int | None, Query(ge=1, le=7, description="thesis chapter, 1-7", examples=[5])] = None,
    section: Annotated[
        str | None,
        Query(pattern=r"^\d+(\.\d+)?$", description="thesis section (and its subsections), e.g. 5.2", examples=["5.2"]),
    ] = None,
    subsection: Annotated[
        str | None, Query(pattern=r"^\d+\.\d+\.\d+$", description="thesis subsection, e.g. 6.2.1", examples=["6.2.1"])
    ] = None,
    q: Annotated[
        str | None,
        Query(min_length=2, max_length=200, description="full text (Lucene syntax)", examples=["helicopter*"]),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.ClaimPage:
    return await read_page(
        graph,
        "list_claims",
        models.ClaimPage,
        {"code": "Code", "research_question": "Code", "interview": "Interview", "mission": "Mission", "actor": "Actor"},
        code=code,
        research_question=research_question,
        interview=interview,
        mission=mission,
        actor=actor,
        chapter=chapter,
        section=section,
        subsection=subsection,
        q=q,
        offset=offset,
        limit=limit,
    )


@router.get(
    "/codes",
    response_model=list[models.CodeOut],
    responses=CSV_RESPONSES,
    summary="The analytical framework's concepts",
)
@TABULAR
async def codes(graph: ReaderDep) -> list[models.CodeOut]:
    return [models.CodeOut(**row["code"]) for row in await graph.read("codes")]


@router.get(
    "/search",
    response_model=models.SearchPage,
    responses=LISTING.responses("JSON, CSV or HTML (the matches marked)"),
    summary="Full-text search over every text field of every kind, with snippets and facets",
    description=(
        "Lucene syntax: words (`helicopter`), prefixes (`helicopter*`), phrases in double quotes "
        '(`"Security Council"`), `AND` / `OR` / `NOT`. The fields: names, titles, acronyms, notes, '
        "definitions, summaries, resolution topic lines, claim text, figure and statement quotes, source "
        "authors, titles and citations. A query Lucene cannot parse is a 422."
    ),
)
@LISTING
async def search(
    graph: ReaderDep,
    q: Annotated[
        str,
        Query(
            min_length=2,
            max_length=200,
            description="Lucene syntax, e.g. 'budget AND helicopter*' or '\"integrated mission\"'",
            examples=['"Security Council"', "Autesserre", "helicopter*"],
        ),
    ],
    type: Annotated[
        str | None,
        Query(
            pattern=one_of(registry.search_labels()),
            description="only hits of this kind, e.g. Source, Claim",
            examples=["Source"],
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="page size")] = 20,
    offset: Offset = 0,
) -> models.SearchPage:
    (row,) = await graph.read_searching("search", q=q, type=type, offset=offset, limit=limit)
    return search_model.search_page(row, q, type, limit, offset)


# -- the plural detail paths: 308 to the IRI ----------------------------------------------------


@router.get("/missions/{id}", **moved("mission", "id"))
async def mission(request: Request, id: Id) -> RedirectResponse:
    return to_iri("mission", id, request)


@router.get("/organisations/{id}", **moved("organisation", "id"))
async def organisation(request: Request, id: Id) -> RedirectResponse:
    return to_iri("organisation", id, request)


@router.get("/resolutions/{number}", **moved("resolution", "number"))
async def resolution(request: Request, number: Annotated[int, Path(ge=1, le=99999)]) -> RedirectResponse:
    return to_iri("resolution", str(number), request)


@router.get("/interviews/{id}", **moved("interview", "id"))
async def interview(request: Request, id: Id) -> RedirectResponse:
    return to_iri("interview", id, request)


@router.get("/claims/{id}", **moved("claim", "id"))
async def claim(request: Request, id: Id) -> RedirectResponse:
    return to_iri("claim", id, request)
