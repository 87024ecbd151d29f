from __future__ import annotations

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.model import MemoTarget
from qualcode.services import codes, coding, history
from qualcode.store import Store


def test_code_a_turn_a_quote_and_a_span(seeded: Store) -> None:
    doc = seeded.documents.all()[0]
    code = codes.find_code(seeded, "Knowledge sharing")
    start, end = coding.resolve_span(seeded, doc, coding.SpanRef(turn=2))
    assert doc.text[start:end].startswith("Mostly in the forum.")
    done = coding.apply_code(seeded, doc, code, start, end, coder="ana", memo="typical",
                             important=True)
    assert done.text == doc.text[start:end] and done.important and done.memo == "typical"
    with pytest.raises(QualcodeError, match="already coded"):
        coding.apply_code(seeded, doc, code, start, end, coder="ana")
    q = coding.resolve_span(seeded, doc, coding.SpanRef(quote="webinars   every month"))
    assert doc.text[q[0]:q[1]] == "webinars every month"
    with pytest.raises(QualcodeError, match="not inside"):
        coding.resolve_span(seeded, doc, coding.SpanRef(start=5, end=10_000))
    with pytest.raises(QualcodeError, match="does not contain"):
        coding.resolve_span(seeded, doc, coding.SpanRef(quote="no such words"))


def test_resize_memo_important_and_history(seeded: Store) -> None:
    doc = seeded.documents.all()[0]
    code = codes.find_code(seeded, "Governance")
    first = coding.apply_code(seeded, doc, code, 40, 60, coder="ana")
    resized = coding.resize_coding(seeded, first, 38, 70)
    assert resized.text == doc.text[38:70]
    coding.set_memo(seeded, MemoTarget.CODING, first.id, "hm", coder="ana")
    coding.set_important(seeded, seeded.codings.get(first.id or 0), True)
    assert seeded.codings.get(first.id or 0).important
    assert history.undo(seeded).name == "mark important"
    assert not seeded.codings.get(first.id or 0).important
    assert history.redo(seeded).name == "mark important"
    coding.set_memo(seeded, MemoTarget.CODING, first.id, "", coder="ana")
    assert seeded.codings.get(first.id or 0).memo == ""
    assert [a.name for a in seeded.history(3)] == ["memo", "redo", "undo"]


def test_a_new_action_clears_redo(seeded: Store) -> None:
    doc = seeded.documents.all()[0]
    code = codes.find_code(seeded, "Governance")
    coding.apply_code(seeded, doc, code, 40, 60, coder="ana")
    history.undo(seeded)
    coding.apply_code(seeded, doc, code, 10, 20, coder="ana")
    with pytest.raises(QualcodeError, match="nothing to redo"):
        history.redo(seeded)
    assert [(c.start, c.end) for c in seeded.codings.all()] == [(10, 20)]


def test_resizing_onto_the_same_coders_coding_of_that_code_is_refused(seeded: Store) -> None:
    """Found by the model-based test: it raised sqlite3.IntegrityError (rolled back, but no
    refusal the interfaces can show); now it is refused like coding a span twice."""
    doc = seeded.documents.find("a.txt")
    code = seeded.codes.all()[0]
    coding.apply_code(seeded, doc, code, 10, 16, coder="a")
    second = coding.apply_code(seeded, doc, code, 10, 20, coder="a")
    other = coding.apply_code(seeded, doc, code, 10, 20, coder="b")
    before = seeded.overview.snapshot()
    with pytest.raises(QualcodeError, match="already coded"):
        coding.resize_coding(seeded, second, 10, 16, coder="a")
    assert seeded.overview.snapshot() == before
    assert coding.resize_coding(seeded, other, 10, 16, coder="b").end == 16  # another coder may
