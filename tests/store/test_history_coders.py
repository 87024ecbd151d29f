"""Per-coder undo and redo: each coder undoes only their own actions; a step whose rows
changed since is refused with one line naming what changed, and never sticks."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.services import codes as code_service
from qualcode.services import coding as coding_service
from qualcode.services import history
from qualcode.services.cases import import_attributes
from qualcode.services.importing import import_paths
from qualcode.store import Store
from qualcode.store.history import Conflict


def _code(store: Store, coder: str, start: int, end: int, code: int = 0) -> int:
    doc, the_code = store.documents.all()[0], store.codes.all()[code]
    return coding_service.apply_code(store, doc, the_code, start, end, coder=coder).id or 0


def test_undo_touches_only_the_coders_own_actions(seeded: Store) -> None:
    mine = _code(seeded, "a", 0, 10)
    theirs = _code(seeded, "b", 20, 30)
    step = history.undo(seeded, "a")
    assert "(a's action)" in step.message and step.action.coder == "a"
    ids = {c.id for c in seeded.codings.all()}
    assert mine not in ids and theirs in ids
    with pytest.raises(QualcodeError, match="nothing of a's to undo"):
        history.undo(seeded, "a")
    assert {c.id for c in seeded.codings.all()} == {theirs}
    # a's redo brings back a's coding only; b's undo still finds b's.
    assert history.redo(seeded, "a").action.coder == "a"
    assert history.undo(seeded, "b").action.coder == "b"
    assert {c.id for c in seeded.codings.all()} == {mine}


def test_a_new_action_discards_only_its_coders_redo(seeded: Store) -> None:
    _code(seeded, "a", 0, 10)
    _code(seeded, "b", 20, 30)
    history.undo(seeded, "a")
    history.undo(seeded, "b")
    _code(seeded, "b", 40, 50)  # b's new work ends b's redo, not a's
    with pytest.raises(QualcodeError, match="nothing of b's to redo"):
        history.redo(seeded, "b")
    assert history.redo(seeded, "a").action.coder == "a"


def test_two_coders_can_code_the_same_span(seeded: Store) -> None:
    _code(seeded, "a", 0, 10)
    _code(seeded, "b", 0, 10)
    _code(seeded, "c", 0, 10)
    assert sorted(c.coder for c in seeded.codings.all()) == ["a", "b", "c"]
    with pytest.raises(QualcodeError, match="already coded"):
        _code(seeded, "b", 0, 10)
    doc, code = seeded.documents.all()[0], seeded.codes.all()[0]
    found = seeded.codings.find(doc.id or 0, code.id or 0, 0, 10, coder="b")
    assert found is not None and found.coder == "b"


def test_undo_of_a_row_changed_since_is_refused_in_one_line_and_not_stuck(
        seeded: Store) -> None:
    first = _code(seeded, "a", 0, 10)
    coding = _code(seeded, "a", 20, 30)
    # b resizes a's coding: a's undo of "code" must not delete b's work blindly.
    doc = seeded.documents.all()[0]
    coding_service.resize_coding(seeded, seeded.codings.get(coding), 20, 35, coder="b")
    before = seeded.overview.snapshot()
    with pytest.raises(Conflict) as refused:
        history.undo(seeded, "a")
    message = str(refused.value)
    assert "\n" not in message
    assert f"coding {coding}" in message and "was changed since (end, text)" in message
    assert "by b (resize coding" in message and "stays as it is" in message
    assert seeded.overview.snapshot() == before  # nothing applied
    # Not stuck: the next undo goes on to a's earlier action.
    step = history.undo(seeded, "a")
    assert first not in {c.id for c in seeded.codings.all()} and "code" in step.message
    assert seeded.codings.get(coding).end == 35
    assert doc.text[20:35] == seeded.codings.get(coding).text
    assert [a.state for a in seeded.history() if a.name == "code"][:2] == ["kept", "undone"]


def test_redo_of_a_row_changed_since_is_refused(seeded: Store) -> None:
    coding = _code(seeded, "a", 0, 10)
    coding_service.set_important(seeded, seeded.codings.get(coding), True, coder="a")
    history.undo(seeded, "a")  # important off again
    coding_service.resize_coding(seeded, seeded.codings.get(coding), 0, 12, coder="b")
    with pytest.raises(Conflict, match=f"cannot redo a's .*coding {coding}.*by b"):
        history.redo(seeded, "a")
    assert not seeded.codings.get(coding).important
    with pytest.raises(QualcodeError, match="nothing to redo"):
        history.redo(seeded, "a")


def test_undo_blocked_by_an_import_names_the_row_that_uses_it(tmp_path: Path,
                                                              seeded: Store) -> None:
    sheet = tmp_path / "cases.csv"
    sheet.write_text("case,country\nCA-01,Serbia\n", encoding="utf-8")
    import_attributes(seeded, sheet, coder="a")
    transcript = tmp_path / "b2.txt"
    transcript.write_text("FICTIONAL.\nInterviewer: Hello?\nAna: Hello there.\n",
                          encoding="utf-8")
    import_paths(seeded, [transcript], case="CA-01", coder="a")
    with pytest.raises(Conflict) as refused:
        history.undo(seeded, "a")
    assert "case 'CA-01' is used since by document 'b2.txt'" in str(refused.value)
    assert seeded.cases.id_for("CA-01")
    # The import itself is not undoable: a later undo passes over it and says so.
    code_service.add_code(seeded, "Late code", coder="a")
    _code(seeded, "a", 0, 5)
    assert "code" in history.undo(seeded, "a").message
    import_paths(seeded, [tmp_path / "b2.txt"], coder="a")  # already there: no action
    step = history.undo(seeded, "a")
    assert step.action.name == "add code"
    with pytest.raises(QualcodeError, match="nothing"):
        history.undo(seeded, "a")


def test_import_between_shows_in_the_message(tmp_path: Path, seeded: Store) -> None:
    _code(seeded, "a", 0, 10)
    transcript = tmp_path / "c.txt"
    transcript.write_text("FICTIONAL.\nInterviewer: Why?\nAna: Because.\n", encoding="utf-8")
    import_paths(seeded, [transcript], coder="a")
    step = history.undo(seeded, "a")
    # The import (with what it did on its own: roles inferred, identifiers registered) stays.
    assert "the later 'import c.txt (a's action)'" in step.message
    assert "cannot be undone and stay" in step.message
    assert seeded.documents.id_by_name("c.txt") is not None


def test_undo_that_would_orphan_a_colleagues_memo_or_key_quote_is_refused(
        seeded: Store) -> None:
    from qualcode.core.model import MemoTarget
    from qualcode.services import synthesis as synth

    coding = _code(seeded, "a", 0, 10)
    coding_service.set_memo(seeded, MemoTarget.CODING, coding, "b's fictional note", coder="b")
    with pytest.raises(Conflict, match=f"coding {coding} .* is used since by memo"):
        history.undo(seeded, "a")
    other = _code(seeded, "a", 20, 30)
    synth.pick_quote(seeded, seeded.codings.get(other), coder="b")
    with pytest.raises(Conflict, match="is used since by key-quote pick"):
        history.undo(seeded, "a")
    assert {c.id for c in seeded.codings.all()} == {coding, other}
    assert synth.is_key_quote(seeded, seeded.codings.get(other))
