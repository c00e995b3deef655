"""Sources as adapters: each turns its input files into records by kind, behind one interface.

The ingest pipeline (ingest.pipeline) knows sources only through `SourceAdapter`: an `id` (the
`:Dataset` node and the `load` stamp of every element it writes), a `version()` (a content hash of
its input files) and `read()`. The curated YAML in `data/` is the first adapter
(ingest.sources.curated); the public datasets in `data/sources/` plug in the same way, with a
reader of their CSV or JSON (ingest.public) that attaches the provenance to every record itself.

A reader reports what it cannot read as `Problem`s (file, line, record, field) in its `Reading`
rather than raising, so one run lists every problem of every source before anything is written.
What it reads but cannot resolve (an unmapped name, a text without a date) is a `SourceWarning`
(file, row or key, column, message): loaded nonetheless, and listed by `pkgraph ingest`.
References between records are checked by the pipeline over all sources together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ingest.dataset import Dataset, Problem
from ingest.public.source_warning import SourceWarning


@dataclass
class Reading:
    """What one source's files hold: records by kind (each validated on its own), with provenance
    attached, and the problems met on the way.

    `records.files` names the file of each kind for the pipeline's problems (references checked
    across sources); `records.invalid_ids` holds the ids of records that failed, so references to
    them are not reported a second time.
    """

    records: Dataset
    problems: list[Problem] = field(default_factory=list)
    warnings: list[SourceWarning] = field(default_factory=list)


@runtime_checkable
class SourceAdapter(Protocol):
    """One source of records, loaded and versioned on its own."""

    @property
    def id(self) -> str:
        """The `:Dataset` id of this source (for a public dataset, its Source record's id)."""
        ...

    def version(self) -> str:
        """A content hash of the input files: the same files give the same version."""
        ...

    def read(self) -> Reading:
        """Parse the input files into records by kind, each validated on its own."""
        ...


def default_adapters(data: Path) -> list[SourceAdapter]:
    """Every source `pkgraph ingest` loads by default: the curated YAML in `data`, then the public
    datasets (their adapters are added here as they are written)."""
    from ingest.sources.curated import CuratedYaml
    from ingest.sources.pema import PemaSource
    from ingest.sources.personnel import GeoPkoPresence, IpiPersonnel, PassmoreStrength
    from ingest.sources.scmembership import ScMembership
    from ingest.sources.scres import DataHubResolutions
    from ingest.sources.tamm import TammSource

    # Public adapters after the curated one (their mandates and acts link to its records), the
    # resolutions before the mandates (SETS and acts link to them by number). A folder without a
    # public dataset's files (a test fixture, generated data) has only the sources it holds.
    public: list[SourceAdapter] = [
        adapter
        for adapter, folder in (
            (DataHubResolutions(data), "un-psdata-dgc-scres"),
            (ScMembership(data), "un-psdata-scmembership"),
            (PemaSource(data), "pema"),
            (TammSource(data), "tamm"),
            # load-personnel: ceilings, deployed strength, contributions (after the missions and resolutions)
            (PassmoreStrength(data), "passmore-shortfall"),
            (IpiPersonnel(data), "ipi-peacekeeping"),
            (GeoPkoPresence(data), "geo-pko"),
        )
        if (data / "sources" / folder).is_dir()
    ]
    return [CuratedYaml(data), *public]
