"""Dialog shortcuts over long code lists: the matrix's columns all, none or top level only."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import SelectionList

from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.synthesis_dialogs import MatrixDefinition
from tests.tui.conftest import CODER

pytestmark = pytest.mark.asyncio


async def test_matrix_dialog_all_none_top_level(demo_path: Path, reader: Store) -> None:
    codes = reader.codes.all()
    app = create_app(demo_path, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4", "m", "D")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MatrixDefinition)
        ticks = dialog.query_one(SelectionList)
        await pilot.press("ctrl+a")
        assert set(ticks.selected) == {c.id for c in codes}
        await pilot.press("ctrl+n")
        assert not ticks.selected
        await pilot.press("ctrl+l")
        assert set(ticks.selected) == {c.id for c in codes if c.parent_id is None}
        assert 0 < len(ticks.selected) < len(codes)
