"""What `pkgraph ingest` shows a person: a progress bar on a terminal, then a summary table."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ingest.loader import LoadSummary


@contextmanager
def progress_bar(total: int, quiet: bool) -> Iterator[Callable[[str, int], None]]:
    """A rich progress bar over `total` graph elements; silent under --quiet or when not a TTY."""
    if quiet or not sys.stderr.isatty():
        yield lambda _step, _rows: None
        return
    columns = (TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("writing", total=total)

        def advance(step: str, rows: int) -> None:
            progress.update(task, advance=rows, description=step)

        yield advance


def print_summary(summary: LoadSummary) -> None:
    console = Console()
    if not console.is_terminal:
        print(summary)
        return
    table = Table(title=f"dataset {summary.version} loaded in one transaction")
    table.add_column("label / relationship")
    table.add_column("written", justify="right")
    for label, n in sorted(summary.nodes.items()):
        table.add_row(f"(:{label})", str(n))
    for rel, n in sorted(summary.edges.items()):
        table.add_row(f"[:{rel}]", str(n))
    table.add_row("removed (no longer in the files)", f"{summary.deleted_nodes} nodes, {summary.deleted_edges} rels")
    console.print(table)
