"""Write a synthetic dataset in the format of `data/`, shaped like the real one and N times its size.

The real records are the measured distribution: each is used as a template exactly N times
(once per "copy"), so at scale N every kind has N times the real count, and every record keeps
its template's out-degrees (codes and mentions per claim, assertions and their types, figures
and statements per mission, tasks per mandate, one mandate chain per mission, ...). Text is
replaced by filler of the same length, so the bytes per record stay the same too.

References go to a copy of the template's target. Structural records (units, posts, mandates,
resolutions, the successor and parent chains) point into their own copy, so a copy's chains are
those of the real data and stay acyclic. A claim or interview picks one copy for all its
references, its own with probability LOCAL and any other otherwise: the copies are linked into
one graph, while every target's expected in-degree (claims per interview, mentions per actor,
claims per code) is still the real one. `bench/shape.py` measures both and compares them.

Every record's provenance is the generated source `synthetic`, with a locator
`{section: <the template's section, else 5.2>, line: n}`. The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from ingest.dataset import KINDS, REFERENCES, Dataset, load_dataset
from schema import registry
from schema.paths import DATA

# Probability that a claim or interview draws its references from its own copy.
LOCAL = 0.75
# Shorter id prefixes for some kinds (the rest use their IRI segment, from schema.registry);
# interviews keep the `<case>-<number>` form the graph rows rely on.
PREFIX = {
    "sources": "src",
    "territories": "ter",
    "organisations": "org",
    "missions": "mis",
    "units": "unit",
    "posts": "post",
    "tasks": "task",
    "resolutions": "s-res",
    "mandates": "mandate",
    "codes": "code",
    "claims": "c",
}
# Copy 0 keeps these ids: the provenance source, the adopter of resolutions, the codes that oblige
# a claim to assert a dependency (ingest.dataset.DEPENDENCY_CODES).
KEPT_IDS = {
    ("sources", "thesis"): "synthetic",
    ("organisations", "unsc"): "unsc",
    ("codes", "power-dependency"): "power-dependency",
    ("codes", "resource-dependency"): "resource-dependency",
}
# Free-text fields: replaced by filler of the same length.
TEXT_FIELDS = {
    "name",
    "acronym",
    "title",
    "note",
    "text",
    "description",
    "definition",
    "summary",
    "role",
    "hq",
    "reason",
    "pref_label",
    "author",
    "publisher",
    "citation",
    "url",
    "licence",
    "note_on_code",
    "un_digital_library",
    "un_voting_record",
    "quote",
    "basis",
}
PROVENANCE_LISTS = ("figures", "statements")
PROVENANCE_FIELDS = ("tasks_source", "cited_in")
DEFAULT_SECTION = "5.2"
_WORDS = " ".join(
    (
        "mission mandate council support staff pillar office resource power dependency integrated coordination",
        "humanitarian donor agency security police justice civil administration election reform programme budget",
        "liaison field report interview evidence learning constraint environment relation partner government the of",
        "and to in for with on by a an as at from that which was were is are be not under over between",
    )
).split()


def _lorem(length: int = 1 << 16) -> str:
    rng = random.Random(0)  # noqa: S311 - filler text, not a secret
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(_WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


LOREM = _lorem()


class Generator:
    """One generation run: the templates, the scale, the random stream and the running line number."""

    def __init__(self, template: Dataset, scale: int, seed: int) -> None:
        if scale < 1:
            raise ValueError("scale is a whole number >= 1")
        self.template = template
        self.scale = scale
        self.rng = random.Random(seed)  # noqa: S311 - reproducible data, not a secret
        self.line = 0
        self.index = {kind: {rid: i for i, rid in enumerate(by_id)} for kind, by_id in template.kinds.items()}
        self.kind_of = {rid: kind for kind in registry.actor_kinds() for rid in template.kinds.get(kind, {})}
        interviews = template.kinds.get("interviews", {})
        self.interview_span = {
            case: max(int(i.number) for i in interviews.values() if i.case == case) for case in ("drc", "kosovo")
        }
        self.dumps = {
            kind: [r.model_dump(mode="json", by_alias=True, exclude_unset=True) for r in by_id.values()]
            for kind, by_id in template.kinds.items()
        }

    # --- ids -------------------------------------------------------------------------------------

    def new_id(self, kind: str, real_id: str, copy: int) -> str:
        if copy == 0 and (kind, real_id) in KEPT_IDS:
            return KEPT_IDS[(kind, real_id)]
        if kind == "interviews":
            case, _, number = real_id.rpartition("-")
            return f"{case}-{self._interview_number(case, int(number), copy)}"
        prefix = PREFIX.get(kind) or registry.KIND_BY_NAME[kind].iri_segment
        return f"{prefix}-{copy * len(self.index[kind]) + self.index[kind][real_id] + 1}"

    def _interview_number(self, case: str, number: int, copy: int) -> int:
        return copy * self.interview_span[case] + number

    def _target_kind(self, targets: tuple[str, ...], real_id: str) -> str:
        if len(targets) == 1:
            return targets[0]
        return self.kind_of[real_id]

    # --- values ----------------------------------------------------------------------------------

    def filler(self, length: int) -> str:
        start = self.rng.randrange(len(LOREM) - 2 * length - 1) if 2 * length < len(LOREM) - 1 else 0
        start = LOREM.index(" ", start) + 1  # start at a word
        text = LOREM[start : start + length].strip()
        return text + "x" * (length - len(text))

    def _text(self, value: str, memo: dict[str, str]) -> str:
        if value not in memo:
            memo[value] = self.filler(len(value))
        return memo[value]

    def _locator(self, locator: dict[str, Any]) -> dict[str, Any]:
        self.line += 1
        return {"section": locator.get("section", DEFAULT_SECTION), "line": self.line}

    def _provenance(self, item: dict[str, Any], memo: dict[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in item.items():
            if key == "source":
                out[key] = "synthetic"
            elif key == "locator":
                out[key] = self._locator(value)
            elif key == "value" and isinstance(value, str) and "field" in item:
                # A statement: equal values stay equal, so preferred/conflicting statements still agree.
                out[key] = (
                    memo[value] if value in memo else self._text(value, memo) if item["field"] in TEXT_FIELDS else value
                )
            elif key in TEXT_FIELDS:
                out[key] = self._text(value, memo)
            else:
                out[key] = value
        return out

    # --- records ---------------------------------------------------------------------------------

    def record(self, kind: str, dump: dict[str, Any], copy: int) -> dict[str, Any]:
        world = copy
        if kind in ("claims", "interviews") and self.scale > 1 and self.rng.random() >= LOCAL:
            world = self.rng.randrange(self.scale)
        memo: dict[str, str] = {}
        out: dict[str, Any] = {}
        for key, value in sorted(dump.items(), key=lambda item: item[0] != "id"):  # id first, as in data/
            refs = REFERENCES.get((kind, key))
            if key == "id":
                out[key] = self.new_id(kind, value, copy)
            elif key == "source":
                out[key] = "synthetic"
            elif key == "locator":
                out[key] = self._locator(value)
            elif key == "last_line":  # a finding's passage keeps its length after its new first line
                out[key] = None
            elif refs is not None:
                if isinstance(value, list):
                    out[key] = [self._ref(refs, v, world, memo) for v in value]
                else:
                    out[key] = self._ref(refs, value, world, memo)
            elif key == "asserts":
                out[key] = [self._assertion(a, world, memo) for a in value]
            elif key in PROVENANCE_LISTS or key in PROVENANCE_FIELDS:
                out[key] = None  # filled below, once every field's new value is in the memo
            elif key in TEXT_FIELDS:
                out[key] = self._text(value, memo)
            elif key == "alt_labels":
                out[key] = [self._text(v, memo) for v in value]
            elif key == "no_assertion":
                out[key] = "none stated: " + self.filler(max(len(value) - 13, 10))
            elif key == "number" and kind == "interviews":
                out[key] = self._interview_number(dump["case"], value, copy)
            elif key == "number" and kind == "resolutions":
                out[key] = copy * 10_000 + value
            else:
                out[key] = value
        if "last_line" in dump:
            out["last_line"] = out["locator"]["line"] + dump["last_line"] - dump["locator"]["line"]
        for key in (*PROVENANCE_LISTS, *PROVENANCE_FIELDS):
            if key in dump:
                value = dump[key]
                if isinstance(value, list):
                    out[key] = [self._provenance(item, memo) for item in value]
                else:
                    out[key] = self._provenance(value, memo)
        return out

    def _ref(self, targets: tuple[str, ...], real_id: str, world: int, memo: dict[str, str]) -> str:
        new = self.new_id(self._target_kind(targets, real_id), real_id, world)
        memo.setdefault(real_id, new)
        return new

    def _assertion(self, assertion: dict[str, Any], world: int, memo: dict[str, str]) -> dict[str, Any]:
        out = dict(assertion)
        out["from"] = self.new_id(self.kind_of[assertion["from"]], assertion["from"], world)
        out["to"] = self.new_id(self.kind_of[assertion["to"]], assertion["to"], world)
        if "note" in out:
            out["note"] = self._text(out["note"], memo)
        return out

    def kind(self, kind: str) -> list[dict[str, Any]]:
        return [self.record(kind, dump, copy) for copy in range(self.scale) for dump in self.dumps.get(kind, [])]


def _scalar(value: Any) -> str:
    """A YAML scalar: strings double-quoted (JSON's escapes are YAML's), floats always with a dot."""
    if isinstance(value, float):
        text = repr(value)
        return text if "." in text or "n" in text else text.replace("e", ".0e", 1)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _block(mapping: dict[str, Any], pad: str, first_pad: str, out: list[str]) -> None:
    for position, (key, value) in enumerate(mapping.items()):
        prefix = first_pad if position == 0 else pad
        if isinstance(value, dict):
            out.append(f"{prefix}{key}:")
            _block(value, pad + "  ", pad + "  ", out)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"{prefix}{key}:")
            for item in value:
                _block(item, pad + "  ", pad + "- ", out)
        else:
            out.append(f"{prefix}{key}: {_scalar(value)}")


def to_yaml(records: list[dict[str, Any]]) -> str:
    """Block-style YAML like data/'s, written directly: PyYAML's representer would take most of the time."""
    out: list[str] = []
    for record in records:
        out.append("")
        _block(record, "  ", "- ", out)
    return "\n".join(out) + "\n"


def generate(scale: int, seed: int, out: Path, template_folder: Path = DATA) -> dict[str, int]:
    """Write `<kind>.yaml` for every kind into `out`; return the record count per kind."""
    generator = Generator(load_dataset(template_folder), scale, seed)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for kind in KINDS:
        rows = generator.kind(kind)
        if kind == "sources":
            for row in rows:
                if row["id"] == "synthetic":
                    row.update(
                        title="Synthetic benchmark dataset",
                        kind="document",
                        note=f"Generated by bench/generate.py --scale {scale} --seed {seed}, shaped like data/; "
                        "not facts about the world.",
                    )
        header = f"# Synthetic {kind}: bench/generate.py --scale {scale} --seed {seed}. Shaped like data/, not facts.\n"
        (out / f"{kind}.yaml").write_text(header + to_yaml(rows), encoding="utf-8")
        counts[kind] = len(rows)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic dataset shaped like data/, N times its size")
    parser.add_argument("--scale", type=int, default=1, help="whole multiple of the real record counts (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder to write <kind>.yaml into")
    parser.add_argument("--template", type=Path, default=DATA, help="the real dataset to measure (default data/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate(args.scale, args.seed, args.out, args.template)
    elapsed = time.perf_counter() - started
    print(
        f"wrote {sum(counts.values())} records to {args.out} in {elapsed:.1f}s: "
        + ", ".join(f"{kind} {n}" for kind, n in counts.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
