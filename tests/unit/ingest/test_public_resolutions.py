"""The resolutions adapter on the real files, without Neo4j: the curated dates against the rule,
every warning explained, a malformed record reported as a problem."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_curated_dates_agree_with_the_rule() -> None:
    """The thesis's dates (a month, or none for five of the eight) are the rule's, less precise."""
    import yaml

    from ingest.sources.scres import DataHubResolutions
    from schema.paths import DATA

    reading = DataHubResolutions(DATA).read()
    curated = {r["id"]: r.get("date") for r in yaml.safe_load((DATA / "resolutions.yaml").read_text())}
    preferred = {
        sid.split("-un-psdata")[0]: s.value
        for sid, s in reading.records.kinds["statements"].items()
        if s.field == "date" and s.preferred
    }
    assert set(preferred) == set(curated)
    for node, date in curated.items():
        assert date is None or str(preferred[node]).startswith(date), node
    assert [n for n, d in curated.items() if d is None] == [
        "s-res-1258-1999", "s-res-1565-2004", "s-res-1794-2007", "s-res-1856-2008", "s-res-1925-2010"
    ]  # fmt: skip
    # The Data Hub's resolutions are its own, the curated eight only statements on the curated nodes.
    assert len(reading.records.kinds["resolutions"]) == 2722 - 8


def test_every_warning_is_explained() -> None:
    """No unmapped name: the warnings are the blank seats, the texts without a readable date and the
    acts to missions of data/crosswalk/missions_new.yaml while no source loaded here creates them."""
    from collections import Counter

    from ingest.pipeline import validate
    from ingest.public.missions import excluded_names, new_missions
    from ingest.sources import default_adapters
    from schema.paths import DATA

    validated = validate(default_adapters(DATA))
    kinds: Counter[str] = Counter()
    new = {mission.id for mission in new_missions()}
    excluded = excluded_names()
    for warning in (w for found in validated.warnings.values() for w in found):
        if "blank member name" in warning.message:
            kinds["blank seat"] += 1
        elif warning.locator.file.startswith("cr-unsc/res_en_gold/"):
            kinds["text without a date"] += 1
        elif warning.locator.source == "pema" and warning.message == "no date":
            kinds["PEMA v2 row without a date"] += 1  # the four SOURCE.txt names
        elif warning.locator.source == "pema" and " rows code " in warning.message:
            kinds["PEMA duplicate, resolved by the written rule"] += 1  # UNPROFOR 758/761, MINUJUSTH
        elif "unmapped mission name" in warning.message and warning.message.split("'")[1].casefold() in excluded:
            kinds["a name excluded with its reason"] += 1  # LBB in Passmore and IPI
        elif warning.message.endswith("not in any source loaded; left out"):
            assert warning.message.split("'")[1] in new, warning
            kinds["act to a mission not loaded"] += 1
        else:
            kinds[str(warning)] += 1
    # Until the source that creates them is loaded too (then none is left out).
    from ingest.public.acts import topic_acts
    from ingest.public.dgc_scres import read_dgc

    loaded = validated.records["curated"].ids("missions")
    left_out = [a for a in topic_acts(read_dgc().resolutions) if a.mission is not None and a.mission not in loaded]
    assert kinds == Counter(
        {
            "blank seat": 8,
            "text without a date": 11,
            "act to a mission not loaded": len(left_out),
            "PEMA v2 row without a date": 4,
            "PEMA duplicate, resolved by the written rule": 5,
            "a name excluded with its reason": 2,
        }
    )
    assert len(left_out) in (0, 176)


def test_a_malformed_record_is_a_problem_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A value a reader cannot read: `pkgraph ingest` names file, record and column, exits 2."""
    import json

    from db.cli import main

    folder = tmp_path / "sources" / "un-psdata-dgc-scres"
    folder.mkdir(parents=True)
    record = {"id": 7, "symbol": "S/RES/1(1946)", "title": "Resolution 1 (1946)", "date": 0, "voting_yes": "many"}
    (folder / "DGC-SCRES.json").write_text(json.dumps([record]), encoding="utf-8")
    assert main(["ingest", "--check", str(tmp_path), "--source", "un-psdata-dgc-scres"]) == 2
    err = capsys.readouterr().err
    assert "error: un-psdata-dgc-scres/DGC-SCRES.json: record '7' voting_yes: expected a count" in err
    assert "1 problem(s); nothing was written" in err
