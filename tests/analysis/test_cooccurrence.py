"""Co-occurrence: overlapping codings and codes sharing a speaker turn."""

from __future__ import annotations

from qualcode.analysis.cooccurrence import matrix, overlap_counts, ranked_pairs, same_turn_counts
from qualcode.core.model import Coding, Role, Turn


def coding(code: int, start: int, end: int, doc: int = 1) -> Coding:
    return Coding(document_id=doc, code_id=code, start=start, end=end, text="", coder="me")


def turn(index: int, start: int, end: int, doc: int = 1) -> Turn:
    return Turn(index=index, start=start, end=end, text_start=start, text_end=end,
                speaker="A", role=Role.RESPONDENT, document_id=doc)


def test_overlapping_codings_of_different_codes_are_counted_once_per_pair() -> None:
    codings = [coding(1, 0, 50), coding(2, 10, 20), coding(2, 30, 60), coding(3, 50, 70),
               coding(1, 100, 110), coding(3, 105, 120), coding(1, 5, 8)]
    counts = overlap_counts(codings)
    # 1@0-50 overlaps 2@10-20 and 2@30-60; 2@30-60 overlaps 3@50-70; 1@100 overlaps 3@105.
    # Touching spans (1@0-50, 3@50-70) do not overlap; codings of one code never pair.
    assert counts == {(1, 2): 2, (2, 3): 1, (1, 3): 1}


def test_codings_in_different_documents_never_overlap() -> None:
    assert overlap_counts([coding(1, 0, 10, doc=1), coding(2, 0, 10, doc=2)]) == {}


def test_same_turn_counts_each_turn_once_per_pair() -> None:
    turns = [turn(0, 0, 100), turn(1, 100, 200), turn(2, 200, 300)]
    codings = [coding(1, 0, 10), coding(2, 50, 60), coding(2, 70, 80),  # turn 0: 1 and 2
               coding(3, 150, 250),  # spans turns 1 and 2
               coding(1, 260, 270)]  # turn 2: 1 and 3
    assert same_turn_counts(codings, turns) == {(1, 2): 1, (1, 3): 1}


def test_ranked_pairs_and_matrix() -> None:
    counts = {(1, 2): 3, (2, 3): 5, (1, 3): 1}
    assert [(p.a, p.b, p.count) for p in ranked_pairs(counts, minimum=2)] == [(2, 3, 5),
                                                                              (1, 2, 3)]
    assert ranked_pairs(counts, limit=1)[0].count == 5
    assert matrix(counts, [1, 2, 3]) == [[0, 3, 1], [3, 0, 5], [1, 5, 0]]
