"""Whole rendered answers per dataset version, served from memory (issue 15).

`AnswerCacheMiddleware` (middleware.py) keeps the 200 answers of the allow-listed route families
(routes.py), keyed by dataset version, path, normalised query and Accept, in a store bounded in
bytes (store.py); the version is read from the `:Dataset` nodes (version.py); a background task
computes the known answers at start-up and after each new version (warm.py). `start` makes one
for an app (None when `PKGRAPH_CACHE_BYTES=0`).
"""

from __future__ import annotations

from starlette.types import ASGIApp

from schema.settings import Settings
from service.answer_cache.middleware import AnswerCacheMiddleware
from service.answer_cache.state import AnswerCache
from service.answer_cache.warm import WarmUp
from service.graph_reader import GraphReader

__all__ = ["AnswerCache", "AnswerCacheMiddleware", "start"]


def start(app: ASGIApp, reader: GraphReader, settings: Settings) -> AnswerCache | None:
    if settings.cache_bytes == 0:
        return None

    async def read_version() -> str:
        rows = await reader.read("system/dataset_versions")
        return str(rows[0]["version"]) if rows else ""

    cache = AnswerCache(settings.cache_bytes, read_version, settings.cache_check_ms / 1000)
    if settings.cache_warm:
        cache.start_warming(WarmUp(app))
    return cache
