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
from service.formats import LISTING
from service.paging import Limit, Offset, list_route, one_of, read_page

router = APIRouter(tags=["lists"])
FORMATS = "JSON, CSV or HTML"
MissionId = Annotated[
    str | None, Query(pattern=registry.ID_PATTERN, description="mission id, e.g. unmik", examples=["unmik"])
]


@list_route(router, "/units", models.UnitPage, LISTING, "List mission units and who leads them", FORMATS)
async def list_units(
    graph: ReaderDep,
    mission: MissionId = None,
    kind: Annotated[
        str | None,
        Query(
            pattern=one_of(registry.UNIT_KINDS),
            description=f"the unit's kind, one of: {', '.join(registry.UNIT_KINDS)}",
            examples=["pillar"],
        ),
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
    return await read_page(
        graph,
        "list_units",
        models.UnitPage,
        {"mission": "Mission", "led_by": "Organisation"},
        mission=mission,
        kind=kind,
        led_by=led_by,
        offset=offset,
        limit=limit,
    )


@list_route(router, "/posts", models.PostPage, LISTING, "List posts in missions", FORMATS)
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
    return await read_page(
        graph,
        "list_posts",
        models.PostPage,
        {"mission": "Mission", "unit": "Unit"},
        mission=mission,
        unit=unit,
        offset=offset,
        limit=limit,
    )


@list_route(
    router,
    "/figures",
    models.FigurePage,
    LISTING,
    "List figures (sizes, budgets, ceilings) by mission, measure and year",
    FORMATS,
)
async def list_figures(
    graph: ReaderDep,
    mission: MissionId = None,
    measure: Annotated[
        str | None,
        Query(
            pattern=one_of(registry.FIGURE_MEASURES),
            description="what the figure counts, one of the registry's measures, e.g. troop-ceiling, annual-budget-usd",
            examples=["troop-ceiling"],
        ),
    ] = None,
    year: Annotated[
        int | None, Query(ge=1900, le=2100, description="the year the figure refers to", examples=[2004])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.FigurePage:
    return await read_page(
        graph,
        "list_figures",
        models.FigurePage,
        {"mission": "Mission"},
        mission=mission,
        measure=measure,
        year=year,
        offset=offset,
        limit=limit,
    )


@list_route(
    router,
    "/sources",
    models.SourcePage,
    LISTING,
    "The bibliography: sources with author, year, title and kind",
    FORMATS,
)
async def list_sources(
    graph: ReaderDep,
    kind: Annotated[
        str | None,
        Query(
            pattern=one_of(registry.SOURCE_KINDS),
            description=f"the source's kind, one of: {', '.join(registry.SOURCE_KINDS)}",
            examples=["dataset"],
        ),
    ] = None,
    author: Annotated[
        str | None, Query(min_length=2, max_length=100, description="part of an author's name", examples=["Autesserre"])
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> models.SourcePage:
    return await read_page(
        graph,
        "list_sources",
        models.SourcePage,
        kind=kind,
        author=author,
        offset=offset,
        limit=limit,
    )


@list_route(
    router,
    "/statements",
    models.StatementPage,
    LISTING,
    "Statements: each source's value where sources differ, the preferred one marked with its reason",
    FORMATS,
)
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
    return await read_page(
        graph,
        "list_statements",
        models.StatementPage,
        of=of,
        of_type=of_type,
        field=field,
        preferred=preferred,
        disputed=disputed,
        offset=offset,
        limit=limit,
    )


@list_route(router, "/tasks", models.TaskPage, LISTING, "List mandate tasks", FORMATS)
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
    return await read_page(
        graph,
        "list_tasks",
        models.TaskPage,
        {"mission": "Mission"},
        scheme=scheme,
        mission=mission,
        offset=offset,
        limit=limit,
    )
