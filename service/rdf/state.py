"""Per-app linked-data state: the mapper, the SPARQL store, and what is kept per dataset version."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from service.graph_reader import GraphReader
from service.rdf import sparql
from service.rdf.export import FORMATS
from service.rdf.mapping import Mapper


class DumpCache:
    """Whole-dataset serialisations of one dataset version, at most one per RDF format.

    A miss for one format keeps the others (a client alternating Turtle and JSON-LD costs one build
    of each); a new dataset version drops the old version's bodies.
    """

    def __init__(self) -> None:
        self._version: str | None = None
        self._bodies: dict[str, bytes] = {}

    def get(self, version: str | None, key: str) -> bytes | None:
        return self._bodies.get(key) if version == self._version else None

    def put(self, version: str | None, key: str, body: bytes) -> None:
        if key not in FORMATS:
            raise ValueError(f"{key!r} is not an RDF format")
        if version != self._version:
            self._version, self._bodies = version, {}
        self._bodies[key] = body

    def formats(self) -> list[str]:
        return list(self._bodies)


@dataclass
class RdfState:
    mapper: Mapper
    store: sparql.StoreCache = field(default_factory=sparql.StoreCache)
    dumps: DumpCache = field(default_factory=DumpCache)
    # Triples of the export per dataset version, for VoID (counted without building the store).
    triples: dict[str | None, int] = field(default_factory=dict)


def rdf_state(request: Request) -> RdfState:
    state = getattr(request.app.state, "rdf", None)
    if state is None:
        state = RdfState(Mapper(request.app.state.settings.base_iri))
        request.app.state.rdf = state
    assert isinstance(state, RdfState)
    return state


async def dataset_version(graph: GraphReader) -> str | None:
    rows = await graph.read("system/dataset")
    dataset = rows[0]["dataset"] if rows else None
    return str(dataset["version"]) if dataset and dataset.get("version") else None
