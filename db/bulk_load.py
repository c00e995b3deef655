"""The first load of an empty local database through `neo4j-admin database import full`.

A transactional load of the public sources writes ~150,000 elements at a few thousand a second;
the offline importer writes them several times faster. It needs the database stopped and empty,
so it is taken only for the Neo4j this project runs (db.local_server) when its database holds no
node; any other target (a remote server, a database with data) loads transactionally.

Order, so that bad input never stops the server: the sources are read and validated and every
CSV is written and checked (ingest.bulk_import) while the server runs; then the server is
stopped, the importer run, the server started, the schema applied (as `pkgraph schema apply`)
and each source's `:Dataset` node written as a transactional load writes it. A later
`pkgraph ingest` then compares against the imported elements' stamps and writes nothing.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from neo4j import Driver

from db import local_server
from ingest.bulk_import import ImportFiles, write_import_csvs
from ingest.gc_pause import gc_paused
from ingest.loader import LoadSummary, record_version
from ingest.pipeline import Validated, source_loads
from queries import statement
from queries.driver import create_sync_driver
from schema.graph_schema import apply_schema
from schema.settings import Settings

Say = Callable[[str], None]
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# Where a database keeps its files under the home's data/ (each in a folder named after it).
_STORE_PARTS = ("databases", "transactions")
# The lines of the importer's output that name its failure (the exception and its cause).
_ERROR_LINE = re.compile(r"exception|error|caused by|failed", re.IGNORECASE)


@dataclass(frozen=True)
class BulkLoad:
    """What a bulk first load did: a summary per source, and the importer's run and arguments."""

    summaries: list[LoadSummary]
    import_run: local_server.AdminRun
    import_args: list[str]


class BulkLoadFailed(Exception):
    """neo4j-admin refused the import; the message says what it refused. The database is the empty
    one it was before (db.bulk_load restores it)."""


def why_not(settings: Settings, driver: Driver) -> str | None:
    """None when a first load may go through the importer, else why it loads transactionally."""
    target = urlsplit(settings.neo4j_uri)
    if target.hostname not in _LOOPBACK or target.port != settings.db_bolt_port:
        return f"{settings.neo4j_uri} is not the local Neo4j this project runs"
    if not local_server.status(settings).running:
        return f"no Neo4j of this project runs in {settings.db_home}"
    records, _, _ = driver.execute_query(statement("ingest/has_nodes").text, database_=settings.neo4j_database)
    if records[0]["has_nodes"]:
        return f"database {settings.neo4j_database} holds data"
    return None


def csv_folder(settings: Settings) -> Path:
    return settings.db_home / "import" / "pkgraph-bulk"


def bulk_load(
    settings: Settings,
    validated: Validated,
    only: Collection[str] | None = None,
    say: Say | None = None,
    keep_csv: bool = False,
) -> BulkLoad:
    """Load the validated sources (or those in `only`) into the empty local database through the
    importer; the server is running again when this returns or raises."""
    tell = say or (lambda _: None)
    folder = csv_folder(settings)
    tell(f"bulk first load: writing the import files into {folder}")
    with gc_paused():  # every source's rows built and written: see ingest.gc_pause
        files = write_import_csvs(source_loads(validated, only), folder)
    tell(f"bulk first load: {files.elements:,} elements in {len(files.nodes) + len(files.relationships)} files")
    database = settings.neo4j_database
    report = (settings.db_home / "logs" / "import.report").resolve()
    import_args = [
        # --verbose: a refused row comes with its file, line and field (db.bulk_load.importer_error)
        "database", "import", "full", database, "--overwrite-destination=true", "--verbose",
        f"--report-file={report}",
        *files.arguments(),
    ]  # fmt: skip
    tell("bulk first load: stopping Neo4j")
    local_server.stop(settings)
    aside = _set_aside(settings, database)
    done: local_server.AdminRun | None = None
    try:
        tell("bulk first load: neo4j-admin database import full")
        report.unlink(missing_ok=True)  # an earlier import's would be read as this one's
        done = local_server.run_admin(settings, import_args)
        tell(f"bulk first load: imported in {done.seconds:.1f} s")
    finally:
        if done is not None and done.returncode == 0:
            shutil.rmtree(aside, ignore_errors=True)
        else:
            # Failed or interrupted: what the importer half-wrote goes, the empty database it replaced
            # comes back, so the server starts as it was and the next `pkgraph ingest` may try again.
            _put_back(settings, database, aside)
        tell("bulk first load: starting Neo4j")
        local_server.start(settings)
    if done.returncode != 0:
        raise BulkLoadFailed(
            f"neo4j-admin import exited with {done.returncode}: {importer_error(done.output, report)}\n"
            f"Nothing was loaded: database {database} is the empty one it was. Import files kept in {folder}."
        )
    with create_sync_driver(settings) as driver:
        local_server.wait_until_online(driver, database)
        tell("bulk first load: applying the schema (constraints, indexes)")
        apply_schema(driver, database)
        _set_empty_lists(driver, database, files)
        for record in files.versions:
            record_version(driver, database, record)
    if not keep_csv:
        shutil.rmtree(folder, ignore_errors=True)
    return BulkLoad(files.summaries, done, import_args)


def _set_empty_lists(driver: Driver, database: str, files: ImportFiles, batch: int = 5_000) -> None:
    """The empty-list properties the importer left out, set by the ids the schema now indexes."""
    for kind, rows in files.empty_lists.items():
        query = statement(f"ingest/set_{kind[:-1]}_props").text
        for begin in range(0, len(rows), batch):
            chunk = rows[begin : begin + batch]
            records, _, _ = driver.execute_query(query, rows=chunk, database_=database)
            if records[0]["written"] != len(chunk):
                # Every element was just imported from these rows: a miss is a bug, not bad data.
                raise RuntimeError(f"empty lists: {records[0]['written']} of {len(chunk)} {kind} found")


def _set_aside(settings: Settings, database: str) -> Path:
    """Move the (empty) database's store and transaction logs out of the importer's way; returns
    where they went (`--overwrite-destination` would delete them, and a failed import would leave
    a half-written store in their place)."""
    aside = settings.db_home / "data" / ".before-import"
    shutil.rmtree(aside, ignore_errors=True)
    for part in _STORE_PARTS:
        store = settings.db_home / "data" / part / database
        if store.exists():
            (aside / part).mkdir(parents=True)
            store.rename(aside / part / database)
    return aside


def _put_back(settings: Settings, database: str, aside: Path) -> None:
    """Remove what the importer wrote and move the set-aside store back."""
    for part in _STORE_PARTS:
        store = settings.db_home / "data" / part / database
        shutil.rmtree(store, ignore_errors=True)
        if (aside / part / database).exists():
            (aside / part / database).rename(store)
    shutil.rmtree(aside, ignore_errors=True)


def importer_error(output: str, report: Path, lines: int = 8) -> str:
    """What neo4j-admin says it refused: the first lines of its bad-entries report, else the first
    cause its (verbose) output gives with the file, line and field, else its error lines."""
    bad = report.read_text(errors="replace").splitlines()[:lines] if report.exists() else []
    said = output.splitlines()
    starts = [index for index, line in enumerate(said) if line.startswith("Caused by:")]
    cause: list[str] = []
    if starts:
        cause = [said[starts[0]].removeprefix("Caused by:").strip()]
        # The cause's detail lines are indented by spaces; its stack frames by a tab.
        cause += [
            line.strip() for line in itertools.takewhile(lambda line: line.startswith("  "), said[starts[0] + 1 :])
        ]
    errors = [line.strip() for line in said if _ERROR_LINE.search(line)]
    return "\n".join((bad or cause or errors or said[-lines:])[:lines])
