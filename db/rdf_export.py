"""`pkgraph export`: the graph as RDF into a file or stdout, by the same code as `GET /rdf`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import BinaryIO

from queries.driver import create_driver
from schema.settings import Settings
from service.rdf.export import FORMATS, collect, ntriples_chunks, quad_pages, serialise
from service.rdf.mapping import Mapper


async def _export(settings: Settings, key: str, out: BinaryIO) -> int:
    """Writes the export; returns the number of bytes written. N-Triples streams, as over HTTP."""
    mapper = Mapper(settings.base_iri)
    written = 0
    async with create_driver(settings) as driver:
        pages = quad_pages(driver, settings.neo4j_database, mapper)
        if key == "nt":
            async for chunk in ntriples_chunks(pages):
                written += out.write(chunk)
        else:
            written += out.write(serialise(await collect(pages), FORMATS[key], mapper.base))
    out.flush()
    return written


def export_command(settings: Settings, key: str, out_path: str | None) -> int:
    if out_path is None:
        asyncio.run(_export(settings, key, sys.stdout.buffer))
        return 0
    path = Path(out_path)
    with path.open("wb") as out:
        written = asyncio.run(_export(settings, key, out))
    print(f"wrote {written:,} bytes of {FORMATS[key].media_type} to {path}", file=sys.stderr)
    return 0
