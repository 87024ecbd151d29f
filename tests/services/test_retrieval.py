"""Reads behind the retrieval screen and the code picker (qualcode.services.retrieval)."""

from __future__ import annotations

from qualcode.core.model import AttributeType
from qualcode.services.coding import apply_code
from qualcode.services.retrieval import (
    attribute_values,
    code_segments,
    recent_code_ids,
    subtree_ids,
)
from qualcode.store import Store


def _code(seeded: Store, name: str) -> int:
    return next(c.id or 0 for c in seeded.codes.all() if c.name == name)


def test_segments_with_context_case_and_attributes(seeded: Store) -> None:
    doc = seeded.documents.find("a.txt")
    with seeded.action("case", undoable=False):
        case_id = seeded.cases.id_for("C-1", create=True)
        seeded.documents.set_case(doc.id or 0, case_id)
    with seeded.action("attrs", undoable=False):
        seeded.attributes.define("country", AttributeType.TEXT)
        seeded.cases.set_attribute(case_id, "country", "Moldova")
    steering = seeded.codes.all()[1]
    start = doc.text.index("A steering group")
    end = start + len("A steering group of five countries decides.")
    apply_code(seeded, doc, steering, start, end, coder="ana")
    governance = _code(seeded, "Governance")
    found = code_segments(seeded, governance)
    assert len(found) == 1
    seg = found[0]
    assert seg.coding.text == "A steering group of five countries decides."
    assert seg.code_path == "Governance > Steering groups"
    assert seg.case_name == "C-1" and seg.attributes == {"country": "Moldova"}
    assert seg.speaker == "Ana" and seg.turn_index == 4
    assert seg.before == "" and seg.after == " Funding comes from donors, sadly."
    assert code_segments(seeded, governance, include_subcodes=False) == []
    assert code_segments(seeded, governance, where={"Country": "moldova"}) == found
    assert code_segments(seeded, governance, where={"country": "Serbia"}) == []
    assert attribute_values(seeded) == {"country": ["Moldova"]}


def test_recent_codes_latest_first(seeded: Store) -> None:
    doc = seeded.documents.find("a.txt")
    codes = seeded.codes.all()
    apply_code(seeded, doc, codes[0], 0, 5, coder="ana")
    apply_code(seeded, doc, codes[2], 0, 5, coder="ana")
    apply_code(seeded, doc, codes[0], 6, 9, coder="ana")
    apply_code(seeded, doc, codes[1], 6, 9, coder="bo")
    assert recent_code_ids(seeded, "ana") == [codes[0].id, codes[2].id]
    assert recent_code_ids(seeded, "ana", limit=1) == [codes[0].id]
    assert recent_code_ids(seeded, "nobody") == []


def test_subtree(seeded: Store) -> None:
    governance = _code(seeded, "Governance")
    assert subtree_ids(seeded, governance) == [governance, _code(seeded, "Steering groups")]
