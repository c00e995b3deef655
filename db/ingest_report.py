"""What `pkgraph ingest` shows a person: a progress bar on a terminal, then a summary table."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ingest.loader import OUTCOMES, LoadSummary
from ingest.public.source_warning import SourceWarning


class WarningList:
    """Prints each source warning as it comes (`warning: <file>, row N: ...`, on stderr, like the
    errors) and counts them, for the closing line."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, warning: SourceWarning) -> None:
        self.count += 1
        print(f"warning: {warning}", file=sys.stderr)

    def print_count(self) -> None:
        if self.count:
            print(f"{self.count} warning(s): read and loaded, but not resolved", file=sys.stderr)


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar over the rows the load writes; silent under --quiet or when not a TTY."""
    if quiet or not sys.stderr.isatty():
        yield lambda _step, _rows, _total: None
        return
    columns = (TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        # The total is known once the load has compared the files with the graph.
        task = progress.add_task("reading the graph", total=None)

        def advance(step: str, rows: int, total: int) -> None:
            progress.update(task, advance=rows, description=step, total=total)

        yield advance


def print_summary(summary: LoadSummary) -> None:
    console = Console()
    if not console.is_terminal:
        print(summary)
        return
    table = Table(title=f"dataset {summary.dataset} {summary.version} loaded ({summary.mode})")
    table.add_column("label / relationship")
    for column in OUTCOMES:
        table.add_column(column, justify="right")
    for name, counts in summary.tally.items():
        # Relationship types are UPPER_CASE, labels are not.
        shown = f"[:{name}]" if name.isupper() else f"(:{name})"
        table.add_row(shown, *(str(counts.get(column, 0)) for column in OUTCOMES))
    console.print(table)
