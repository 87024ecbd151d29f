"""The selection model behind keyboard coding (qualcode.core.selection)."""

from __future__ import annotations

from qualcode.core.model import Role, Turn
from qualcode.core.selection import Navigator, Selection
from tests.conftest import SAMPLE_TURNS, make_document


def navigator(visible: set[int] | None = None) -> Navigator:
    doc, turns = make_document("a.txt", SAMPLE_TURNS)
    return Navigator(doc.text, turns, visible)


def said(nav: Navigator, sel: Selection) -> str:
    return nav.text[sel.start:sel.end]


def test_first_selection_is_the_first_sentence() -> None:
    nav = navigator()
    first = nav.first()
    assert first is not None and said(nav, first) == "FICTIONAL TRANSCRIPT for tests."


def test_turns_and_sentences() -> None:
    nav = navigator()
    sel = nav.next_turn(nav.first())  # type: ignore[arg-type]
    assert said(nav, sel) == "How do members share knowledge?"
    sel = nav.next_turn(sel)
    assert said(nav, sel) == "Mostly in the forum."
    sel = nav.next_sentence(sel)
    assert said(nav, sel) == "We also run webinars every month."
    sel = nav.next_sentence(nav.next_sentence(sel))
    assert said(nav, sel) == "And who decides priorities?"  # crosses into the next turn
    back = nav.next_sentence(sel, -1)
    assert said(nav, back) == "People like them."
    assert nav.next_turn(nav.next_turn(sel), 1) == nav.next_turn(sel)  # stops at the end


def test_moving_by_whole_turns() -> None:
    nav = navigator()
    turn = nav.whole_turn(2)
    assert said(nav, turn) == SAMPLE_TURNS[2][1]
    assert said(nav, nav.next_turn(turn, whole=True)) == SAMPLE_TURNS[3][1]
    assert said(nav, nav.next_turn(turn, -1, whole=True)) == SAMPLE_TURNS[1][1]


def test_respondent_turns() -> None:
    nav = navigator()
    sel = nav.next_respondent_turn(nav.first())  # type: ignore[arg-type]
    assert nav.turns[sel.turn].role is Role.RESPONDENT and sel.turn == 2
    sel = nav.next_respondent_turn(sel)
    assert sel.turn == 4
    assert nav.next_respondent_turn(sel) == sel
    assert nav.respondent_turns() == [2, 4]


def test_word_by_word() -> None:
    nav = navigator()
    sel = nav.sentence(2, 0)  # "Mostly in the forum."
    grown = nav.move_end(sel, 1)
    assert said(nav, grown) == "Mostly in the forum. We"
    shrunk = nav.move_end(sel, -1)
    assert said(nav, shrunk) == "Mostly in the forum"
    assert said(nav, nav.move_end(shrunk, -1)) == "Mostly in the"
    one = Selection(2, sel.start, sel.start + len("Mostly"))
    assert nav.move_end(one, -1) == one  # one word always stays selected
    later = nav.sentence(2, 1)  # "We also run webinars every month."
    assert said(nav, nav.move_start(later, -1)) == "forum. We also run webinars every month."
    assert said(nav, nav.move_start(later, 1)) == "also run webinars every month."


def test_offsets_from_the_mouse() -> None:
    nav = navigator()
    text = nav.text
    at = text.index("webinars")
    sel = nav.at(at)
    assert sel is not None and said(nav, sel) == "We also run webinars every month."
    dragged = nav.between(text.index("run"), text.index("every") + 2)
    assert dragged is not None and said(nav, dragged) == "run webinars every"
    backwards = nav.between(text.index("every") + 2, text.index("run"))
    assert backwards == dragged


def test_hidden_turns_are_skipped() -> None:
    nav = navigator(visible={0, 4})
    first = nav.first()
    assert first is not None
    sel = nav.next_turn(first)
    assert sel.turn == 4
    assert nav.at(nav.text.index("webinars")) is None  # in a hidden turn


def test_empty_turns_are_not_selectable() -> None:
    text = "A: hi\nB: \n"
    turns = [Turn(0, 0, 6, 3, 5, "A", Role.RESPONDENT), Turn(1, 6, 10, 9, 9, "B", Role.RESPONDENT)]
    nav = Navigator(text, turns)
    assert nav.order == [0]
    first = nav.first()
    assert first is not None and nav.next_turn(first) == first
