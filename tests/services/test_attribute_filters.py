"""The three places that filter by case attribute agree (they share core.attributes)."""

from __future__ import annotations

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.model import AttributeType
from qualcode.services.coding import apply_code
from qualcode.services.retrieval import code_segments
from qualcode.services.suggest_corpus import documents_matching
from qualcode.store import Store


@pytest.fixture
def placed(seeded: Store) -> Store:
    """a.txt in case C-1 (country Moldova), b.txt in no case; one coding in each."""
    doc = seeded.documents.find("a.txt")
    with seeded.action("case", undoable=False):
        case_id = seeded.cases.id_for("C-1", create=True)
        seeded.documents.set_case(doc.id or 0, case_id)
        seeded.attributes.define("country", AttributeType.TEXT)
        seeded.cases.set_attribute(case_id, "country", "Moldova")
    code = seeded.codes.all()[0]
    for name in ("a.txt", "b.txt"):
        apply_code(seeded, seeded.documents.find(name), code, 0, 10, coder="ana")
    return seeded


def test_retrieval_and_suggestions_keep_the_same_cases(placed: Store) -> None:
    code_id = placed.codes.all()[0].id or 0
    a_txt = placed.documents.find("a.txt").id
    segments = code_segments(placed, code_id, where={"Country": "moldova"})
    assert [s.document_name for s in segments] == ["a.txt"]
    assert documents_matching(placed, {"Country": "moldova"}) == [a_txt]
    assert code_segments(placed, code_id, where={"country": "Serbia"}) == []
    assert documents_matching(placed, {"country": "Serbia"}) == []


def test_an_unknown_attribute_is_refused_everywhere(placed: Store) -> None:
    code_id = placed.codes.all()[0].id or 0
    with pytest.raises(QualcodeError, match="no case attribute named 'colour'"):
        code_segments(placed, code_id, where={"colour": "red"})
    with pytest.raises(QualcodeError, match="no case attribute named 'colour'"):
        documents_matching(placed, {"colour": "red"})
