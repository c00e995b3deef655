"""Source `un-psdata-dgc-scres`: every Security Council resolution (1-2722), from the Data Hub's
DGC-SCRES.json with the CR-UNSC link tables and texts and PEMA's dates as witnesses.

One adapter for the Data Hub and CR-UNSC: CR-UNSC gives no resolution of its own, only two
properties of each (the Digital Library links) and one date witness (its texts' headers), so the
resolution node is the Data Hub's and CR-UNSC's values are attached to it with their own provenance
(statements of source `cr-unsc` for the dates; the link tables are keyed by the number itself).

Per resolution: number, symbol, year, title, topic line, votes (counts or unanimous), meeting,
UNBIS topics, subjects, links, and the date: `resolution_dates.reconcile_all` over the Data Hub's
date, the text header (CR-UNSC) and PEMA's dates; every witness is a Statement (field `date`), the
rule's choice `preferred`, its reason on each. Acts from the topic lines (`acts.acts_from_topic`)
are ESTABLISHES / EXTENDS / ADJUSTS / TERMINATES relationships to the missions the crosswalk
resolves, the topic line as `quote`.

The resolutions of data/resolutions.yaml stay the curated source's nodes: for those numbers this
source writes its values as Statements linked to the curated node (HAS_STATEMENT), and its acts
from that node; it never writes the node itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest import records
from ingest.dataset import Dataset, Link, Problem
from ingest.public import Locator, cr_unsc, pema
from ingest.public.acts import topic_acts
from ingest.public.dgc_scres import FILE, SOURCE, DgcResolution, read_dgc
from ingest.public.missions import excluded_names, resolve_mission, topic_acronyms
from ingest.public.resolution_dates import Reconciled, reconcile_all
from ingest.public.source_warning import SourceWarning
from ingest.sources import Reading
from ingest.sources.public_common import PublicSource, curated, record_locator
from schema.registry import ACT_TYPES


def resolution_id(number: int, year: int) -> str:
    """The id scheme of data/resolutions.yaml: `s-res-1279-1999`."""
    return f"s-res-{number}-{year}"


class DataHubResolutions(PublicSource):
    id = SOURCE

    def inputs(self) -> list[Path]:
        return [
            self.sources / FILE,
            self.sources / cr_unsc.RECORD_TABLE,
            self.sources / cr_unsc.VOTING_TABLE,
            self.sources / cr_unsc.TEXTS,
            self.sources / pema.V12,
            self.sources / pema.V2,
            self.data / "crosswalk",
            self.data / "resolutions.yaml",
        ]

    def reading(self) -> Reading:
        dgc = read_dgc(self.sources)
        texts = cr_unsc.read_texts(self.sources)
        record_links = {link.number: link for link in cr_unsc.read_links(cr_unsc.RECORD_TABLE, self.sources)}
        voting_links = {link.number: link for link in cr_unsc.read_links(cr_unsc.VOTING_TABLE, self.sources)}
        pema_read = pema.read_pema(self.sources)
        dates = {r.number: r for r in reconcile_all(dgc.resolutions, texts.headers, pema.witnesses(pema_read))}
        mine = {r["number"]: r["id"] for r in curated(self.data, "resolutions") if isinstance(r.get("number"), int)}

        dataset = Dataset(self.sources, files={"resolutions": FILE, "statements": FILE})
        resolutions: dict[str, records.Resolution] = {}
        statements: dict[str, records.Statement] = {}
        warnings: list[SourceWarning] = [*dgc.warnings, *texts.warnings]
        problems: list[Problem] = []
        node_of: dict[int, str] = {}
        for resolution in dgc.resolutions:
            reconciled = dates[resolution.number]
            witnessed = _date_statements(reconciled)
            fields = _fields(resolution, reconciled, record_links, voting_links)
            if resolution.number in mine:
                node = mine[resolution.number]
                for index, statement in enumerate([*witnessed, *_value_statements(resolution, fields)], start=1):
                    statement_id = f"{node}-{SOURCE}-statement-{index}"
                    statements[statement_id] = statement
                    dataset.links.append(
                        Link(
                            "HAS_STATEMENT",
                            ("resolutions", node),
                            ("statements", statement_id),
                            statement_locator(statement),
                        )
                    )
            else:
                node = resolution_id(resolution.number, resolution.year)
                resolutions[node] = records.Resolution(
                    id=node,
                    source=SOURCE,
                    locator=record_locator(resolution.locator),
                    statements=witnessed,
                    **fields,
                )
            node_of[resolution.number] = node
        for act in topic_acts(dgc.resolutions):
            if act.mission is None:
                continue  # reported below, with every other unmapped acronym of the topic lines
            dataset.links.append(
                Link(
                    ACT_TYPES[act.act],
                    ("resolutions", node_of[act.resolution]),
                    ("missions", act.mission),
                    act.locator,
                    {"quote": act.evidence, "act": act.act, "name": act.name},
                    optional=True,
                )
            )
        warnings += _unmapped_acronyms(dgc.resolutions)
        dataset.kinds = {"resolutions": resolutions, "statements": statements}
        return Reading(dataset, problems, warnings)


def statement_locator(statement: records.Statement) -> Locator:
    where = statement.locator
    return Locator(statement.source, where.file or "", where.row, where.key, where.column)


def _fields(
    resolution: DgcResolution,
    reconciled: Reconciled,
    record_links: dict[int, cr_unsc.Link],
    voting_links: dict[int, cr_unsc.Link],
) -> dict[str, Any]:
    votes = resolution.votes
    record_link = record_links.get(resolution.number)
    voting_link = voting_links.get(resolution.number)
    fields: dict[str, Any] = {
        "number": resolution.number,
        "year": resolution.year,
        "date": reconciled.preferred.date.isoformat() if reconciled.preferred else None,
        "symbol": resolution.canonical_symbol,
        "title": resolution.title or None,
        "topic": resolution.description,
        "meeting": resolution.meeting,
        "unbis_topics": list(resolution.topics),
        "subjects": resolution.subjects,
        "un_data_hub": resolution.url,
        "un_digital_library": record_link.url if record_link else None,
        "un_voting_record": voting_link.url if voting_link else None,
    }
    if votes is not None:
        fields |= {
            "unanimous": votes.unanimous,
            "votes_yes": votes.yes,
            "votes_no": votes.no,
            "votes_abstain": votes.abstain,
        }
    return fields


def _date_statements(reconciled: Reconciled) -> list[records.Statement]:
    """Every witness of the date, the rule's choice preferred; the reason on each says the rule."""
    return [
        records.Statement(
            field="date",
            value=witness.date.isoformat(),
            preferred=witness is reconciled.preferred,
            reason=reconciled.reason,
            source=witness.source,
            locator=record_locator(witness.locator),
        )
        for witness in reconciled.witnesses
    ]


# The fields a curated resolution gets as statements (its node holds the thesis's values).
_STATED = ("symbol", "topic", "meeting", "unanimous", "votes_yes", "votes_no", "votes_abstain", "un_data_hub")
_COLUMNS = {
    "topic": "description",
    "un_data_hub": "url",
    "meeting": "meeting_number",
    "unanimous": "voting_yes",
    "votes_yes": "voting_yes",
    "votes_no": "voting_no",
    "votes_abstain": "voting_abstain",
}


def _value_statements(resolution: DgcResolution, fields: dict[str, Any]) -> list[records.Statement]:
    out = []
    for name in _STATED:
        value = fields.get(name)
        if value is None:
            continue
        column = _COLUMNS.get(name, name)
        where = Locator(SOURCE, resolution.locator.file, key=resolution.locator.key, column=column)
        out.append(records.Statement(field=name, value=value, source=SOURCE, locator=record_locator(where)))
    return out


def _unmapped_acronyms(resolutions: tuple[DgcResolution, ...]) -> list[SourceWarning]:
    """Every acronym of a topic line that no crosswalk rule resolves and no exclusion explains."""
    excluded = excluded_names()
    out = []
    for resolution in resolutions:
        for acronym in dict.fromkeys(topic_acronyms(resolution.description or "")):
            if resolve_mission(acronym, SOURCE) is None and " ".join(acronym.split()).casefold() not in excluded:
                where = Locator(SOURCE, resolution.locator.file, key=resolution.locator.key, column="description")
                out.append(SourceWarning(where, f"mission acronym {acronym!r} is not in the missions crosswalk"))
    return out
