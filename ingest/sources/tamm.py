"""TAMM as a source: one Mandate per (mission, instrument) TAMM codes (`tamm-<mission>-<instrument>`,
e.g. `tamm-unmik-1244`, `tamm-unmik-s-2008-354`), its full task vector as INCLUDES of TAMM's own 49
concepts (scheme `tamm`), located at the first month's row and the task's column, the Chapter VII
flag, and its acts by TAMM's rule (a mission's first mandate establishes it, later ones adjust it;
only Security Council resolutions act)."""

from __future__ import annotations

from ingest import records
from ingest.dataset import Dataset
from ingest.public import Locator
from ingest.public import tamm as reader
from ingest.public.acts import tamm_acts
from ingest.sources import Reading
from ingest.sources.public import MandateSource, code_slug, concept_id, mandate_act
from ingest.sources.public_common import record_locator


def mandate_id(mission: str, instrument: str) -> str:
    return f"tamm-{mission}-{code_slug(instrument)}"


class TammSource(MandateSource):
    id = reader.SOURCE
    files = (reader.FILE,)

    def reading(self) -> Reading:
        dataset = Dataset(self.sources / "tamm", files={"tasks": reader.FILE, "mandates": reader.FILE})
        tamm = reader.read_tamm(self.sources)
        codes = {
            code: (
                Locator(reader.SOURCE, reader.FILE, row=1, column=code),
                f"The task dummy TAMM codes in the column {code} (the header's own name; TAMM's codebook is "
                "not copied here).",
            )
            for code in tamm.task_codes
        }
        dataset.kinds["tasks"] = self.task_concepts("tamm", codes)
        dataset.kinds["mandates"] = _mandates(tamm)
        return Reading(dataset, [], list(tamm.warnings))


def _mandates(tamm: reader.Tamm) -> dict[str, records.Mandate]:
    acts: dict[tuple[str, int | None], list[records.MandateAct]] = {}
    for act in tamm_acts(tamm.mandates):
        acts.setdefault((act.mission or "", act.locator.row), []).append(mandate_act(act))
    out: dict[str, records.Mandate] = {}
    previous: dict[str, str] = {}
    for mandate in sorted(tamm.mandates, key=lambda m: (m.mission, m.first_month)):
        this = mandate_id(mandate.mission, mandate.instrument)
        row = mandate.locator.row
        out[this] = records.Mandate(
            id=this,
            mission=mandate.mission,
            previous=previous.get(mandate.mission),
            coding="tamm",
            resolution_numbers=list(mandate.sc_resolutions),
            instrument=mandate.instrument,
            instrument_kind=mandate.kind,
            date=mandate.first_month,
            chapter_vii=mandate.ch7,
            source=reader.SOURCE,
            locator=record_locator(mandate.locator),
            note=f"TAMM: in force {mandate.first_month} for {len(mandate.months)} month(s)",
            inclusions=[
                records.TaskInclusion(
                    task=concept_id("tamm", code),
                    source=reader.SOURCE,
                    locator=records.Locator(file=reader.FILE, row=row, column=code),
                )
                for code in sorted(mandate.tasks)
            ],
            acts=acts.get((mandate.mission, row), []),
        )
        previous[mandate.mission] = this
    return out
