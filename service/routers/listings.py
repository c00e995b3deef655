"""Lists of what missions are made of and what the facts rest on: units (and who leads them), posts,
figures, sources (the bibliography), statements (the values sources dispute) and mandate tasks.

Each is paginated with its total and answers JSON, CSV or HTML (service.formats.LISTING); a filter
value that names no record is a 422. Each item is one resource at its IRI (`/unit/{id}`, ...),
served by service.routers.resources.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from schema import registry
from service import models
from service.deps import ReaderDep
from service.filters import require_known
from service.formats import LISTING
from service.routers.browse import Limit, Offset, _page, one_of

router = APIRouter(tags=["lists"])
RESPONSES = LISTING.responses("JSON, CSV or HTML")
MissionId = Annotated[
    str | None, Query(pattern=registry.ID_PATTERN, description="mission id, e.g. unmik", examples=["unmik"])
]


@router.get(
    "/units", response_model=models.UnitPage, responses=RESPONSES, summary="List mission units and who leads them"
)
@LISTING
async def list_units(
    graph: ReaderDep,
    mission: MissionId = None,
    kind: Annotated[
        str | None, Query(max_length=40, description="pillar, component, department, office, ...", examples=["pillar"])
    ] = None,
    led_by: Annotated[
        str | None,
        Query(
            pattern=registry.ID_PATTERN, description="leading organisation id, e.g. unhcr, osce, eu", examples=["unhcr"]
        ),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.UnitPage:
    await require_known(graph, mission=("Mission", mission), led_by=("Organisation", led_by))
    return await _page(
        graph,
        "list_units",
        models.UnitPage,
        models.UnitSummary,
        mission=mission,
        kind=kind,
        led_by=led_by,
        offset=offset,
        limit=limit,
    )


@router.get("/posts", response_model=models.PostPage, responses=RESPONSES, summary="List posts in missions")
@LISTING
async def list_posts(
    graph: ReaderDep,
    mission: MissionId = None,
    unit: Annotated[
        str | None,
        Query(
            pattern=registry.ID_PATTERN, description="the unit the post heads or sits in", examples=["unmik-pillar-1"]
        ),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.PostPage:
    await require_known(graph, mission=("Mission", mission), unit=("Unit", unit))
    return await _page(
        graph, "list_posts", models.PostPage, models.PostSummary, mission=mission, unit=unit, offset=offset, limit=limit
    )


@router.get(
    "/figures",
    response_model=models.FigurePage,
    responses=RESPONSES,
    summary="List figures (sizes, budgets, ceilings) by mission, measure and year",
)
@LISTING
async def list_figures(
    graph: ReaderDep,
    mission: MissionId = None,
    measure: Annotated[
        str | None, Query(max_length=80, description="e.g. troop-ceiling, budget", examples=["troop-ceiling"])
    ] = None,
    year: Annotated[
        int | None, Query(ge=1900, le=2100, description="the year the figure refers to", examples=[2004])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.FigurePage:
    await require_known(graph, mission=("Mission", mission))
    return await _page(
        graph,
        "list_figures",
        models.FigurePage,
        models.FigureRow,
        mission=mission,
        measure=measure,
        year=year,
        offset=offset,
        limit=limit,
    )


@router.get(
    "/sources",
    response_model=models.SourcePage,
    responses=RESPONSES,
    summary="The bibliography: sources with author, year, title and kind",
)
@LISTING
async def list_sources(
    graph: ReaderDep,
    kind: Annotated[
        str | None,
        Query(max_length=40, description="e.g. thesis, dataset, book, article, document", examples=["dataset"]),
    ] = None,
    author: Annotated[
        str | None, Query(min_length=2, max_length=100, description="part of an author's name", examples=["Autesserre"])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.SourcePage:
    return await _page(
        graph,
        "list_sources",
        models.SourcePage,
        models.SourceSummary,
        kind=kind,
        author=author,
        offset=offset,
        limit=limit,
    )


@router.get(
    "/statements",
    response_model=models.StatementPage,
    responses=RESPONSES,
    summary="Statements: each source's value where sources differ, the preferred one marked with its reason",
)
@LISTING
async def list_statements(
    graph: ReaderDep,
    of: Annotated[
        str | None, Query(pattern=registry.ID_PATTERN, description="the record, e.g. monuc", examples=["monuc"])
    ] = None,
    of_type: Annotated[
        str | None,
        Query(
            pattern=one_of(k.label for k in registry.NODE_KINDS),
            description="the record's kind, e.g. Mission",
            examples=["Mission"],
        ),
    ] = None,
    field: Annotated[
        str | None, Query(max_length=80, description="the field, e.g. start, date, led_by", examples=["start"])
    ] = None,
    preferred: Annotated[
        bool | None, Query(description="only the preferred (true) or the other values", examples=[True])
    ] = None,
    disputed: Annotated[
        bool | None,
        Query(description="only fields with more than one value (true), or with one (false)", examples=[True]),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.StatementPage:
    return await _page(
        graph,
        "list_statements",
        models.StatementPage,
        models.StatementRow,
        of=of,
        of_type=of_type,
        field=field,
        preferred=preferred,
        disputed=disputed,
        offset=offset,
        limit=limit,
    )


@router.get("/tasks", response_model=models.TaskPage, responses=RESPONSES, summary="List mandate tasks")
@LISTING
async def list_tasks(
    graph: ReaderDep,
    scheme: Annotated[
        str | None,
        Query(
            pattern=one_of(["project", *(s.name for s in registry.TASK_SOURCE_SCHEMES)]),
            description="project (the thesis's task scheme) or a public source's own (pema, tamm); all when absent",
            examples=["project"],
        ),
    ] = None,
    mission: MissionId = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.TaskPage:
    await require_known(graph, mission=("Mission", mission))
    return await _page(
        graph,
        "list_tasks",
        models.TaskPage,
        models.TaskSummary,
        scheme=scheme,
        mission=mission,
        offset=offset,
        limit=limit,
    )
