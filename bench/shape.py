"""The shape of a dataset: record counts and the degree distributions a synthetic dataset must keep.

`measure()` works on any validated dataset, real or generated, so the generator's output can be
compared with `data/` number by number (`python -m bench.shape data bench/out/data-10`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.dataset import Dataset, load_dataset
from ingest.graph_rows import build_rows
from schema import registry


@dataclass
class Shape:
    """Counts per kind, and histograms {value: how many records} per named measure."""

    counts: dict[str, int] = field(default_factory=dict)
    histograms: dict[str, Counter[int | str]] = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0

    def mean(self, name: str) -> float:
        histogram = self.histograms[name]
        total = sum(histogram.values())
        if total == 0:
            return 0.0
        return sum(float(value) * n for value, n in histogram.items() if isinstance(value, int)) / total

    def share(self, name: str, value: str) -> float:
        histogram = self.histograms[name]
        total = sum(histogram.values())
        return histogram[value] / total if total else 0.0


def _lengths(values: Iterable[int]) -> Counter[int | str]:
    return Counter[int | str](values)


def _chain_length(mandate_id: str, previous: dict[str, str | None]) -> int:
    length = 1
    current = previous.get(mandate_id)
    while current is not None:
        length += 1
        current = previous.get(current)
    return length


def measure(dataset: Dataset) -> Shape:
    """Measure record counts and per-record degrees (out-degrees and the in-degrees that matter)."""
    kinds = dataset.kinds
    shape = Shape(counts={kind: len(by_id) for kind, by_id in kinds.items()})
    claims = list(kinds.get("claims", {}).values())
    missions = kinds.get("missions", {})
    mandates = kinds.get("mandates", {})
    h = shape.histograms
    h["interviews per claim"] = _lengths(len(c.interviews) for c in claims)
    h["codes per claim"] = _lengths(len(c.codes) for c in claims)
    h["mentions per claim"] = _lengths(len(c.mentions) for c in claims)
    h["assertions per claim"] = _lengths(len(c.asserts) for c in claims)
    h["assertion type"] = Counter[int | str](a.type for c in claims for a in c.asserts)
    h["claim cites"] = Counter[int | str]("literature" if c.cites else "interviews" for c in claims)
    cited = Counter(i for c in claims for i in c.interviews)
    h["claims per interview"] = _lengths(cited[i] for i in kinds.get("interviews", {}))
    mentioned = Counter(m for c in claims for m in c.mentions)
    actors = [a for kind in registry.actor_kinds() for a in kinds.get(kind, {})]
    h["mentions per actor"] = _lengths(mentioned[a] for a in actors)
    coded = Counter(code for c in claims for code in c.codes)
    h["claims per code"] = _lengths(coded[code] for code in kinds.get("codes", {}))
    h["figures per mission"] = _lengths(len(m.figures) for m in missions.values())
    h["statements per mission"] = _lengths(len(m.statements) for m in missions.values())
    per_mission = Counter(m.mission for m in mandates.values())
    h["mandates per mission"] = _lengths(per_mission[m] for m in missions)
    previous = {mandate_id: m.previous for mandate_id, m in mandates.items()}
    successors = {m.previous for m in mandates.values() if m.previous is not None}
    h["mandate chain length"] = _lengths(_chain_length(m, previous) for m in mandates if m not in successors)
    h["tasks per mandate"] = _lengths(len(m.tasks) for m in mandates.values())
    units = Counter(u.mission for u in kinds.get("units", {}).values())
    h["units per mission"] = _lengths(units[m] for m in missions)
    posts = Counter(p.mission for p in kinds.get("posts", {}).values())
    h["posts per mission"] = _lengths(posts[m] for m in missions)
    shape.nodes, shape.relationships = build_rows(dataset).count()
    return shape


def compare(real: Shape, other: Shape) -> str:
    """A plain-text table: counts (with the ratio to the real one) and the mean of every histogram."""
    lines = [f"{'measure':<26} {'real':>10} {'other':>10} {'ratio':>7}"]
    for kind, n in real.counts.items():
        m = other.counts.get(kind, 0)
        lines.append(f"{'count ' + kind:<26} {n:>10} {m:>10} {m / n if n else 0:>7.2f}")
    for name, n, m in (("nodes", real.nodes, other.nodes), ("relationships", real.relationships, other.relationships)):
        lines.append(f"{name:<26} {n:>10} {m:>10} {m / n if n else 0:>7.2f}")
    for name, histogram in real.histograms.items():
        if all(isinstance(value, int) for value in histogram):
            lines.append(f"{'mean ' + name:<26} {real.mean(name):>10.3f} {other.mean(name):>10.3f}")
        else:
            for value in sorted(map(str, histogram)):
                label = f"share {name} {value}"
                lines.append(f"{label:<26} {real.share(name, value):>10.3f} {other.share(name, value):>10.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare the shape of two datasets (e.g. data/ and a generated one)")
    parser.add_argument("real", type=Path)
    parser.add_argument("other", type=Path)
    args = parser.parse_args(argv)
    print(compare(measure(load_dataset(args.real)), measure(load_dataset(args.other))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
