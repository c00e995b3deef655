"""`GET /findings`: the thesis's conclusions (chapter 7, each chapter's summary or conclusion section),
each linked to the research questions it answers, the codes it is on, the actors it is about and the
claims it rests on. One finding is served at its IRI, `/finding/{id}` (service.routers.resources);
`/findings/{id}` redirects there.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse

from schema import registry
from service import models
from service.deps import ReaderDep
from service.formats import LISTING
from service.moved import Id, moved, to_iri
from service.paging import Limit, Offset, list_route, read_page

router = APIRouter(tags=["findings"])
CodeId = Annotated[str | None, Query(pattern=registry.ID_PATTERN, max_length=registry.ID_MAX_LENGTH)]


@list_route(
    router,
    "/findings",
    models.FindingPage,
    LISTING,
    "List the thesis's findings by chapter, research question, code and actor",
    "JSON, CSV or HTML",
)
async def list_findings(
    graph: ReaderDep,
    chapter: Annotated[int | None, Query(ge=1, le=7, description="thesis chapter, 1-7", examples=[7])] = None,
    research_question: Annotated[
        CodeId,
        Query(description="research question (a code), e.g. rq1; rq-central matches rq1-rq3", examples=["rq1"]),
    ] = None,
    code: Annotated[
        CodeId,
        Query(
            description="code id, e.g. resource-dependency; a broader code matches its narrower ones",
            examples=["resource-dependency"],
        ),
    ] = None,
    actor: Annotated[
        CodeId, Query(description="mission or organisation the finding is about, e.g. unsc", examples=["unsc"])
    ] = None,
    q: Annotated[
        str | None,
        Query(min_length=2, max_length=200, description="full text (Lucene syntax)", examples=["double-loop"]),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.FindingPage:
    return await read_page(
        graph,
        "list_findings",
        models.FindingPage,
        {"research_question": "Code", "code": "Code", "actor": "Actor"},
        chapter=chapter,
        research_question=research_question,
        code=code,
        actor=actor,
        q=q,
        offset=offset,
        limit=limit,
    )


@router.get("/findings/{id}", **moved("finding", "id"))
async def finding(request: Request, id: Id) -> RedirectResponse:
    return to_iri("finding", id, request)
