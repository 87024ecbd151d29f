"""Code frequencies: segments, documents and cases, overall and by a case attribute."""

from __future__ import annotations

import datetime as dt

from qualcode.analysis.frequencies import (
    NOT_SET,
    code_frequencies,
    descendants,
    frequencies_by_attribute,
)
from qualcode.core.model import Case, Code, Coding

CODES = [Code("Governance", "g", id=1), Code("Boards", "b", parent_id=1, id=2),
         Code("Funding", "f", id=3)]
CASES = [Case("CA-01", {"type": "NGO", "year": 2019.0}, id=10),
         Case("CA-02", {"type": "NGO", "year": 2020.0}, id=11),
         Case("PO-01", {"type": "network"}, id=12)]
# document -> case; document 4 belongs to no case
CASE_OF: dict[int, int | None] = {1: 10, 2: 10, 3: 11, 4: 12, 5: None}


def coding(doc: int, code: int, start: int = 0, end: int = 5) -> Coding:
    return Coding(document_id=doc, code_id=code, start=start, end=end, text="x" * (end - start),
                  coder="me")


CODINGS = [coding(1, 2), coding(1, 2, 10, 20), coding(2, 2), coding(3, 1), coding(4, 3),
           coding(5, 3)]


def test_segments_documents_and_cases_per_code() -> None:
    found = code_frequencies(CODINGS, CASE_OF, CODES)
    assert list(found) == [1, 2, 3]  # codebook order, every code listed
    assert (found[1].segments, found[1].documents, found[1].cases) == (1, 1, 1)
    # Two codings in document 1, one in document 2: both documents are case 10.
    assert (found[2].segments, found[2].documents, found[2].cases) == (3, 2, 1)
    # A document in no case counts as a document but not as a case.
    assert (found[3].segments, found[3].documents, found[3].cases) == (2, 2, 1)


def test_rollup_counts_sub_codes_under_their_parents() -> None:
    found = code_frequencies(CODINGS, CASE_OF, CODES, rollup=True)
    assert (found[1].segments, found[1].documents, found[1].cases) == (4, 3, 2)
    assert found[2].segments == 3  # a leaf is unchanged


def test_without_codes_only_applied_codes_are_listed() -> None:
    assert set(code_frequencies(CODINGS, CASE_OF)) == {1, 2, 3}
    assert code_frequencies([], CASE_OF) == {}


def test_descendants_include_the_code_itself() -> None:
    assert descendants(CODES) == {1: {1, 2}, 2: {2}, 3: {3}}


def test_split_by_attribute_counts_within_each_group() -> None:
    split = frequencies_by_attribute(CODINGS, CASE_OF, CASES, "TYPE", CODES)
    assert [g.value for g in split.groups] == ["network", "NGO", NOT_SET]
    groups = {g.value: g for g in split.groups}
    assert (groups["NGO"].cases, groups["NGO"].documents) == (2, 3)
    assert (groups[NOT_SET].cases, groups[NOT_SET].documents) == (0, 1)
    assert split.frequency(2, "NGO").segments == 3
    assert split.frequency(2, "NGO").cases == 1
    assert split.frequency(1, "NGO").cases == 1
    assert split.frequency(3, "network").cases == 1
    assert split.frequency(3, NOT_SET).documents == 1
    assert split.frequency(3, "NGO").segments == 0


def test_numbers_sort_numerically_and_missing_values_last() -> None:
    cases = [Case("a", {"n": 10.0}, id=1), Case("b", {"n": 9.0}, id=2), Case("c", {}, id=3),
             Case("d", {"n": dt.date(2020, 1, 1)}, id=4)]
    split = frequencies_by_attribute([], {}, cases, "n")
    assert [g.value for g in split.groups] == ["9", "10", "2020-01-01", NOT_SET]
