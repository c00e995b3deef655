"""Resolution -> mission acts from PEMA flags, TAMM and Data Hub topic lines (real lines)."""

from __future__ import annotations

from functools import cache

import pytest

from ingest.public.acts import acts_from_topic, pema_acts, tamm_acts, topic_acts
from ingest.public.dgc_scres import DgcResolution, read_dgc
from ingest.public.missions import excluded_names
from ingest.public.pema import read_pema
from ingest.public.tamm import read_tamm

pytestmark = pytest.mark.unit


@cache
def hub() -> dict[int, DgcResolution]:
    return read_dgc().by_number()


@pytest.mark.parametrize(
    ("resolution", "acts"),
    [
        (1279, [("establishes", "MONUC")]),
        (1291, [("extends", "MONUC"), ("adjusts", "MONUC")]),
        (1876, [("extends", "UNOGBIS"), ("establishes", "UNIOGBIS")]),
        (2327, [("adjusts", "UNMISS"), ("extends", "UNMISS")]),  # "... (UNMISS) and extension of the mandate"
        (2715, [("terminates", "UNITAMS")]),
        (1827, [("terminates", "UNMEE")]),
        (1106, [("extends", "UNAVEM III")]),
        (1895, [("establishes", "EUFOR")]),  # not SFOR: "as a legal successor to Stabilization Force (SFOR)"
        (2245, [("adjusts", "UNSOA"), ("adjusts", "UNSOS")]),  # "change of its name to ... (UNSOS)"
        (1814, []),  # relocation of UNPOS: no act
    ],
)
def test_acts_from_real_topic_lines(resolution: int, acts: list[tuple[str, str]]) -> None:
    assert acts_from_topic(hub()[resolution].description or "") == acts


def test_topic_acts_carry_mission_and_locator() -> None:
    (act,) = topic_acts([hub()[1279]])
    assert (act.mission, act.act, act.source) == ("monuc", "establishes", "un-psdata-dgc-scres")
    assert (act.locator.key, act.locator.column) == (hub()[1279].locator.key, "description")


def test_every_topic_act_names_a_known_mission_or_an_excluded_name() -> None:
    acts = topic_acts(hub().values())
    assert len(acts) > 800
    unresolved = {a.name.casefold() for a in acts if a.mission is None}
    assert unresolved <= set(excluded_names())


def test_pema_flags() -> None:
    acts = pema_acts(read_pema().mandates)
    monuc_1291 = {(a.act, a.locator.file, a.locator.column) for a in acts if a.resolution == 1291}
    assert ("extends", "pema/PEMA_Feb22_v1.2.csv", "Mandate_Renewal") in monuc_1291
    assert not any(a.act in ("establishes", "terminates") for a in acts)


def test_tamm_first_mandate_establishes_and_sources_disagree_side_by_side() -> None:
    acts = tamm_acts(read_tamm().mandates)
    monuc = {(a.resolution, a.act) for a in acts if a.mission == "monuc"}
    assert {(1258, "establishes"), (1291, "adjusts")} <= monuc
    unifil = {(a.resolution, a.act) for a in acts if a.mission == "unifil"}
    assert {(425, "establishes"), (426, "establishes")} <= unifil
    # UNMIK's S/2008/354 is no SC resolution, so it gives no act
    assert [a.resolution for a in acts if a.mission == "unmik"] == [1244]
    # MONUC's establishment: TAMM says 1258 (its first coded mandate), the topic line says 1279; both kept.
    both = [a for a in acts if a.mission == "monuc" and a.act == "establishes"] + topic_acts([hub()[1279]])
    assert {(a.source, a.resolution) for a in both} == {("tamm", 1258), ("un-psdata-dgc-scres", 1279)}
