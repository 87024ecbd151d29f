"""Finding things from the workbench: search, filter by code, refresh from the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.services.coding import apply_code
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.search import SearchScreen
from qualcode.tui.screens.workbench import WorkbenchScreen
from tests.tui.conftest import CODER
from tests.tui.helpers import highlighted_text, rendered_lines, transcript_of, type_text

pytestmark = pytest.mark.asyncio


async def test_search_and_jump_to_a_hit(demo_path: Path, reader: Store) -> None:
    hits = reader.overview.search("Viber")
    assert hits
    first = hits[0]
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await type_text(pilot, "Viber")
        await pilot.press("enter")
        assert [h.turn_id for h in search.hits] == [h.turn_id for h in hits[:200]]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        view = transcript_of(pilot)
        assert view.document is not None and view.document.id == first.document_id
        assert view.selection is not None
        said = view.document.text[view.selection.start:view.selection.end]
        assert said == "Viber"
        assert first.start <= view.selection.start < first.end
        assert highlighted_text(view) == "Viber"
        assert app.focused is view


async def test_filter_the_transcript_by_code(demo_path: Path, reader: Store) -> None:
    doc = reader.documents.all()[0]
    turns = reader.turns.all(doc.id or 0)
    code = next(c for c in reader.codes.all() if c.name == "Good practices")
    coded = [t for t in turns if any(
        c.start < t.end and t.start < c.end
        for c in reader.codings.all(document_id=doc.id, code_ids=[code.id or 0]))]
    if not coded:  # make sure the document holds a segment of the code
        apply_code(reader, doc, code, turns[4].text_start, turns[4].text_end, coder="other")
        coded = [turns[4]]
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        view = transcript_of(pilot)
        await pilot.press("f")
        await type_text(pilot, "Good practices")
        await pilot.press("enter")
        await pilot.pause()
        shown = {view.turns[i].index for i in view.shown_turns or set()}
        assert shown == {t.index for t in coded}
        assert "filter: Good practices" in str(view.border_subtitle)
        on_screen = "\n".join(rendered_lines(view))
        hidden = next(t for t in turns if t.index not in shown and t.speaker)
        assert f"{hidden.index} {hidden.speaker}" not in on_screen
        assert f"{coded[0].index} {coded[0].speaker}" in on_screen
        await pilot.press("down")  # moving stays inside the filtered turns
        assert view.selection is not None and view.turns[view.selection.turn].index in shown
        await pilot.press("F")
        assert view.shown_turns is None
        assert "filter" not in str(view.border_subtitle)


async def test_reload_shows_another_process_changes(demo_path: Path, reader: Store) -> None:
    doc = reader.documents.all()[0]
    turns = reader.turns.all(doc.id or 0)
    code = reader.codes.all()[0]
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        view = transcript_of(pilot)
        before = len(view.codings)
        # A second qualcode (here: a second connection) codes a turn meanwhile.
        done = apply_code(reader, doc, code, turns[1].text_start, turns[1].text_end,
                          coder="colleague")
        assert len(view.codings) == before
        await pilot.press("ctrl+r")
        assert done.id in [c.id for c in view.codings]


async def test_focus_order(demo_path: Path) -> None:
    """Tab goes documents, codebook, transcript, codings; d, b and Esc jump straight there."""
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        order = []
        for _ in range(4):
            order.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        assert order == ["documents", "codebook", "transcript", "codings"]
        await pilot.press("d")
        assert app.focused is not None and app.focused.id == "documents"
        await pilot.press("b")
        assert app.focused is not None and app.focused.id == "codebook"
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "transcript"


async def test_jump_to_from_any_area(demo_path: Path, reader: Store) -> None:
    """app.jump_to shows a place from anywhere (other areas, e.g. suggestions, use it)."""
    from qualcode.tui.context import Location

    doc = reader.documents.all()[2]
    turn = reader.turns.all(doc.id or 0)[3]
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")  # somewhere else first
        app.jump_to(Location(doc.id or 0, turn.text_start, turn.text_end))
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        view = transcript_of(pilot)
        assert view.document is not None and view.document.id == doc.id
        assert view.selection is not None
        assert view.selection.span == (turn.text_start, turn.text_end)
