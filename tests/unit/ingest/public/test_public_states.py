"""Council membership and the states crosswalk, against the real files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pycountry
import pytest
import yaml

from ingest.public import SOURCES, Locator
from ingest.public.crosswalk import crosswalk
from ingest.public.sc_membership import FILE, PERMANENT, MembershipRead, read_membership
from ingest.public.states import NOT_A_STATE, Mention, id_for_code, is_excluded, resolve, state_records, unmapped
from schema.paths import DATA, PROJECT_ROOT

pytestmark = pytest.mark.unit

# IPI and Geo-PKO are copied into data/sources/ by the personnel reader's branch; until then the shared copy.
SHARED = PROJECT_ROOT.parent / "shared" / "data"


def _public(relative: str) -> Path:
    path = SOURCES / relative
    return path if path.is_file() else SHARED / relative


@pytest.fixture(scope="module")
def membership() -> MembershipRead:
    return read_membership()


def existing_states() -> dict[str, str]:
    records = yaml.safe_load((DATA / "organisations.yaml").read_text(encoding="utf-8"))
    return {r["id"]: r["name"] for r in records if r.get("kind") == "state"}


def ipi_mentions() -> list[Mention]:
    relative = "ipi-peacekeeping/Gender.Full.csv"
    with _public(relative).open(encoding="utf-8", newline="") as handle:
        return [
            Mention(
                row["Contributor"],
                "ipi-peacekeeping",
                Locator("ipi-peacekeeping", relative, row=line, column="Contributor"),
            )
            for line, row in enumerate(csv.DictReader(handle), start=2)
        ]


def geo_pko_mentions() -> list[Mention]:
    relative = "geo-pko/TCCMap_v.2.3.csv"
    mentions = []
    with _public(relative).open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            for part in re.split(r",\s*(?![^()]*\))", row["year.overview"]):
                name = re.sub(r"\s*\((?:\d+|size unknown)\)\s*$", "", part).strip()
                locator = Locator("geo-pko", relative, row=line, column="year.overview")
                mentions.append(Mention(name, "geo-pko", locator, int(row["year"])))
    return mentions


def test_seats_by_year(membership: MembershipRead) -> None:
    assert len(membership.seats) == 1150
    sizes = {year: len(membership.members(year)) for year in range(1946, 2028)}
    assert all(sizes[year] == 11 for year in range(1946, 1966))
    assert all(sizes[year] == 15 for year in range(1966, 2028))
    for year in range(1946, 2028):
        permanent = {seat.state for seat in membership.members(year) if seat.permanent}
        assert permanent == {"china", "france", "uk", "usa", "sun" if year <= 1991 else "russia"}, year
    assert {"china", "france", "uk", "usa", "sun", "russia"} == PERMANENT
    first = membership.seats[0]
    assert (first.year, first.name, first.state, first.permanent) == (1946, "Australia", "aus", False)
    assert first.locator == Locator("un-psdata-scmembership", FILE, row=2, column="security_council_member")


def test_historic_states_on_the_council(membership: MembershipRead) -> None:
    def state(year: int, name: str) -> str | None:
        return next(seat.state for seat in membership.members(year) if seat.name == name)

    assert state(1980, "German DR (German Democratic Republic)") == "ddr"
    assert state(1987, "German FR (German Federal Republic)") == "deu"
    assert state(1978, "Czechoslovakia") == "csk"
    assert state(1988, "Yugoslavia") == "yugoslavia"
    assert state(1961, "United Arab Republic") == "united-arab-republic"
    assert state(1984, "Ukrainian SSR (Ukrainian Soviet Socialist Republic)") == "ukr"
    assert state(1983, "Democratic Republic of the Congo") == "zar"  # Zaire, by the year
    assert state(1990, "Democratic Republic of the Congo") == "zar"
    assert resolve("Democratic Republic of the Congo", year=2010).id == "cod"  # type: ignore[union-attr]


def test_blank_names_are_reported_not_invented(membership: MembershipRead) -> None:
    blanks = [seat for seat in membership.seats if not seat.name]
    assert [seat.key for seat in blanks] == ["202", "212", "584", "599", "1003", "1018", "1135", "1148"]
    assert all(seat.state is None for seat in blanks)
    assert len(membership.warnings) == 8
    assert str(membership.warnings[0]) == (
        f"{FILE}, row 203, column 'security_council_member': blank member name (id 202, 1964); "
        "SOURCE.txt reads it as Côte d'Ivoire by elimination, not adopted"
    )


def test_existing_state_ids_stay() -> None:
    for name, state_id in [
        ("United States of America", "usa"),
        ("United Kingdom of Great Britain and Northern Ireland", "uk"),
        ("France", "france"),
        ("Russian Federation", "russia"),
        ("China", "china"),
        ("Rwanda", "rwanda"),
        ("Serbia", "serbia"),
    ]:
        assert resolve(name).id == state_id, name  # type: ignore[union-attr]
    assert set(existing_states()) <= {m.id for m in crosswalk("states").mappings}
    assert id_for_code("GBR") == "uk"
    assert id_for_code("NPL") == "npl"


def test_names_as_each_source_writes_them() -> None:
    cases = [
        ("Côte d'Ivoire", None, "civ"),
        ("Cote d Ivoire", "ipi-peacekeeping", "civ"),
        ("Cote d'Ivoire", "geo-pko", "civ"),
        ("C\u00c3\u00b4te d'Ivoire", None, "civ"),  # mojibake repaired first
        ("Republic of Korea", None, "kor"),
        ("Korea (ROK)", "geo-pko", "kor"),
        ("Viet Nam", None, "vnm"),
        ("Vietnam", "geo-pko", "vnm"),
        ("South Sudan'", "ipi-peacekeeping", "ssd"),  # IPI's stray apostrophe
        ("USSR (Union of Soviet Socialist Republics)", None, "sun"),
        ("TÜRKİYE", "un-psdata-dgc-scres", "tur"),
    ]
    for name, source, state_id in cases:
        resolved = resolve(name, source)
        assert resolved is not None, name
        assert resolved.id == state_id, name
    assert resolve("USSR (Union of Soviet Socialist Republics)").historic  # type: ignore[union-attr]
    assert resolve("Multinational", "geo-pko") is None
    assert is_excluded("Multinational", "geo-pko")
    assert resolve("Atlantis") is None
    assert not is_excluded("Atlantis")


def test_every_name_is_mapped_or_explained(membership: MembershipRead) -> None:
    mentions = [*membership.mentions(), *ipi_mentions(), *geo_pko_mentions()]
    assert unmapped(mentions) == ()
    excluded = {m.name for m in mentions if is_excluded(m.name, m.source)}
    assert excluded == {"CARICOM", "Multinational", "TCC name unknown", "Un"}
    for mapping in crosswalk("states").mappings:
        assert mapping.reason.strip(), mapping.name


def test_ipi_names_agree_with_its_iso3_column() -> None:
    relative = "ipi-peacekeeping/Gender.Full.csv"
    with _public(relative).open(encoding="utf-8", newline="") as handle:
        pairs = {(row["Contributor"], row["Contributor ISO-3"]) for row in csv.DictReader(handle)}
    for name, code in pairs:
        assert resolve(name, "ipi-peacekeeping").id == id_for_code(code), name  # type: ignore[union-attr]


def test_state_records_the_graph_needs(membership: MembershipRead) -> None:
    mentions = [*membership.mentions(), *ipi_mentions(), *geo_pko_mentions()]
    records = {r.id: r for r in state_records(mentions, existing_states())}
    assert len(records) == 165
    assert records["uk"].name == "Great Britain"
    assert records["uk"].existing
    assert records["uk"].code == "GBR"
    assert records["sun"].historic
    assert records["sun"].code == "SUN"
    assert records["zar"].historic
    assert records["zar"].code == "ZAR"
    assert records["united-arab-republic"].code is None
    assert records["npl"].name == "Nepal"
    assert not records["npl"].existing
    assert Locator("un-psdata-scmembership", FILE, row=2, column="security_council_member") in records["aus"].named_by
    historic = {r.id for r in records.values() if r.historic}
    assert historic == {"sun", "csk", "ddr", "zar", "yugoslavia", "united-arab-republic"}


def test_state_ids_do_not_clash_with_other_actors() -> None:
    actors = {r["id"] for r in yaml.safe_load((DATA / "organisations.yaml").read_text(encoding="utf-8"))}
    actors |= {r["id"] for r in yaml.safe_load((DATA / "missions.yaml").read_text(encoding="utf-8"))}
    states = set(existing_states())
    codes = {c.alpha_3.lower() for c in pycountry.countries} | {c.alpha_3.lower() for c in pycountry.historic_countries}
    assert (codes & actors) <= states
    current = {c.alpha_3.lower() for c in pycountry.countries}
    used_former = {"sun", "csk", "ddr", "zar", "yug"}  # ISO 3166-3 reuses some (ATF); not these
    assert used_former <= {c.alpha_3.lower() for c in pycountry.historic_countries}
    assert not used_former & current
    assert NOT_A_STATE not in actors
