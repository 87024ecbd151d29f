"""Editing the codebook from its tree: merge, delete and undo, add, rename, recolour, pin."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.colours import PALETTE
from qualcode.tui.screens.code_picker import CodePicker
from qualcode.tui.screens.dialogs import Confirm
from qualcode.tui.widgets.codebook_tree import CodebookTree
from tests.tui.conftest import CODER
from tests.tui.helpers import highlight_code, transcript_of, type_text

pytestmark = pytest.mark.asyncio


def position(reader: Store, name: str) -> int:
    return next(i for i, c in enumerate(reader.codes.all()) if c.name == name)


def tree_labels(tree: CodebookTree) -> list[str]:
    return [str(tree.get_node_at_line(i).label) for i in range(tree.last_line + 1)]


async def test_merge_two_codes(demo_path: Path, reader: Store) -> None:
    source = next(c for c in reader.codes.all() if c.name == "Moderation")
    target = next(c for c in reader.codes.all() if c.name == "Content curation")
    moved = {c.id for c in reader.codings.all(code_ids=[source.id or 0])}
    kept = {c.id for c in reader.codings.all(code_ids=[target.id or 0])}
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await highlight_code(pilot, position(reader, "Moderation"))
        await pilot.press("M")
        assert isinstance(app.screen, CodePicker)
        await type_text(pilot, "content cur")
        await pilot.press("enter")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert "Moderation" not in [c.name for c in reader.codes.all()]
        assert {c.id for c in reader.codings.all(code_ids=[target.id or 0])} == moved | kept
        tree = app.screen.query_one(CodebookTree)
        labels = tree_labels(tree)
        assert not any("Moderation" in label for label in labels)
        assert any(f"Content curation {len(moved | kept)}" in label for label in labels)
        assert tree.highlighted_code == target.id


async def test_delete_a_code_and_undo(demo_path: Path, reader: Store) -> None:
    code = next(c for c in reader.codes.all() if c.name == "Good practices")
    codings = reader.codings.all(code_ids=[code.id or 0])
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await highlight_code(pilot, position(reader, "Good practices"))
        tree = app.screen.query_one(CodebookTree)
        await pilot.press("x")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # changed my mind: nothing happens
        assert [c.name for c in reader.codes.all()].count("Good practices") == 1
        await pilot.press("x", "y")
        await pilot.pause()
        assert "Good practices" not in [c.name for c in reader.codes.all()]
        assert reader.codings.all(code_ids=[code.id or 0]) == []
        assert not any("Good practices" in label for label in tree_labels(tree))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert reader.codes.get(code.id or 0) == code
        assert reader.codings.all(code_ids=[code.id or 0]) == codings
        assert any("Good practices" in label for label in tree_labels(tree))


async def test_add_rename_recolour_and_pin(demo_path: Path, reader: Store) -> None:
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await highlight_code(pilot, position(reader, "Challenges"))
        tree = app.screen.query_one(CodebookTree)
        await pilot.press("a")
        await type_text(pilot, "Staff turnover")
        await pilot.press("enter")
        await pilot.pause()
        made = next(c for c in reader.codes.all() if c.name == "Staff turnover")
        assert reader.codes.get(made.parent_id or 0).name == "Challenges"
        assert tree.highlighted_code == made.id
        await pilot.press("e", *["backspace"] * 20)
        await type_text(pilot, "Staff leaving")
        await pilot.press("enter")
        await pilot.pause()
        assert reader.codes.get(made.id or 0).name == "Staff leaving"
        await pilot.press("C", "down", "enter")  # swatches: the second colour offered
        await pilot.pause()
        assert reader.codes.get(made.id or 0).colour == PALETTE[1]
        await pilot.press("C", "end", "enter")  # the last line: type a colour
        await type_text(pilot, "teal")
        await pilot.press("enter")
        await pilot.pause()
        assert reader.codes.get(made.id or 0).colour == "#008080"
        # Move it to the top level (the picker's first choice when nothing is typed) and back.
        await pilot.press("v", "enter")
        await pilot.pause()
        assert reader.codes.get(made.id or 0).parent_id is None
        await pilot.press("v")
        await type_text(pilot, "challenges")
        await pilot.press("enter")
        await pilot.pause()
        assert reader.codes.get(reader.codes.get(made.id or 0).parent_id or 0).name == "Challenges"
        assert tree.highlighted_code == made.id
        # Pin it to 9 (taken in the demo): refused, then unpin the other code and retry.
        taken = next((c for c in reader.codes.all() if c.shortcut == "9"), None)
        await pilot.press("p", *["backspace"] * 3, "9", "enter")
        await pilot.pause()
        if taken is not None:
            assert reader.codes.get(made.id or 0).shortcut == ""
            await highlight_code(pilot, position(reader, taken.name))
            await pilot.press("p", *["backspace"] * 3, "enter")
            await pilot.pause()
            assert reader.codes.get(taken.id or 0).shortcut == ""
            await highlight_code(pilot, position(reader, "Staff leaving"))
            await pilot.press("p", "9", "enter")
            await pilot.pause()
        assert reader.codes.get(made.id or 0).shortcut == "9"
        # The number key codes the selection with the pinned code.
        await pilot.press("d", "enter", "J", "9")
        await pilot.pause()
        view = transcript_of(pilot)
        assert view.selection is not None
        mine = [c for c in reader.codings.all() if c.coder == CODER]
        assert [(c.code_id, c.start, c.end) for c in mine] == [
            (made.id, view.selection.start, view.selection.end)]
