"""Several coders in the workbench: whose coding is whose, and hiding a colleague's."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.services.merge import merge_project
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.coder_filter import CoderFilter
from qualcode.tui.screens.workbench import WorkbenchScreen


@pytest.mark.asyncio
async def test_hide_a_colleagues_codings_and_show_them_again(
        ana_and_ben: tuple[Path, Path]) -> None:
    ana, ben = ana_and_ben
    with Store.open(ana) as store:
        merge_project(store, ben, coder="ana")
        doc = store.documents.find("ca01-moldova.txt")
        everyone = {c.id for c in store.codings.all(document_id=doc.id)}
        bens = {c.id for c in store.codings.all(document_id=doc.id) if c.coder == "ben"}
    app = create_app(ana, "ana")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        screen.open_document(doc.id or 0)
        await pilot.pause()
        assert {c.id for c in screen.codings} == everyone
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, CoderFilter)
        await pilot.press("down", "space", "enter")  # ben is second (you come first): untick
        await pilot.pause()
        assert screen.hidden_coders == {"ben"}
        assert {c.id for c in screen.codings} == everyone - bens
        assert all(c.coder == "ana" for c in screen.transcript.codings)
        await pilot.press("V", "ctrl+a", "enter")
        await pilot.pause()
        assert {c.id for c in screen.codings} == everyone
