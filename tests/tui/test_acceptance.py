"""The issue's acceptance walk-through, keyboard only, on the demo project: open a document,
select the second sentence of the third respondent turn, code it through the picker, add a
memo, mark it important, undo and redo, find it in the retrieval screen and jump back.

Every step checks the screen and, through a second connection, the project file."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.model import Coding, Role
from qualcode.core.spans import sentences
from qualcode.services.retrieval import subtree_ids
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.code_picker import CodePicker
from qualcode.tui.screens.memo_editor import MemoEditor
from qualcode.tui.screens.retrieval import RetrievalScreen
from qualcode.tui.screens.workbench import WorkbenchScreen
from qualcode.tui.widgets.codebook_tree import CodebookTree
from qualcode.tui.widgets.coding_list import CodingList
from tests.tui.conftest import CODER
from tests.tui.helpers import highlighted_text, transcript_of, type_text

pytestmark = pytest.mark.asyncio


def only_coding(reader: Store) -> Coding:
    """The one coding this test's coder made (the demo comes with others' codings)."""
    found = [c for c in reader.codings.all() if c.coder == CODER]
    assert len(found) == 1
    return found[0]


def option_texts(widget: CodingList) -> list[str]:
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def line_of(widget: CodingList, code_name: str) -> str:
    found = [t for t in option_texts(widget) if code_name in t]
    assert len(found) == 1, option_texts(widget)
    return found[0]


async def test_code_a_sentence_with_the_keyboard(demo_path: Path, reader: Store) -> None:
    doc = reader.documents.all()[0]
    turns = reader.turns.all(doc.id or 0)
    third = [t for t in turns if t.role is Role.RESPONDENT][2]
    start, end = sentences(doc.text, third.text_start, third.text_end)[1]
    sentence = doc.text[start:end]

    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        view = transcript_of(pilot)

        # Open the first document from the documents list.
        await pilot.press("enter")
        assert view.document is not None and view.document.name == doc.name
        assert view.border_title == doc.name
        assert app.focused is view
        before = reader.overview.snapshot()
        assert not [c for c in reader.codings.all() if c.coder == CODER]

        # The third respondent turn (J skips to the next answer), then its second sentence.
        await pilot.press("J", "J", "J", "right")
        assert view.selection is not None and view.selection.span == (start, end)
        assert highlighted_text(view) == " ".join(sentence.split())
        assert f"turn {third.index}" in str(view.border_subtitle)
        assert reader.overview.snapshot() == before
        counts = reader.codings.count_by_code()

        # Code it through the fuzzy picker.
        await pilot.press("c")
        assert isinstance(app.screen, CodePicker)
        await type_text(pilot, "peer-to")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        coding = only_coding(reader)
        code = reader.codes.get(coding.code_id)
        assert code.name == "Peer-to-peer support"
        assert (coding.start, coding.end, coding.text, coding.coder) == (
            start, end, sentence, CODER)
        panel = screen.query_one(CodingList)
        assert "▶" in line_of(panel, "Peer-to-peer support")
        assert view.text_layout is not None
        on_line = view.codings_on_line(view.text_layout.line_of(start) or 0)
        assert coding.id in [c.id for c in on_line]
        tree = screen.query_one(CodebookTree)
        label = tree.get_node_at_line(
            next(i for i, c in enumerate(reader.codes.all()) if c.id == code.id)).label
        assert f"Peer-to-peer support {counts.get(code.id or 0, 0) + 1}" in str(label)

        # A memo on the coding.
        await pilot.press("m")
        assert isinstance(app.screen, MemoEditor)
        await type_text(pilot, "Peers answer when they know you")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert only_coding(reader).memo == "Peers answer when they know you"
        assert "Peers answer when they know you" in str(screen.query_one("#memo").render())

        # Mark it a key quote.
        await pilot.press("i")
        await pilot.pause()
        assert only_coding(reader).important
        assert "★" in line_of(panel, "Peer-to-peer support")

        # Undo and redo, through the same event log as `qualcode undo`.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not only_coding(reader).important
        assert reader.history(1)[0].name == "undo"
        assert "★" not in line_of(panel, "Peer-to-peer support")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert only_coding(reader).important
        assert "★" in line_of(panel, "Peer-to-peer support")

        # Go elsewhere: open the second document (the recount of the documents after the
        # redo, when typing pauses, leaves the cursor where the user moved it).
        await pilot.press("d", "down")
        await pilot.pause(0.6)
        await pilot.press("enter")
        other = reader.documents.all()[1]
        assert view.document is not None and view.document.name == other.name

        # Retrieval: choose the code, find the segment, jump back to it.
        await pilot.press("g")
        retrieval = app.screen
        assert isinstance(retrieval, RetrievalScreen)
        await pilot.press("c")
        await type_text(pilot, "peer-to")
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # segments are gathered in a worker thread
        await pilot.pause()
        assert app.screen is retrieval
        ids = [s.coding.id for s in retrieval.segments]
        assert coding.id in ids
        subtree = subtree_ids(reader, code.id or 0)  # sub-codes are included by default
        assert ids == [c.id for c in reader.codings.all(code_ids=subtree)]
        segment = retrieval.segments[ids.index(coding.id)]
        assert segment.document_name == doc.name and segment.case_name == "CA-01"
        assert segment.attributes["country or region"] == "Moldova"
        assert segment.coding.important and segment.coding.memo
        await pilot.press(*["down"] * ids.index(coding.id))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert view.document is not None and view.document.name == doc.name
        assert view.selection is not None and view.selection.span == (start, end)
        assert app.focused is view
        assert highlighted_text(view) == " ".join(sentence.split())
        assert only_coding(reader).important and only_coding(reader).memo
