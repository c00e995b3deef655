"""What routes receive by injection: the reader of the app's one driver, and the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from schema.settings import Settings
from service.graph_reader import GraphReader


def _reader(request: Request) -> GraphReader:
    state = request.app.state
    return GraphReader(state.driver, state.settings.neo4j_database, state.settings.query_timeout_s)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ReaderDep = Annotated[GraphReader, Depends(_reader)]
SettingsDep = Annotated[Settings, Depends(_settings)]
