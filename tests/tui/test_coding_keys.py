"""More of keyboard (and mouse) coding: new codes from the picker, several codes on one span,
resizing and removing codings, the codings list, the command palette and the help screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.model import Role
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.help import HelpScreen
from qualcode.tui.widgets.coding_list import CodingList
from tests.tui.conftest import CODER
from tests.tui.helpers import highlighted_text, transcript_of, type_text

pytestmark = pytest.mark.asyncio


def mine(reader: Store) -> list[tuple[str, str]]:
    names = {c.id: c.name for c in reader.codes.all()}
    return sorted((names[c.code_id], c.text) for c in reader.codings.all() if c.coder == CODER)


async def test_new_code_several_codes_resize_and_remove(demo_path: Path, reader: Store) -> None:
    doc = reader.documents.all()[0]
    answer = next(t for t in reader.turns.all(doc.id or 0) if t.role is Role.RESPONDENT)
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J")
        view = transcript_of(pilot)
        assert view.selection is not None
        first = doc.text[view.selection.start:view.selection.end]
        # A code made on the spot, under an existing one ("Parent > Child").
        await pilot.press("c")
        await type_text(pilot, "Challenges > Connectivity")
        await pilot.press("ctrl+n")
        await pilot.pause()
        new = next(c for c in reader.codes.all() if c.name == "Connectivity")
        assert reader.codes.get(new.parent_id or 0).name == "Challenges"
        assert mine(reader) == [("Connectivity", first)]
        # A second code on the same span; the picker lists recent codes first.
        await pilot.press("c")
        assert "Connectivity" in str(app.screen.query_one("#picker-options").get_option_at_index(0)
                                     .prompt)
        await type_text(pilot, "digital divide")
        await pilot.press("enter")
        await pilot.pause()
        assert mine(reader) == [("Connectivity", first), ("Digital divide", first)]
        # Grow the selection by two words and resize one coding to it (choosing which).
        await pilot.press("shift+right", "shift+right")
        longer = doc.text[view.selection.start:view.selection.end]
        assert longer.startswith(first) and len(longer) > len(first)
        assert highlighted_text(view) == " ".join(longer.split())
        await pilot.press("r")
        await pilot.press("enter")  # the first coding offered
        await pilot.pause()
        texts = [t for _, t in mine(reader)]
        assert sorted(texts) == sorted([first, longer])
        # Remove one through the codings list.
        panel = app.screen.query_one(CodingList)
        panel.focus()
        await pilot.pause()
        highlighted = panel.highlighted_coding
        await pilot.press("x")
        await pilot.pause()
        assert highlighted not in [c.id for c in reader.codings.all()]
        assert len(mine(reader)) == 1
        assert answer.text_start <= view.selection.start


async def test_mouse_selects_a_sentence(demo_path: Path, reader: Store) -> None:
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        view = transcript_of(pilot)
        assert view.text_layout is not None
        y = next(i for i, line in enumerate(view.text_layout.lines)
                 if line.kind == "text" and view.turns[line.turn].role is Role.RESPONDENT)
        line = view.text_layout.lines[y]
        await pilot.click("#transcript", offset=(1 + 5 + 3, 1 + y))
        assert view.selection is not None
        assert view.selection.start <= line.start + 3 < view.selection.end
        assert app.focused is view
        await pilot.double_click("#transcript", offset=(1 + 5 + 3, 1 + y))
        assert view.selection is not None
        assert view.selection == view.navigator.whole_turn(line.turn)  # type: ignore[union-attr]


async def test_help_and_palette(demo_path: Path) -> None:
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await type_text(pilot, "search the project")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SearchScreen"


async def test_keys_typed_fast_reach_the_dialog(demo_path: Path, reader: Store) -> None:
    """Keys arriving in one burst (a fast typist, a paste): "c" opens the picker and
    "peer-to" lands in its field, not in the workbench."""
    from textual import events

    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J")
        for key in ["c", "p", "e", "e", "r", "minus", "t", "o", "enter"]:
            char = {"minus": "-", "enter": "\r"}.get(key, key)
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert [(reader.codes.get(c.code_id).name) for c in reader.codings.all()
                if c.coder == CODER] == ["Peer-to-peer support"]


async def test_every_key_has_a_command(demo_path: Path) -> None:
    from qualcode.tui.commands import commands_of
    from qualcode.tui.widgets.codebook_tree import CodebookTree
    from qualcode.tui.widgets.transcript import TranscriptView

    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        actions = {c.action for c in commands_of(screen)} | {c.action for c in commands_of(app)}
        for binding in [*screen.BINDINGS, *TranscriptView.BINDINGS, *CodebookTree.BINDINGS,
                        *CodingList.BINDINGS, *app.BINDINGS]:
            action = binding.action  # type: ignore[union-attr]
            assert any(action in a or action.replace("command(", "").rstrip(")").strip("'")
                       in a for a in actions), action


async def test_palette_runs_a_transcript_command(demo_path: Path, reader: Store) -> None:
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J")
        view = transcript_of(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "select the whole turn")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert view.selection is not None and view.navigator is not None
        assert view.selection == view.navigator.whole_turn(view.selection.turn)
