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


def test_second_process_sees_committed_change(seeded: Store) -> None:
    doc = seeded.documents.all()[0]
    code = codes.find_code(seeded, "Governance")
    coding.apply_code(seeded, doc, code, 40, 60, coder="ana")
    with Store.open(seeded.path) as other:
        assert [(c.start, c.end) for c in other.codings.all()] == [(40, 60)]


def test_search_finds_turns_and_survives_bad_syntax(seeded: Store) -> None:
    hits = seeded.overview.search("webinar*")
    assert {h.document_name for h in hits} == {"a.txt", "b.txt"}
    assert all("[" in h.snippet for h in hits)
    assert len(seeded.overview.search("steering \"group")) == 2  # unbalanced quote: no crash
    seeded.overview.search("AND OR")  # operators alone: no crash


def test_coded_share_counts_respondent_text_under_codings_once(seeded: Store) -> None:
    doc = seeded.documents.all()[0]
    turns = seeded.turns.all(doc.id or 0)
    said = [t for t in turns if t.role.value == "respondent"]
    total = sum(t.text_end - t.text_start for t in said)
    gov = codes.find_code(seeded, "Governance")
    know = codes.find_code(seeded, "Knowledge sharing")
    first = said[0]
    # Two overlapping codings inside one respondent turn, and one on an interviewer turn.
    coding.apply_code(seeded, doc, gov, first.text_start, first.text_start + 10, coder="a")
    coding.apply_code(seeded, doc, know, first.text_start + 5, first.text_start + 20, coder="a")
    asked = next(t for t in turns if t.role.value == "interviewer")
    coding.apply_code(seeded, doc, gov, asked.text_start, asked.text_end, coder="a")
    info = next(i for i in seeded.documents.infos() if i.id == doc.id)
    assert (info.respondent_chars, info.coded_respondent_chars) == (total, 20)
    assert info.words == len(doc.text.split()) and info.codings == 3


def test_document_infos_for_some_documents_match_the_full_list(seeded: Store) -> None:
    doc = seeded.documents.all()[1]
    coding.apply_code(seeded, doc, codes.find_code(seeded, "Governance"), 5, 40, coder="a")
    every = {i.id: i for i in seeded.documents.infos()}
    assert seeded.documents.infos([doc.id or 0]) == [every[doc.id]]
    assert seeded.documents.infos([]) == []


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
