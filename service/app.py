"""The FastAPI application: one driver for the app's lifetime, routers, error mapping."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from queries.driver import create_driver
from schema.settings import Settings, get_settings
from service import answer_cache
from service.docs import install_docs
from service.errors import install_handlers
from service.graph_reader import GraphReader
from service.guards import RequestGuards, allowed_hosts
from service.http_cache import HttpCache
from service.http_methods import HttpMethods
from service.openapi import install_openapi
from service.parameters import known_parameters
from service.routers import (
    browse,
    centrality,
    coverage,
    cypher,
    dependencies,
    explore,
    findings,
    guide,
    health,
    listings,
    mandates,
    personnel,
)
from service.routers.assets import mount_static


def create_app(settings: Settings | None = None) -> FastAPI:
    app_settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = app_settings
        # The driver connects lazily, so the service starts (and /health answers) while Neo4j is down.
        app.state.driver = create_driver(app.state.settings)
        reader = GraphReader(app.state.driver, app_settings.neo4j_database, app_settings.query_timeout_s)
        app.state.answers = answer_cache.start(app, reader, app_settings)
        try:
            yield
        finally:
            if app.state.answers is not None:
                await app.state.answers.close()
            await app.state.driver.close()
            linked_data_state = getattr(app.state, "rdf", None)
            if linked_data_state is not None:
                linked_data_state.store.close()  # the SPARQL worker processes and their store

    app = FastAPI(
        title="pkgraph",
        summary="Knowledge graph of UN peacekeeping actors and relations",
        description=(
            "Missions, organisations, mandates, Security Council resolutions and coded interview "
            "claims from the thesis *Destined to Fail? Why do UN integrated missions under-perform?*"
        ),
        version="0.1.0",
        lifespan=lifespan,
        dependencies=[Depends(known_parameters)],  # unknown query parameters are a 422 on every route
        docs_url=None,  # service.docs serves them, from this host
        redoc_url=None,
    )
    install_handlers(app)
    install_openapi(app)
    install_docs(app)
    app.add_middleware(HttpCache)
    app.add_middleware(answer_cache.AnswerCacheMiddleware)  # outside HttpCache: it keeps the tagged answers
    app.add_middleware(HttpMethods)
    app.add_middleware(
        RequestGuards, hosts=allowed_hosts(app_settings), max_body_bytes=app_settings.max_body_bytes
    )
    mount_static(app)
    app.include_router(health.router)
    app.include_router(browse.router)
    app.include_router(listings.router)
    app.include_router(mandates.router)
    app.include_router(dependencies.router)
    app.include_router(centrality.router)
    app.include_router(coverage.router)
    app.include_router(findings.router)
    app.include_router(personnel.router)
    app.include_router(cypher.router)
    app.include_router(explore.router)  # `/` and the pages for people, `/explore/...`
    app.include_router(guide.router)
    # Linked-data IRIs ({base}{type}/{id}) go last: a two-segment pattern would shadow the routes above.
    from service.rdf.router import router as linked_data
    from service.routers import resources  # one route per IRI type, so none shadows another

    app.include_router(linked_data)
    app.include_router(resources.router)
    return app
