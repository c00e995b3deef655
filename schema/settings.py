"""One settings object for the service, the command line and the local Neo4j.

Values come from the environment, then from `.env` in the working directory. There is no default
password: `make run` generates one into `.env` the first time, and tests generate their own.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from schema.paths import PROJECT_ROOT


def _env(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

    neo4j_uri: str = Field("neo4j://127.0.0.1:7687", validation_alias=_env("NEO4J_URI"))
    neo4j_user: str = Field("neo4j", validation_alias=_env("NEO4J_USER"))
    neo4j_password: SecretStr = Field(validation_alias=_env("NEO4J_PASSWORD"), min_length=8)
    neo4j_database: str = Field("neo4j", validation_alias=_env("NEO4J_DATABASE"))

    api_host: str = Field("127.0.0.1", validation_alias=_env("PKGRAPH_API_HOST"))
    api_port: int = Field(8000, ge=1, le=65535, validation_alias=_env("PKGRAPH_API_PORT"))
    base_iri: str = Field(
        "http://127.0.0.1:8000/", pattern=r"^https?://.+/$", validation_alias=_env("PKGRAPH_BASE_IRI")
    )
    # Host names the API answers for besides loopback and the base IRI's host (comma-separated).
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias=_env("PKGRAPH_ALLOWED_HOSTS")
    )
    max_body_bytes: int = Field(1_000_000, ge=1024, validation_alias=_env("PKGRAPH_MAX_BODY_BYTES"))
    query_timeout_s: float = Field(10.0, gt=0, validation_alias=_env("PKGRAPH_QUERY_TIMEOUT"))
    # Whole rendered answers kept in memory per dataset version (service/answer_cache); 0 turns it off.
    cache_bytes: int = Field(256 * 2**20, ge=0, validation_alias=_env("PKGRAPH_CACHE_BYTES"))
    # How old a read of the dataset version may be when an answer is served from the cache: 0 reads
    # it for every request (concurrent requests share one read), so a commit shows on the next request.
    cache_check_ms: int = Field(0, ge=0, validation_alias=_env("PKGRAPH_CACHE_CHECK_MS"))
    # Answers computed in the background at start and after each new version, so no client waits.
    cache_warm: bool = Field(True, validation_alias=_env("PKGRAPH_CACHE_WARM"))
    # A request head (request line and headers) must arrive within this; then the connection is closed.
    header_timeout_s: float = Field(10.0, gt=0, validation_alias=_env("PKGRAPH_HEADER_TIMEOUT"))
    # Bolt connections the service holds at most; when all are busy a request waits 5 s, then 503.
    neo4j_pool_size: int = Field(100, ge=1, validation_alias=_env("PKGRAPH_NEO4J_POOL_SIZE"))

    # The local Neo4j that `pkgraph db` runs (not used when NEO4J_URI points elsewhere). Its home is in
    # the project folder: the checkout, or the working directory of an installed pkgraph (schema/paths.py).
    db_home: Path = Field(PROJECT_ROOT / ".pkgraph" / "neo4j", validation_alias=_env("PKGRAPH_DB_HOME"))
    db_cache: Path = Field(Path.home() / ".cache" / "pkgraph", validation_alias=_env("PKGRAPH_DB_CACHE"))
    db_bolt_port: int = Field(7687, ge=1, le=65535, validation_alias=_env("PKGRAPH_DB_BOLT_PORT"))
    db_http_port: int = Field(7474, ge=1, le=65535, validation_alias=_env("PKGRAPH_DB_HTTP_PORT"))
    db_heap: str = Field("1g", pattern=r"^\d+[kmg]$", validation_alias=_env("PKGRAPH_DB_HEAP"))
    db_pagecache: str = Field("512m", pattern=r"^\d+[kmg]$", validation_alias=_env("PKGRAPH_DB_PAGECACHE"))
    db_start_timeout_s: float = Field(180.0, gt=0, validation_alias=_env("PKGRAPH_DB_START_TIMEOUT"))

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [host.strip() for host in value.split(",") if host.strip()]
        return value


class SettingsError(Exception):
    """Settings are missing or invalid; the message names each variable."""


def load_settings() -> Settings:
    try:
        return Settings()  # values come from the environment and .env
    except ValidationError as err:
        lines = []
        for error in err.errors():
            name = _env_name(str(error["loc"][0])) if error["loc"] else "?"
            if error["type"] == "missing":
                lines.append(f"{name} is not set (export it, or run `make run` once to write .env)")
            else:
                lines.append(f"{name}: {error['msg']}")
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines)) from None


def _env_name(loc: str) -> str:
    field = Settings.model_fields.get(loc)
    alias = field.validation_alias if field else None
    return str(alias.choices[0]) if isinstance(alias, AliasChoices) else loc.upper()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
