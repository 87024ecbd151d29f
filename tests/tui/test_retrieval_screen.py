"""The retrieval screen: a code's segments across documents, filtered by a case attribute."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from qualcode.services.retrieval import code_segments
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.retrieval import RetrievalScreen
from tests.tui.conftest import CODER
from tests.tui.helpers import type_text

pytestmark = pytest.mark.asyncio


async def test_filter_segments_by_attribute(demo_path: Path, reader: Store) -> None:
    code = next(c for c in reader.codes.all()
                if c.name == "Financial sustainability and income models")
    everything = code_segments(reader, code.id or 0)
    peers = code_segments(reader, code.id or 0, where={"peer group": "peer organisation"})
    assert everything and peers and len(peers) < len(everything)
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "c")
        await type_text(pilot, "financial sust")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RetrievalScreen)
        assert [s.coding.id for s in screen.segments] == [s.coding.id for s in everything]
        # a: the attribute filter; choose "peer group", then its value, with the keyboard.
        await pilot.press("a", "enter")
        await type_text(pilot, "peer g")
        await pilot.press("enter")
        assert screen.query_one("#retrieval-attribute", Select).value == "peer group"
        await pilot.press("tab", "enter")
        await type_text(pilot, "peer o")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one("#retrieval-value", Select).value == "peer organisation"
        assert [s.coding.id for s in screen.segments] == [s.coding.id for s in peers]
        assert all(s.attributes["peer group"] == "peer organisation" for s in screen.segments)
        assert "where peer group = peer organisation" in str(
            screen.query_one("#retrieval-segments").border_title)
        # s: only this code, without its sub-codes.
        await pilot.press("tab")  # from the value to the segments
        assert app.focused is screen.query_one("#retrieval-segments")
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        own = [s for s in peers if s.coding.code_id == code.id]
        assert [s.coding.id for s in screen.segments] == [s.coding.id for s in own]
