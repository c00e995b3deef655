"""PEMA as a source: one Mandate per (mission, resolution) PEMA codes (`pema-<mission>-<number>`),
its tasks as INCLUDES of PEMA's own 41 concepts (scheme `pema`) with modality and operative
paragraph(s), and its acts from PEMA's flags (renewal -> extends, adjustments -> adjusts).

The preferred row of each (mission, resolution) gives the mandate (duplicate rule in
ingest.public.pema); every row's flags give acts, each with its own row and column. Duplicates and
unmapped names come back as warnings.
"""

from __future__ import annotations

from ingest import records
from ingest.dataset import Dataset
from ingest.public import Locator
from ingest.public import pema as reader
from ingest.public.acts import pema_acts
from ingest.public.source_warning import SourceWarning
from ingest.sources import Reading
from ingest.sources.public import MandateSource, concept_id, mandate_act
from ingest.sources.public_common import record_locator


class PemaSource(MandateSource):
    id = reader.SOURCE
    files = (reader.V12, reader.V2)

    def reading(self) -> Reading:
        dataset = Dataset(self.sources / "pema", files={"tasks": reader.V12, "mandates": reader.V12})
        pema = reader.read_pema(self.sources)
        codes = reader.task_codes(self.sources)
        concept_codes = {
            code: (
                _header(columns[0]),
                f"The task PEMA codes in the columns {', '.join(columns)} (the header's own name; PEMA's codebook "
                "is not copied here).",
            )
            for code, columns in codes.items()
        }
        dataset.kinds["tasks"] = self.task_concepts("pema", concept_codes)
        dataset.kinds["mandates"] = _mandates(pema)
        warnings = list(pema.warnings) + [
            SourceWarning(
                d.preferred,
                f"{len(d.rows)} rows code {d.mission} {d.resolution}: rows "
                f"{', '.join(str(r.row) for r in d.rows)}; preferred row {d.preferred.row} ({d.rule})",
            )
            for d in pema.duplicates
        ]
        return Reading(dataset, [], warnings)


def _header(column: str) -> Locator:
    file, _, name = column.partition(":")
    return Locator(reader.SOURCE, f"pema/{file}", row=1, column=name)


def _mandates(pema: reader.Pema) -> dict[str, records.Mandate]:
    acts: dict[tuple[str, int], list[records.MandateAct]] = {}
    for act in pema_acts(pema.mandates):
        if act.mission is None:
            continue
        acts.setdefault((act.mission, act.resolution), []).append(mandate_act(act))
    out: dict[str, records.Mandate] = {}
    previous: dict[str, str] = {}
    for mandate in sorted(pema.mandates, key=lambda m: (m.mission, m.resolution)):
        row = mandate.preferred
        mandate_id = f"pema-{mandate.mission}-{mandate.resolution}"
        others = [w.locator for w in mandate.witnesses[1:]]
        out[mandate_id] = records.Mandate(
            id=mandate_id,
            mission=mandate.mission,
            previous=previous.get(mandate.mission),
            coding="pema",
            resolution_numbers=[mandate.resolution],
            instrument=row.signature,
            instrument_kind="sc-resolution",
            date=row.date.isoformat() if row.date else None,
            source=reader.SOURCE,
            locator=record_locator(row.locator),
            note=f"PEMA {row.version}; also coded in {', '.join(map(str, others))}"
            if others
            else f"PEMA {row.version}",
            inclusions=[
                records.TaskInclusion(
                    task=concept_id("pema", cell.task),
                    modality=cell.modality,
                    paragraph=cell.paragraphs,
                    source=reader.SOURCE,
                    locator=record_locator(cell.locator),
                )
                for cell in row.tasks
            ],
            acts=acts.get((mandate.mission, mandate.resolution), []),
        )
        previous[mandate.mission] = mandate_id
    return out
