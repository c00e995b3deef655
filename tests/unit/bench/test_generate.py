"""The benchmark's synthetic data: valid, deterministic for a seed, and N times the real dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import generate
from bench.shape import Shape, measure
from ingest.dataset import KINDS, load_dataset
from tests.conftest import DATA


@pytest.fixture(scope="module")
def real() -> Shape:
    return measure(load_dataset(DATA))


@pytest.fixture(scope="module")
def scale_1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scale-1")
    generate(1, 7, out)
    return out


@pytest.fixture(scope="module")
def scale_3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scale-3")
    generate(3, 7, out)
    return out


def _bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.yaml"))}


@pytest.mark.parametrize("name", ["scale_1", "scale_3"])
def test_generated_data_is_valid_with_every_kind(name: str, request: pytest.FixtureRequest) -> None:
    dataset = load_dataset(request.getfixturevalue(name))  # raises DatasetInvalid listing every problem
    assert all(dataset.kinds[kind] for kind in KINDS)
    assert "synthetic" in dataset.ids("sources")
    provenance = [r for kind, by_id in dataset.kinds.items() if kind != "sources" for r in by_id.values()]
    assert {r.source for r in provenance} == {"synthetic"}


def test_same_seed_same_bytes_other_seed_other_bytes(scale_3: Path, tmp_path: Path) -> None:
    generate(3, 7, tmp_path / "again")
    generate(3, 8, tmp_path / "other")
    assert _bytes(tmp_path / "again") == _bytes(scale_3)
    assert _bytes(tmp_path / "other") != _bytes(scale_3)


def test_scale_1_has_the_real_counts_and_shape(scale_1: Path, real: Shape) -> None:
    synthetic = measure(load_dataset(scale_1))
    assert synthetic.counts == real.counts
    assert (synthetic.nodes, synthetic.relationships) == (real.nodes, real.relationships)
    for name in real.histograms:
        assert synthetic.histograms[name] == real.histograms[name], name


def test_scale_3_triples_every_kind_and_keeps_the_shape(scale_3: Path, real: Shape) -> None:
    synthetic = measure(load_dataset(scale_3))
    assert synthetic.counts == {kind: 3 * n for kind, n in real.counts.items()}
    assert synthetic.nodes == 3 * real.nodes
    # Evidenced relations merge claims that assert the same thing; copies linked across merge a little less.
    assert synthetic.relationships == pytest.approx(3 * real.relationships, rel=0.02)
    # Out-degrees are copied per record; in-degrees (claims per interview, ...) keep their mean.
    for name, histogram in real.histograms.items():
        if all(isinstance(value, int) for value in histogram):
            assert synthetic.mean(name) == pytest.approx(real.mean(name), rel=0.01), name
        else:
            for value in histogram:
                assert synthetic.share(name, str(value)) == pytest.approx(real.share(name, str(value))), name
