"""Inter-coder agreement through coded projects, against published worked examples."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qualcode.cli.app import cli
from qualcode.core.model import Code
from qualcode.services import coding
from qualcode.services.agreement import agreement
from qualcode.store import Store
from tests.conftest import make_document

CODERS = ("A", "B", "C", "D")
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
# twelve units, values 1-5, "." where an observer gave no value.
KRIPPENDORFF_2011 = {
    "A": "1 2 3 3 2 1 4 1 2 . . .",
    "B": "1 2 3 3 2 2 4 1 2 5 . 3",
    "C": ". 3 3 3 2 3 4 2 2 5 1 .",
    "D": "1 2 3 3 2 4 4 1 2 5 1 .",
}
PUBLISHED_ALPHA = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}


def _documents(store: Store, count: int, repeat: int = 1) -> list:
    """``count`` documents: a note, then one respondent turn of four sentences."""
    said = " ".join(["First point here. Second point here. Third point here. "
                     "Fourth point here."] * repeat)
    with store.action("seed", undoable=False):
        for i in range(count):
            doc, turns = make_document(f"unit{i + 1:02d}.txt",
                                       [(None, f"Unit {i + 1}."), ("Ana", said)])
            store.documents.add(doc, turns)
    return [store.documents.find(f"unit{i + 1:02d}.txt") for i in range(count)]


def _sentence(store: Store, doc, coder_index: int) -> tuple[int, int]:
    """Each coder codes a different sentence, so coders never code the very same span."""
    turn = store.turns.all(doc.id or 0)[1]
    start = turn.text_start + coder_index * 19
    return start, start + 16


@pytest.fixture
def rated(store: Store) -> Store:
    """The 2011 example as a project: units are documents, values are sub-codes of Rating."""
    docs = _documents(store, 12)
    with store.action("codes", undoable=False):
        root = store.codes.add(Code(name="Rating", guid="r"))
        for value in "12345":
            store.codes.add(Code(name=value, guid=f"r{value}", parent_id=root,
                                 position=int(value)))
    codes = {c.name: c for c in store.codes.all()}
    for index, coder in enumerate(CODERS):
        for doc, value in zip(docs, KRIPPENDORFF_2011[coder].split(), strict=True):
            if value != ".":
                start, end = _sentence(store, doc, index)
                coding.apply_code(store, doc, codes[value], start, end, coder=coder)
    return store


@pytest.mark.parametrize("level", list(PUBLISHED_ALPHA))
def test_krippendorff_2011_example_through_a_coded_project(rated: Store, level: str) -> None:
    report = agreement(rated, unit="document", group="Rating", level=level)
    assert report.coders == CODERS
    assert report.overall.alpha == pytest.approx(PUBLISHED_ALPHA[level], abs=5e-4)
    # Unit 12 has one value only: not pairable, so it does not count.
    assert report.overall.units == sum(
        1 for unit in zip(*(KRIPPENDORFF_2011[c].split() for c in CODERS), strict=True)
        if sum(v != "." for v in unit) >= 2)
    assert report.overall.kappa is None  # Cohen's kappa is for two coders only


def test_the_same_example_read_by_a_larger_unit_still_matches(rated: Store) -> None:
    # Sentences: each coder coded a different sentence, so on sentences nobody agrees.
    report = agreement(rated, unit="sentence", group="Rating")
    assert report.overall.alpha is None or report.overall.alpha < 0.2


@pytest.fixture
def funded(store: Store) -> Store:
    """A textbook two-rater example (50 items; yes/yes 20, yes/no 5, no/yes 10, no/no 15)."""
    docs = _documents(store, 50)
    with store.action("codes", undoable=False):
        store.codes.add(Code(name="Funded", guid="f"))
        store.codes.add(Code(name="Other", guid="o", position=1))
    funded = next(c for c in store.codes.all() if c.name == "Funded")
    first = [True] * 25 + [False] * 25
    second = [True] * 20 + [False] * 5 + [True] * 10 + [False] * 15
    for doc, a, b in zip(docs, first, second, strict=True):
        for index, (coder, yes) in enumerate((("ann", a), ("ben", b))):
            if yes:
                start, end = _sentence(store, doc, index)
                coding.apply_code(store, doc, funded, start, end, coder=coder)
    return store


def test_cohen_textbook_example_through_a_coded_project(funded: Store) -> None:
    report = agreement(funded, unit="document", codes=["Funded"])
    name, figures = report.per_code[0]
    assert name == "Funded"
    assert figures.kappa == pytest.approx(0.4, abs=5e-4)
    assert figures.percent == pytest.approx(0.7)
    assert figures.counts == {"both": 20, "first only": 5, "second only": 10, "neither": 15}
    assert figures.units == 50


def test_a_code_nobody_applied_has_no_kappa(funded: Store) -> None:
    report = agreement(funded, unit="document", coders=["ann", "ben"])
    other = dict(report.per_code)["Other"]
    assert other.kappa is None and other.percent == 1.0
    # Pooled over both codes: 100 code x document units.
    assert report.overall.units == 100


def test_scope_coded_leaves_out_documents_a_coder_never_opened(funded: Store) -> None:
    everything = agreement(funded, unit="document", codes=["Funded"])
    coded = agreement(funded, unit="document", codes=["Funded"], scope="coded")
    # ben coded 30 documents, ann 25: only the 20 both coded stay in scope for both.
    assert everything.per_code[0][1].units == 50
    assert coded.per_code[0][1].units == 20


def test_character_units_weigh_characters(store: Store) -> None:
    (doc,) = _documents(store, 1)
    with store.action("codes", undoable=False):
        store.codes.add(Code(name="X", guid="x"))
    code = store.codes.all()[0]
    turn = store.turns.all(doc.id or 0)[1]
    s = turn.text_start
    coding.apply_code(store, doc, code, s, s + 40, coder="ann")
    coding.apply_code(store, doc, code, s + 10, s + 60, coder="ben")
    report = agreement(store, unit="character")
    figures = report.per_code[0][1]
    n = len(doc.text)
    assert figures.counts == {"both": 30, "first only": 10, "second only": 20,
                              "neither": n - 60}
    assert figures.units == n
    observed = (30 + n - 60) / n
    p_ann, p_ben = 40 / n, 50 / n
    expected = p_ann * p_ben + (1 - p_ann) * (1 - p_ben)
    assert figures.kappa == pytest.approx((observed - expected) / (1 - expected))


def test_segments_match_by_overlap(store: Store) -> None:
    (doc,) = _documents(store, 1, repeat=3)
    with store.action("codes", undoable=False):
        store.codes.add(Code(name="X", guid="x"))
    code = store.codes.all()[0]
    s = store.turns.all(doc.id or 0)[1].text_start
    coding.apply_code(store, doc, code, s, s + 100, coder="ann")
    coding.apply_code(store, doc, code, s + 5, s + 100, coder="ben")  # 95% overlap
    coding.apply_code(store, doc, code, s + 110, s + 120, coder="ann")  # ben has nothing here
    strict = agreement(store, unit="segment", overlap=0.96)
    loose = agreement(store, unit="segment", overlap=0.9)
    assert loose.overall.counts == {"agree": 2, "disagree": 1}
    assert strict.overall.counts == {"agree": 0, "disagree": 3}
    assert loose.overall.percent == pytest.approx(2 / 3)


def test_one_coder_is_one_clear_error(store: Store) -> None:
    (doc,) = _documents(store, 1)
    with store.action("codes", undoable=False):
        store.codes.add(Code(name="X", guid="x"))
    coding.apply_code(store, doc, store.codes.all()[0], 0, 5, coder="ann")
    with pytest.raises(Exception, match="two or more coders"):
        agreement(store)


def test_cli_json_is_one_object_with_numbers(funded: Store) -> None:
    result = CliRunner().invoke(cli, ["--project", str(funded.path), "agreement", "--unit",
                                      "document", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["coders"] == ["ann", "ben"]
    funded_row = next(r for r in data["codes"] if r["code"] == "Funded")
    assert funded_row["kappa"] == pytest.approx(0.4)
    assert isinstance(data["overall"]["percent"], float)


def test_cli_table_names_unit_and_coders(funded: Store) -> None:
    result = CliRunner().invoke(cli, ["--project", str(funded.path), "agreement", "--unit",
                                      "document", "--codes", "Funded"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Agreement of ann, ben on documents in 50 documents" in result.output
    assert "0.400" in result.output and "70.0%" in result.output
