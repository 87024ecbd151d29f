"""The Privacy area: scan, review an identifier in context, decide, undo; all in the file."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Label, Static

from qualcode.store import Store
from qualcode.store.identifiers import identifiers
from qualcode.tui.app import create_app
from qualcode.tui.screens.privacy import PrivacyScreen
from tests.privacy.test_register import project  # noqa: F401  (the fixture)


@pytest.mark.asyncio
async def test_scan_review_decide_and_undo(project: Store) -> None:  # noqa: F811
    path = project.path
    project.close()
    app = create_app(path, "lead")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrivacyScreen)
        assert "register is empty" in str(screen.query_one("#privacy-summary", Label).render())
        await pilot.press("s")
        await pilot.pause()
        table = screen.query_one("#privacy-register", DataTable)
        assert table.row_count > 5
        first = screen.current
        assert first is not None and first.kind == "person"  # people come first
        context = str(screen.query_one("#privacy-context", Static).render())
        assert first.text in context and "place 1 of" in context
        await pilot.press("k")
        await pilot.pause()
        with Store.open(path) as reader:
            kept = {e.text: e.decision for e in identifiers(reader)}
        assert kept[first.text] == "keep"
        await pilot.press("ctrl+z")
        await pilot.pause()
        with Store.open(path) as reader:
            assert {e.text: e.decision for e in identifiers(reader)}[first.text] is None
