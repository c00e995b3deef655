"""The `pkgraph` command: local database, schema, ingest, serve."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ingest.loader import TX_ELEMENTS
from queries.driver import create_sync_driver
from schema.paths import DATA
from schema.settings import Settings, SettingsError, load_settings


def _db(args: argparse.Namespace, settings: Settings) -> int:
    from db import local_server

    if args.action == "start":
        state = local_server.start(settings)
        print(f"neo4j {state.describe(settings)}; browser http://127.0.0.1:{settings.db_http_port}/browser/")
    elif args.action == "stop":
        print("stopped" if local_server.stop(settings) else "was not running")
    else:
        state = local_server.status(settings)
        print(state.describe(settings))
        return 0 if state.running else 3
    return 0


def _schema(_: argparse.Namespace, settings: Settings) -> int:
    from schema.graph_schema import apply_schema

    with create_sync_driver(settings) as driver:
        count = apply_schema(driver, settings.neo4j_database)
    print(f"schema applied ({count} statements)")
    return 0


def _ingest(args: argparse.Namespace, settings: Settings | None) -> int:
    from neo4j.exceptions import DriverError, Neo4jError

    from db.bulk_load import BulkLoadFailed
    from db.ingest_report import WarningList
    from ingest import pipeline
    from ingest.bulk_import import NotImportable
    from ingest.loader import LoadAborted, LoadInProgress
    from ingest.plan import PlanRefused
    from ingest.sources import default_adapters

    every = default_adapters(Path(args.data))
    chosen = [adapter for adapter in every if not args.source or adapter.id in args.source]
    unknown = sorted(set(args.source or ()) - {adapter.id for adapter in every})
    if unknown:
        known = ", ".join(adapter.id for adapter in every)
        print(f"error: unknown source {', '.join(unknown)} (sources: {known})", file=sys.stderr)
        return 2
    warn = WarningList()
    try:
        if args.check:
            others = [adapter for adapter in every if adapter not in chosen]
            validated = pipeline.validate(chosen, pipeline.file_ids(others), warn)
            warn.print_count()
            for source, records in validated.records.items():
                counts = ", ".join(f"{len(by_id)} {kind}" for kind, by_id in records.kinds.items())
                print(f"valid: {counts}" + (f" ({source})" if len(validated.records) > 1 else ""))
            return 0
        assert settings is not None
        from db.bulk_load import bulk_load, why_not
        from db.ingest_report import print_summary, progress_bar
        from schema.graph_schema import apply_schema

        with create_sync_driver(settings) as driver:
            driver.verify_connectivity()  # fails at once, where a first query would retry for 30 s
            apply_schema(driver, settings.neo4j_database)
            reading = [adapter.id for adapter in chosen]
            ids = pipeline.loaded_ids(driver, settings.neo4j_database, reading)
            held = pipeline.held_kinds(driver, settings.neo4j_database, reading)
            validated = pipeline.validate(chosen, ids, warn, held)
            warn.print_count()
            transactional = "--transactional given" if args.transactional else why_not(settings, driver)
        if transactional is None:
            summaries = bulk_load(settings, validated, say=lambda line: print(line, file=sys.stderr)).summaries
        else:
            print(f"transactional load ({transactional})", file=sys.stderr)
            with create_sync_driver(settings) as driver, progress_bar(quiet=args.quiet) as advance:
                summaries = pipeline.write(
                    driver,
                    settings.neo4j_database,
                    validated,
                    progress=advance,
                    tx_elements=args.tx_elements,
                    deletable=_labels(args.delete_kind),
                )
    except pipeline.SourcesInvalid as err:
        warn.print_count()
        for problem in err.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(err.problems)} problem(s); nothing was written", file=sys.stderr)
        return 2
    except PlanRefused as err:
        print(f"error: {err}; nothing of that source was written", file=sys.stderr)
        return 2
    except NotImportable as err:
        print(f"error: {err}; nothing was written", file=sys.stderr)
        return 2
    except (LoadAborted, LoadInProgress, BulkLoadFailed) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except Neo4jError as err:
        print(
            f"error: Neo4j refused the load ({err.code}): {err.message}; nothing of that source was written",
            file=sys.stderr,
        )
        return 1
    except DriverError as err:
        print(f"error: cannot reach Neo4j at {settings.neo4j_uri if settings else '?'}: {err}", file=sys.stderr)
        return 1
    for summary in summaries:
        print_summary(summary)
    return 0


def _labels(kinds: list[str] | None) -> set[str]:
    """`--delete-kind claims` or `--delete-kind Claim`: the labels a load may empty."""
    from schema import registry

    return {registry.KIND_BY_NAME[kind].label if kind in registry.KIND_BY_NAME else kind for kind in kinds or ()}


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from service.app import create_app
    from service.serving import uvicorn_config

    uvicorn.Server(uvicorn_config(create_app(settings), settings, host=args.host, port=args.port)).run()
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from db.rdf_export import export_command

    return export_command(settings, args.format, args.out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pkgraph", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    db = commands.add_parser("db", help="run the local Neo4j resolved from Maven Central")
    db.add_argument("action", choices=["start", "stop", "status"])
    db.set_defaults(handler=_db)

    schema = commands.add_parser("schema", help="apply schema/constraints.cypher (idempotent)")
    schema.add_argument("action", choices=["apply"])
    schema.set_defaults(handler=_schema)

    ingest = commands.add_parser("ingest", help="validate data/ and load what changed into Neo4j, atomically")
    ingest.add_argument("data", nargs="?", default=str(DATA), help="data folder (default: data/)")
    ingest.add_argument("--check", action="store_true", help="validate only; never connects to Neo4j")
    ingest.add_argument(
        "--source",
        action="append",
        metavar="ID",
        help="load only this source (repeatable; default: every source): `curated` is FOLDER's YAML, a public "
        "dataset goes by its Source id",
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar (there is none when not on a terminal)")
    ingest.add_argument(
        "--delete-kind",
        action="append",
        metavar="KIND",
        help="allow the load to delete every record of KIND (e.g. claims) that its files no longer give; "
        "without it, a kind whose file is missing or empty is refused (repeatable)",
    )
    ingest.add_argument(
        "--transactional",
        action="store_true",
        help="load through transactions even into the empty local database (which is otherwise loaded by "
        "neo4j-admin database import, offline)",
    )
    ingest.add_argument(
        "--tx-elements",
        type=int,
        default=TX_ELEMENTS,
        help=f"largest load written in one transaction; larger ones are staged in transactions of this size "
        f"(default {TX_ELEMENTS:,})",
    )
    ingest.set_defaults(handler=_ingest)

    serve = commands.add_parser("serve", help="serve the HTTP API (default 127.0.0.1:8000)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.set_defaults(handler=_serve)

    export = commands.add_parser("export", help="write the graph as RDF (N-Triples streams)")
    export.add_argument("--format", choices=["ttl", "nt", "jsonld", "rdf", "trig"], default="ttl")
    export.add_argument("--out", default=None, help="file to write (default: stdout)")
    export.set_defaults(handler=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from db.local_server import LocalDbError

    try:
        # `ingest --check` validates files only, so it must work without any database settings.
        settings = None if args.command == "ingest" and args.check else load_settings()
        return int(args.handler(args, settings))
    except SettingsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except LocalDbError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
