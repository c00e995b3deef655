"""The Security Council resolution readers against the real copied files, and the date rule."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from ingest.public import SOURCES, Locator, SourceFileError
from ingest.public.cr_unsc import RECORD_TABLE, VOTING_TABLE, header_date, read_links, read_texts
from ingest.public.dgc_scres import FILE as DGC_FILE
from ingest.public.dgc_scres import DgcRead, Votes, read_dgc
from ingest.public.mojibake import repair
from ingest.public.resolution_dates import (
    DATASET,
    PLACEHOLDER,
    Witness,
    dgc_witness,
    reconcile,
    reconcile_all,
    text_witness,
)
from schema.paths import DATA

pytestmark = pytest.mark.unit

PEMA_V2 = "pema/PEMA_raw_v2.csv"
PEMA_V12 = "pema/PEMA_Feb22_v1.2.csv"


@pytest.fixture(scope="module")
def dgc() -> DgcRead:
    return read_dgc()


def pema(number: int, day: date, file: str, row: int) -> Witness:
    return Witness(number, day, "pema", Locator("pema", file, row=row, column="Date2"), DATASET)


def test_all_2722_resolutions_and_the_skipped_kinds(dgc: DgcRead) -> None:
    assert len(dgc.resolutions) == 2722
    assert {r.number for r in dgc.resolutions} == set(range(1, 2723))
    assert dgc.skipped == {"S/PRST": 1072, "S": 506, "S/AC": 273, "S/C": 2}
    assert len(dgc.resolutions) + sum(dgc.skipped.values()) == 4575
    assert dgc.warnings == ()


def test_monuc_establishment(dgc: DgcRead) -> None:
    monuc = dgc.by_number()[1279]
    assert monuc.symbol == "S/RES/1279(1999)"
    assert monuc.canonical_symbol == "S/RES/1279 (1999)"
    assert monuc.date == date(1999, 11, 30)
    assert monuc.description == (
        "on establishment of the UN Organization Mission in the Democratic Republic of the Congo (MONUC)"
    )
    assert monuc.votes == Votes(unanimous=True)
    assert str(monuc.votes) == "adopted unanimously"
    assert monuc.meeting == 4076
    assert monuc.subjects == "UN ORGANIZATION MISSION IN THE DEMOCRATIC REPUBLIC OF THE CONGO"
    assert "PEACEKEEPING OPERATIONS" in monuc.topics
    assert monuc.url == "http://digitallibrary.un.org/record/384901"
    assert monuc.locator == Locator("un-psdata-dgc-scres", DGC_FILE, key="10441")


def test_votes_meetings_and_symbol_spacing(dgc: DgcRead) -> None:
    by_number = dgc.by_number()
    assert by_number[475].votes == Votes(False, 12, 0, 3)  # "12", 0.0, 3.0
    assert by_number[2123].symbol == "S/RES/2123 (2013)"
    assert by_number[1020].meeting == 3592  # "3592 meeting", without the ordinal suffix
    assert by_number[317].votes is None
    assert by_number[317].meeting is None
    assert sum(r.votes is None for r in dgc.resolutions) == 206
    assert sum(bool(r.votes and r.votes.unanimous) for r in dgc.resolutions) == 2026


def test_mojibake_repaired_with_the_raw_value_kept(dgc: DgcRead) -> None:
    assert repair("CÃ”TE D'IVOIRE") == "CÔTE D'IVOIRE"
    assert repair("Côte d'Ivoire") == "Côte d'Ivoire"  # already right: the round trip fails, left alone
    assert repair("TÃœRKÄ°YE") == "TÜRKİYE"
    repaired = [r for r in dgc.resolutions if r.raw]
    assert len(repaired) == 105
    unoci = next(
        r for r in dgc.resolutions if r.description == "on establishment of the UN Operation in Côte d'Ivoire (UNOCI)"
    )
    raw = "on establishment of the UN Operation in C\u00c3\u00b4te d'Ivoire (UNOCI)"  # as the file writes it
    assert ("description", raw) in unoci.raw
    assert not any("Ã" in (r.description or "") + " ".join(r.topics) + (r.subjects or "") for r in dgc.resolutions)


def test_duplicate_resolution_keeps_the_first(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    (folder / "un-psdata-dgc-scres").mkdir(parents=True)
    records = json.loads((SOURCES / DGC_FILE).read_text(encoding="utf-8"))
    first = next(r for r in records if r["symbol"] == "S/RES/1279(1999)")
    records.append({**first, "id": 99999, "symbol": "S/RES/1279 (1999)", "description": "a second copy"})
    (folder / DGC_FILE).write_text(json.dumps(records), encoding="utf-8")
    read = read_dgc(folder)
    assert len(read.resolutions) == 2722
    assert read.by_number()[1279].description.startswith("on establishment")  # type: ignore[union-attr]
    assert tuple(map(str, read.warnings)) == (
        f"{DGC_FILE}, record 99999: repeats S/RES/1279 of record 10441; the first is kept",
    )


def test_bad_values_name_file_record_and_column(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    (folder / "un-psdata-dgc-scres").mkdir(parents=True)
    record = {"id": 7, "symbol": "S/RES/1(1946)", "title": "Resolution 1 (1946)", "date": 0, "voting_yes": "many"}
    (folder / DGC_FILE).write_text(json.dumps([record]), encoding="utf-8")
    with pytest.raises(SourceFileError, match=r"DGC-SCRES.json, record 7, column 'voting_yes': expected a count"):
        read_dgc(folder)


def test_link_tables() -> None:
    records = read_links(RECORD_TABLE)
    votes = read_links(VOTING_TABLE)
    assert [link.number for link in records] == list(range(1, 2723))
    assert [link.number for link in votes] == list(range(1, 2723))
    assert records[0].url == "https://digitallibrary.un.org/record/111946"
    assert votes[-1].url == "https://digitallibrary.un.org/record/4033397?ln=en"
    assert records[0].locator == Locator("cr-unsc", RECORD_TABLE, row=2, column="url_record")


def test_link_table_repeated_number_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    (folder / "cr-unsc").mkdir(parents=True)
    (folder / RECORD_TABLE).write_text(
        "res_no,url_record\n1,https://digitallibrary.un.org/record/1\n1,https://digitallibrary.un.org/record/2\n"
    )
    with pytest.raises(SourceFileError, match=r"row 3, column 'res_no': resolution 1 repeats row 2"):
        read_links(RECORD_TABLE, folder)


def test_text_headers_in_their_real_forms() -> None:
    texts = read_texts()
    assert texts.files == 902
    assert len(texts.headers) == 891
    by_number = texts.by_number()
    assert by_number[350].date == date(1974, 5, 31)  # "Resolution 350 (1974)\nof 31 May 1974"
    assert by_number[1].date == date(1946, 1, 25)  # "1 (1946) Resolution of 25 January 1946"
    assert by_number[50].date == date(1948, 5, 29)  # "50 (1948). Resolution of 29 May 1948"
    assert (by_number[899].date, by_number[899].meeting) == (
        date(1994, 3, 4),
        3343,
    )  # "Adopted ... 3343rd meeting,\non 4 March 1994"
    assert by_number[883].date == date(1993, 11, 11)  # a bare date under the title
    assert by_number[851].date == date(1993, 7, 15)  # the file opens with the end of another document
    assert by_number[811].date == date(1993, 3, 12)
    assert by_number[350].locator == Locator("cr-unsc", "cr-unsc/res_en_gold/S_RES_0350_1974_EN_GOLD.txt", row=2)
    warned = {w.locator.file.rsplit("/", 1)[1][6:10] for w in texts.warnings}
    # OCR damage left as it is (226, 638, 687, 801, 856), no date at all (462), damaged titles (290, 361, 434),
    # and texts titled as another resolution (542 holds 538, 778 is titled 773)
    assert warned == {"0226", "0290", "0361", "0434", "0462", "0542", "0638", "0687", "0778", "0801", "0856"}


def test_header_date_ignores_dates_before_the_title_and_in_the_body() -> None:
    text = (
        "of 1 May 1990\n\nResolution 5 (1991)\nof 2 June 1991\n\n"
        "The Security Council,\nRecalling its resolution of 3 July 1991"
    )
    assert header_date(text, 5, 1991) == (date(1991, 6, 2), None, 4)
    assert header_date("Resolution 5 (1991)\nof 14 October £991\n\nThe Security Council,", 5, 1991) is None


def test_a_copy_of_another_resolution_gives_no_date(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES / "cr-unsc" / "res_en_gold", folder / "cr-unsc" / "res_en_gold")
    texts = read_texts(folder)
    assert 542 not in texts.by_number()
    assert 538 in texts.by_number()


# --- the date rule, on the known disagreements of the SOURCE.txt files ---


def test_811_text_header_wins_over_the_data_hub(dgc: DgcRead) -> None:
    hub = dgc_witness(dgc.by_number()[811])
    assert hub.date == date(1992, 3, 12)  # DGC-SCRES: wrong year
    text = text_witness(read_texts().by_number()[811])
    # PEMA_raw_v2.csv line 214: "S/RES/811,UNAVEM II,Angola,1993,12-Mar-93"
    pema_v2 = pema(811, date(1993, 3, 12), PEMA_V2, 214)
    preferred, reason = reconcile([hub, text, pema_v2], 1993)
    assert preferred == text
    assert reason.startswith("the resolution's own text header: 1993-03-12")
    assert "un-psdata-dgc-scres gives 1992-03-12, not in 1993" in reason


def test_999_and_1739_no_agreement_falls_back_to_the_data_hub(dgc: DgcRead) -> None:
    # PEMA_raw_v2.csv line 184: "S/RES/999,UNMOT,Tajikistan,1995,16-Jun-95"
    preferred, reason = reconcile([dgc_witness(dgc.by_number()[999]), pema(999, date(1995, 6, 16), PEMA_V2, 184)], 1995)
    assert preferred is not None
    assert preferred.date == date(1995, 5, 30)
    assert "differs: pema 1995-06-16" in reason
    # PEMA_raw_v2.csv line 342 "10-Jan-07" and PEMA_Feb22_v1.2.csv line 149 "10/01/2007": one source, one vote
    witnesses = [
        dgc_witness(dgc.by_number()[1739]),
        pema(1739, date(2007, 1, 10), PEMA_V2, 342),
        pema(1739, date(2007, 1, 10), PEMA_V12, 149),
    ]
    preferred, reason = reconcile(witnesses, 2007)
    assert preferred is not None
    assert preferred.date == date(2007, 1, 9)
    assert reason.startswith("the Data Hub's date")


def test_pema_day_month_swaps_do_not_win(dgc: DgcRead) -> None:
    # PEMA_raw_v2.csv line 165: "S/RES/2410 (2018),MINUJUSTH,Haiti,2018,04-Oct-18" (= 10 Apr 2018 swapped)
    # PEMA_raw_v2.csv line 168: "S/RES/2466 (2019),MINUJUSTH,Haiti,2019,04-Dec-19" (= 12 Apr 2019 swapped)
    # PEMA_Feb22_v1.2.csv line 110: "S/RES/2053,MONUSCO,...,2012,27/07/2012" (27 Jun 2012)
    cases = [
        (2410, 2018, pema(2410, date(2018, 10, 4), PEMA_V2, 165), date(2018, 4, 10)),
        (2466, 2019, pema(2466, date(2019, 12, 4), PEMA_V2, 168), date(2019, 4, 12)),
        (2053, 2012, pema(2053, date(2012, 7, 27), PEMA_V12, 110), date(2012, 6, 27)),
    ]
    for number, year, swapped, right in cases:
        preferred, _ = reconcile([dgc_witness(dgc.by_number()[number]), swapped], year)
        assert preferred is not None, number
        assert preferred.date == right, number


def test_placeholder_is_never_the_data_hubs_preferred_date(dgc: DgcRead) -> None:
    reconciled = {r.number: r for r in reconcile_all(dgc.resolutions, read_texts().headers)}
    placeholders = [r for r in dgc.resolutions if r.date == PLACEHOLDER]
    assert len(placeholders) == 28
    for resolution in placeholders:
        preferred = reconciled[resolution.number].preferred
        assert preferred is not None, resolution.number
        assert preferred.source == "cr-unsc", resolution.number
    assert reconciled[79].preferred.date == date(1950, 1, 17)  # type: ignore[union-attr]
    # S/RES/77 was adopted on the placeholder's day: its own text says so, and that is preferred
    assert reconciled[77].preferred.date == PLACEHOLDER  # type: ignore[union-attr]
    # alone, the placeholder gives no date; the year stays with the reason
    preferred, reason = reconcile([dgc_witness(dgc.by_number()[79])], 1950)
    assert preferred is None
    assert reason == (
        "no date preferred, the year 1950 from the symbol is kept: un-psdata-dgc-scres gives its placeholder 1949-10-11"
    )


def test_two_independent_sources_agreeing_win_when_there_is_no_text(dgc: DgcRead) -> None:
    hub = dgc_witness(dgc.by_number()[977])
    assert hub.date == date(1994, 2, 22)  # S/RES/977(1995): the Data Hub's year is wrong
    other = Witness(977, date(1995, 2, 22), "tamm", Locator("tamm", "tamm/x.csv", row=2))
    third = Witness(977, date(1995, 2, 22), "pema", Locator("pema", PEMA_V2, row=9))
    preferred, reason = reconcile([hub, other, third], 1995)
    assert preferred == other
    assert reason.startswith("pema and tamm agree: 1995-02-22")
    preferred, reason = reconcile([hub, other], 1995)
    assert preferred is None
    assert "not in 1995, the symbol's year" in reason


def test_reconciled_counts(dgc: DgcRead) -> None:
    reconciled = reconcile_all(dgc.resolutions, read_texts().headers)
    by_rule: dict[str, int] = {}
    for r in reconciled:
        key = "none" if r.preferred is None else r.preferred.source
        by_rule[key] = by_rule.get(key, 0) + 1
    assert by_rule == {"cr-unsc": 891, "un-psdata-dgc-scres": 1829, "none": 2}
    assert sorted(r.number for r in reconciled if r.preferred is None) == [226, 977]


def test_each_copied_folder_has_its_source_record() -> None:
    records = yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))
    ids = {r["id"] for r in records}
    for folder in ("un-psdata-dgc-scres", "cr-unsc", "un-psdata-scmembership"):
        assert folder in ids
        assert (SOURCES / folder / "SOURCE.txt").is_file()
