"""Response models: they are the API's contract and what /docs shows."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str = Field(description="always 'ok' while the process serves requests")


class Neo4jInfo(BaseModel):
    name: str
    version: str
    edition: str
    uri: str
    database: str


class SchemaState(BaseModel):
    applied: bool = Field(description="every constraint and index of schema/constraints.cypher is online")
    expected: int
    online: int
    missing: list[str]


class DatasetInfo(BaseModel):
    version: str = Field(description="content hash of the loaded data files")
    loaded_at: str
    counts: dict[str, int] = Field(default={}, description="records loaded per kind")


class GraphCounts(BaseModel):
    nodes: int
    relationships: int


class Ready(BaseModel):
    status: str = Field(description="'ready' when Neo4j answers and the schema is applied")
    neo4j: Neo4jInfo
    schema_: SchemaState = Field(alias="schema")
    dataset: DatasetInfo | None = Field(description="null until a first ingest")
    counts: GraphCounts

    model_config = {"populate_by_name": True}


class ErrorBody(BaseModel):
    error: str
    detail: object
