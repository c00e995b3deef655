"""Interview claims: the extractor finds every citation form, and data/claims.yaml keeps in step.

Coverage is checked against a count made a second, simpler way (a plain pattern over the text
with whitespace removed), so the extractor is not its own referee.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pytest
import yaml

from ingest.dataset import Dataset, load_dataset
from ingest.extract_claims import Citation, ExtractionError, extract
from ingest.thesis_text import ThesisText, thesis_path
from schema.paths import DATA, PROJECT_ROOT

GOLD = PROJECT_ROOT / "tests" / "fixtures" / "gold_citations.yaml"


@cache
def thesis_lines() -> tuple[str, ...]:
    path = thesis_path()
    if not path.exists():
        pytest.fail(f"the thesis text is needed and is not at {path} (set PKGRAPH_THESIS)")
    return ThesisText.read(path).lines


@cache
def citations() -> tuple[Citation, ...]:
    return tuple(extract(thesis_lines()))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


def _synthetic(body: str) -> list[Citation]:
    lines = ["1.1 Introduction", "", *body.split("\n"), "", " APPENDIX 1: List of Interviewees", "DRC Interview 1 X"]
    return extract(lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A claim (DRC interview 14).", [["drc-14"]]),
        ("A claim (Kosovo interviews 1 and 2).", [["kosovo-1", "kosovo-2"]]),
        ("A claim (DRC interviews 1, 3, 8, 9, 13, 15 and 20).", [[f"drc-{n}" for n in (1, 3, 8, 9, 13, 15, 20)]]),
        ("A claim broken (DRC\ninterviews 4\nand 5) over lines.", [["drc-4", "drc-5"]]),
        ("Mixed (Autesserre, 2010: 87-91; DRC   interviews 1, 3 and 9).", [["drc-1", "drc-3", "drc-9"]]),
        ("In brackets (“so much money!” [DRC interview 1]).", [["drc-1"]]),
        # OCR lost the bracket and doubled the closing marks.
        ("Lost bracket \u201cneeds\u2019'\u2019 DRC interview 3). Next.", [["drc-3"]]),
        ("Two (DRC interview 2) and (Kosovo interview 12).", [["drc-2"], ["kosovo-12"]]),
        ("OCR split (DRC interv iew 7).", [["drc-7"]]),
    ],
)
def test_extractor_reads_every_citation_form(text: str, expected: list[list[str]]) -> None:
    assert [c.interviews for c in _synthetic(text)] == expected


def test_extractor_takes_the_quotation_a_citation_closes() -> None:
    found = _synthetic(
        "As one put it:\n\n“We depend on the Council for\neverything we do.”\n(DRC interview 8)\n"
        "Then (DRC interview 9)."
    )
    assert found[0].quote == "We depend on the Council for everything we do"
    assert found[1].quote is None


def test_extractor_refuses_an_interview_appendix_1_does_not_list() -> None:
    with pytest.raises(ExtractionError, match="outside Appendix 1"):
        _synthetic("A claim (DRC interview 21).")


def test_extractor_agrees_with_the_hand_checked_gold_set() -> None:
    gold = yaml.safe_load(GOLD.read_text())
    assert len(gold) >= 25
    chapters = {g["chapter"] for g in gold}
    assert {5, 6} <= chapters
    by_line: dict[int, list[Citation]] = {}
    for citation in citations():
        by_line.setdefault(citation.line, []).append(citation)
    mismatches = []
    for entry in gold:
        found = [c for c in by_line.get(entry["line"], []) if c.interviews == entry["interviews"]]
        got = [(c.chapter, c.section, c.subsection) for c in found]
        if got != [(entry["chapter"], entry["section"], entry["subsection"])]:
            mismatches.append(
                f"line {entry['line']} {entry['interviews']}: expected "
                f"{(entry['chapter'], entry['section'], entry['subsection'])}, extractor {got}"
            )
    assert not mismatches, "\n".join(mismatches)


def _independent_counts() -> Counter[str]:
    """Times each interview is cited, counted without the extractor: outside Appendix 1, every
    'DRC|Kosovo interview(s)' followed by a number list."""
    text = "\n".join(thesis_lines())
    body = text[: re.search(r"A\s*PPEN\s*D\s*IX\s+1", text).start()]  # type: ignore[union-attr]
    counts: Counter[str] = Counter()
    for match in re.finditer(r"(DRC|Kosovo)\s+interv\s*iews?\s+(\d(?:[\d\s,and&]*\d)?)", body, flags=re.I):
        for number in re.findall(r"\d+", match.group(2)):
            counts[f"{match.group(1).lower()}-{number}"] += 1
    return counts


def test_coverage_claims_per_interview_equal_thesis_citations(dataset: Dataset) -> None:
    thesis_counts = _independent_counts()
    claim_counts: Counter[str] = Counter(
        i for claim in dataset.kinds.get("claims", {}).values() for i in claim.interviews
    )
    extractor_counts: Counter[str] = Counter(i for c in citations() for i in c.interviews)
    interviews = sorted(dataset.ids("interviews"), key=lambda i: (i.split("-")[0], int(i.split("-")[1])))
    print("\ninterview    thesis  extractor  claims")
    for interview in interviews:
        print(
            f"{interview:<12} {thesis_counts[interview]:>6} {extractor_counts[interview]:>10} "
            f"{claim_counts[interview]:>7}"
        )
    print(
        f"{'total':<12} {sum(thesis_counts.values()):>6} {sum(extractor_counts.values()):>10} "
        f"{sum(claim_counts.values()):>7}"
    )
    assert extractor_counts == thesis_counts
    assert claim_counts == thesis_counts


def test_claims_file_is_in_step_with_the_extractor(dataset: Dataset) -> None:
    """A citation in the text that claims.yaml lacks, or a claim the text no longer has, fails here."""
    extracted = {c.id: c for c in citations()}
    curated = {cid: c for cid, c in dataset.kinds.get("claims", {}).items() if c.interviews}
    assert sorted(set(extracted) - set(curated)) == [], "citations without a curated claim"
    assert sorted(set(curated) - set(extracted)) == [], "curated claims with no citation in the text"
    drift = [
        f"{cid}: claims.yaml has {(c.interviews, c.section, c.subsection, c.locator.line)}, text has "
        f"{(e.interviews, e.section, e.subsection, e.line)}"
        for cid, c in curated.items()
        if (e := extracted[cid])
        and (c.interviews, c.section, c.subsection, c.locator.line) != (e.interviews, e.section, e.subsection, e.line)
    ]
    assert not drift, "\n".join(drift)


def test_literature_claims_cite_a_source_and_no_interview(dataset: Dataset) -> None:
    literature = [c for c in dataset.kinds.get("claims", {}).values() if not c.interviews]
    assert literature, "no literature claims"
    assert all(c.cites and c.cites.startswith("lit-") for c in literature)


def test_dependency_claims_assert_or_say_none_stated(dataset: Dataset) -> None:
    claims = dataset.kinds["claims"].values()
    dependency = [c for c in claims if {"power-dependency", "resource-dependency"} & set(c.codes)]
    assert dependency
    for claim in dependency:
        assert any(a.type == "DEPENDS_ON" for a in claim.asserts) or (claim.no_assertion or "").startswith(
            "none stated"
        ), claim.id


def test_claims_carry_chapter_research_questions(dataset: Dataset) -> None:
    for claim in dataset.kinds["claims"].values():
        if claim.interviews and claim.chapter == 5:
            assert claim.research_question == "rq1", claim.id
        if claim.interviews and claim.chapter == 6:
            assert claim.research_question == "rq2", claim.id
