"""Browse the graph: missions, organisations, resolutions, interviews, claims, codes, search.

Lists are paginated (`limit`, `offset`) and report the total; every list answers CSV as well.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from neo4j.exceptions import ClientError
from pydantic import BaseModel

from schema import registry
from service import models
from service.deps import ReaderDep
from service.errors import BadInput, NotFound
from service.read_models import details
from service.tabular import CSV_RESPONSE, FormatParam, csv_response, model_rows, wants_csv

router = APIRouter(tags=["browse"])

Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
Id = Annotated[str, Path(pattern=registry.ID_PATTERN, max_length=registry.ID_MAX_LENGTH)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.ErrorBody, "description": "unknown id"}}


async def _page(
    graph: ReaderDep,
    request: Request,
    fmt: str | None,
    query: str,
    page_model: type[models.Page],
    item_model: type[BaseModel],
    **params: Any,
) -> Any:
    """Read one page of a list statement; answer the page as JSON, or its items as CSV."""
    row = (await _read(graph, query, **params))[0]
    items = [item_model(**details.clean(i)) for i in row["items"]]
    if wants_csv(request, fmt):
        rows, columns = model_rows(items)
        return csv_response(rows, columns, query.removeprefix("list_"))
    return page_model(total=row["total"], limit=params["limit"], offset=params["offset"], items=items)


async def _one(graph: ReaderDep, query: str, what: str, **params: Any) -> dict[str, Any]:
    rows = await graph.read(query, **params)
    if not rows:
        raise NotFound(f"no {what} {next(iter(params.values()))!r}")
    return rows[0]


async def _read(graph: ReaderDep, query: str, **params: Any) -> list[dict[str, Any]]:
    """A read; where it takes a full-text `q` (Lucene syntax), a malformed `q` is the caller's error."""
    try:
        return await graph.read(query, **params)
    except ClientError as err:
        message = (err.message or "").lower()
        if params.get("q") is not None and ("fulltext" in message or "parse" in message):
            raise BadInput(f"q is not a valid full-text query: {err.message}") from err
        raise


@router.get("/missions", response_model=models.MissionPage, responses=CSV_RESPONSE, summary="List missions")
async def list_missions(
    graph: ReaderDep,
    request: Request,
    kind: Annotated[str | None, Query(description="e.g. integrated-mission, military-force")] = None,
    territory: Annotated[str | None, Query(description="territory id, e.g. cod")] = None,
    lead: Annotated[str | None, Query(description="leading organisation id, e.g. un, nato")] = None,
    active: Annotated[bool | None, Query(description="only active (true) or ended (false) missions")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: FormatParam = None,
) -> Any:
    return await _page(
        graph,
        request,
        fmt,
        "list_missions",
        models.MissionPage,
        models.MissionSummary,
        kind=kind,
        territory=territory,
        lead=lead,
        active=active,
        offset=offset,
        limit=limit,
    )


@router.get("/missions/{id}", response_model=models.MissionDetail, responses=NOT_FOUND, summary="One mission")
async def mission(graph: ReaderDep, id: Id) -> models.MissionDetail:
    return details.mission(await _one(graph, "mission", "mission", id=id))


@router.get(
    "/organisations", response_model=models.OrganisationPage, responses=CSV_RESPONSE, summary="List organisations"
)
async def list_organisations(
    graph: ReaderDep,
    request: Request,
    kind: Annotated[str | None, Query(description="e.g. un-department, state, ngo")] = None,
    parent: Annotated[str | None, Query(description="parent organisation id, e.g. un-secretariat")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: FormatParam = None,
) -> Any:
    return await _page(
        graph,
        request,
        fmt,
        "list_organisations",
        models.OrganisationPage,
        models.OrganisationSummary,
        kind=kind,
        parent=parent,
        offset=offset,
        limit=limit,
    )


@router.get(
    "/organisations/{id}", response_model=models.OrganisationDetail, responses=NOT_FOUND, summary="One organisation"
)
async def organisation(graph: ReaderDep, id: Id) -> models.OrganisationDetail:
    return details.organisation(await _one(graph, "organisation", "organisation", id=id))


@router.get(
    "/resolutions",
    response_model=models.ResolutionPage,
    responses=CSV_RESPONSE,
    summary="List Security Council resolutions",
)
async def list_resolutions(
    graph: ReaderDep,
    request: Request,
    mission: Annotated[str | None, Query(description="only those concerning this mission")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: FormatParam = None,
) -> Any:
    return await _page(
        graph,
        request,
        fmt,
        "list_resolutions",
        models.ResolutionPage,
        models.ResolutionSummary,
        mission=mission,
        offset=offset,
        limit=limit,
    )


@router.get(
    "/resolutions/{number}",
    response_model=models.ResolutionDetail,
    responses=NOT_FOUND,
    summary="One resolution, by number",
)
async def resolution(graph: ReaderDep, number: Annotated[int, Path(ge=1, le=99999)]) -> models.ResolutionDetail:
    return details.resolution(await _one(graph, "resolution", "resolution", number=number))


@router.get(
    "/interviews", response_model=models.InterviewPage, responses=CSV_RESPONSE, summary="List the anonymised interviews"
)
async def list_interviews(
    graph: ReaderDep,
    request: Request,
    case: Annotated[Literal["drc", "kosovo"] | None, Query(description="the case study; both when absent")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: FormatParam = None,
) -> Any:
    return await _page(
        graph,
        request,
        fmt,
        "list_interviews",
        models.InterviewPage,
        models.InterviewSummary,
        case=case,
        offset=offset,
        limit=limit,
    )


@router.get(
    "/interviews/{id}",
    response_model=models.InterviewDetail,
    responses=NOT_FOUND,
    summary="One interview and the claims citing it",
)
async def interview(graph: ReaderDep, id: Id) -> models.InterviewDetail:
    return details.interview(await _one(graph, "interview", "interview", id=id))


@router.get("/claims", response_model=models.ClaimPage, responses=CSV_RESPONSE, summary="List and filter claims")
async def list_claims(
    graph: ReaderDep,
    request: Request,
    code: Annotated[str | None, Query(description="code id, e.g. power-dependency")] = None,
    interview: Annotated[str | None, Query(description="interview id, e.g. drc-14")] = None,
    mission: Annotated[str | None, Query(description="mission mentioned, or concerned by a cited interview")] = None,
    actor: Annotated[str | None, Query(description="mission or organisation the claim mentions")] = None,
    chapter: Annotated[int | None, Query(ge=1, le=7, description="thesis chapter, 1-7")] = None,
    q: Annotated[str | None, Query(min_length=2, max_length=200, description="full text (Lucene syntax)")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: FormatParam = None,
) -> Any:
    return await _page(
        graph,
        request,
        fmt,
        "list_claims",
        models.ClaimPage,
        models.ClaimSummary,
        code=code,
        interview=interview,
        mission=mission,
        actor=actor,
        chapter=chapter,
        q=q,
        offset=offset,
        limit=limit,
    )


@router.get("/claims/{id}", response_model=models.ClaimDetail, responses=NOT_FOUND, summary="One claim")
async def claim(graph: ReaderDep, id: Id) -> models.ClaimDetail:
    return details.claim(await _one(graph, "claim", "claim", id=id))


@router.get(
    "/codes", response_model=list[models.CodeOut], responses=CSV_RESPONSE, summary="The analytical framework's concepts"
)
async def codes(graph: ReaderDep, request: Request, fmt: FormatParam = None) -> Any:
    items = [models.CodeOut(**row["code"]) for row in await graph.read("codes")]
    if wants_csv(request, fmt):
        rows, columns = model_rows(items)
        return csv_response(rows, columns, "codes")
    return items


@router.get(
    "/search",
    response_model=list[models.SearchHit],
    responses=CSV_RESPONSE,
    summary="Full-text search over names, acronyms and claim text",
)
async def search(
    graph: ReaderDep,
    request: Request,
    q: Annotated[str, Query(min_length=2, max_length=200, description="Lucene syntax, e.g. 'budget AND helicopter*'")],
    limit: Limit = 20,
    fmt: FormatParam = None,
) -> Any:
    hits = [models.SearchHit(**row) for row in await _read(graph, "search", q=q, limit=limit)]
    if wants_csv(request, fmt):
        rows, columns = model_rows(hits)
        return csv_response(rows, columns, "search")
    return hits
