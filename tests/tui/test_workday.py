"""A full day of coding: the jump list, where the coder left off, search hits as whole
words, the codebook cursor after undo, and accepting a theme as a review."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualcode.core.model import Role
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.search import SearchScreen
from qualcode.tui.screens.workbench import WorkbenchScreen
from qualcode.tui.widgets.codebook_tree import CodebookTree
from tests.tui.conftest import CODER
from tests.tui.helpers import highlight_code, transcript_of, type_text

pytestmark = pytest.mark.asyncio


def long_word(reader: Store, doc_id: int) -> tuple[str, int]:
    """A word of 9+ letters said by a respondent in the document, and its offset."""
    doc = reader.documents.get(doc_id)
    for turn in reader.turns.all(doc_id):
        if turn.role is Role.RESPONDENT:
            found = re.search(r"\b[a-z]{9,}\b", doc.text[turn.text_start:turn.text_end])
            if found:
                return found.group(), turn.text_start + found.start()
    raise AssertionError("no long word in the demo document")


async def search_and_jump(pilot: object, query: str) -> None:
    await pilot.press("slash")  # type: ignore[attr-defined]
    await type_text(pilot, query)  # type: ignore[arg-type]
    await pilot.press("enter", "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_search_hit_selects_the_whole_word_centred(demo_path: Path, reader: Store) -> None:
    doc = reader.documents.all()[0]
    word, at = long_word(reader, doc.id or 0)
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_jump(pilot, word[:6] + "*")  # a prefix: FTS finds the word
        assert isinstance(app.screen, WorkbenchScreen)
        view = transcript_of(pilot)
        assert view.selection is not None
        chosen = reader.documents.get(view.document.id or 0).text  # type: ignore[union-attr]
        picked = chosen[view.selection.start:view.selection.end]
        assert picked.lower().startswith(word[:6].lower())
        assert re.fullmatch(r"\w+", picked), picked  # the whole word, not "translat"
        assert not chosen[view.selection.end].isalnum()
        # Centred: the hit's line is in the middle third of the transcript, not at an edge.
        line = view.text_layout.line_of(view.selection.start)  # type: ignore[union-attr]
        height = view.scrollable_content_region.height
        top = int(view.scroll_y)
        if top > 0:  # (a hit near the start cannot be centred)
            assert height // 3 <= line - top <= 2 * height // 3


async def test_jump_list_goes_back_and_forward(demo_path: Path, reader: Store) -> None:
    docs = reader.documents.all()
    word, _ = long_word(reader, docs[1].id or 0)
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J", "J")  # the first document, a respondent turn
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        before = screen.current_place()
        await search_and_jump(pilot, f'"{word}"')
        after = screen.current_place()
        assert after is not None and after != before
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert screen.current_place() == before
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert screen.current_place() == after
        await pilot.press("alt+left")
        await pilot.pause()
        assert screen.current_place() == before
        await pilot.press("ctrl+o")  # nothing further back: stays
        await pilot.pause()
        assert screen.current_place() == before


async def test_session_is_restored_after_quitting(demo_path: Path, reader: Store) -> None:
    listed = [i.id for i in reader.documents.infos()]
    position = next(i for i, d in enumerate(listed) if i >= 1 and reader.codings.all(document_id=d))
    code = reader.codes.get(reader.codings.all(document_id=listed[position])[0].code_id)
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        # A document other than the first, filtered by a code coded there.
        await pilot.press("d", *["down"] * position, "enter", "f")
        await type_text(pilot, code.name.lower())
        await pilot.press("enter", "down", "right")
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        filtered = screen.filter_code
        left = screen.current_place()
        await pilot.press("f4")
        await pilot.pause()
    assert left is not None and left.document_id == listed[position] and filtered == code.id

    again = create_app(demo_path, CODER)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.current_mode == "synthesis"  # the area left open
        await pilot.press("f2")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, WorkbenchScreen)
        assert screen.current_place() == left
        assert screen.filter_code == filtered
        # Another coder starts afresh.
    other = create_app(demo_path, "someone-else")
    async with other.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert other.current_mode == "workbench"
        assert isinstance(other.screen, WorkbenchScreen) and other.screen.document is None


async def test_reopening_a_document_goes_back_to_where_you_were(demo_path: Path,
                                                                 reader: Store) -> None:
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", *["J"] * 4)
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        there = screen.current_place()
        await pilot.press("d", "down", "enter")
        assert screen.current_place() != there
        await pilot.press("d", "up", "enter")
        assert screen.current_place() == there


async def test_codebook_cursor_stays_on_its_code_after_undo(demo_path: Path,
                                                            reader: Store) -> None:
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J")
        await highlight_code(pilot, 6)
        tree = app.screen.query_one(CodebookTree)
        code = tree.highlighted_code
        await pilot.press("e", "ctrl+u")  # rename it: a codebook change to undo
        await type_text(pilot, "Renamed for the test")
        await pilot.press("enter")
        await pilot.pause()
        assert reader.codes.get(code or 0).name == "Renamed for the test"
        await pilot.press("down", "down")  # the cursor elsewhere, as one moves on
        moved = tree.highlighted_code
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert reader.codes.get(code or 0).name != "Renamed for the test"
        assert tree.highlighted_code == moved
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert tree.highlighted_code == moved
        await pilot.press("enter")  # codes the selection with that very code
        await pilot.pause()
        assert any(c.code_id == moved and c.coder == CODER for c in reader.codings.all())


async def test_undo_message_is_plain(demo_path: Path) -> None:
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J", "1", "i")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert "Undone: key-quote mark" in said
        assert not any(re.search(r"coding \d+|\(s\)", m) for m in said)


async def test_maximise_the_transcript(demo_path: Path) -> None:
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        view = transcript_of(pilot)
        small = view.size
        await pilot.press("z")
        await pilot.pause()
        assert view.size.width > small.width and view.size.height > small.height
        await pilot.press("d")  # the documents are wanted: the panels come back
        await pilot.pause()
        assert view.size == small


async def test_search_screen_is_a_jump(demo_path: Path) -> None:
    """Escape from the search leaves the place as it was and adds no jump."""
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J")
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        here = screen.current_place()
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.current_place() == here and not app.jumps.back
