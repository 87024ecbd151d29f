"""Areas read the project in a worker: the panel that waits shows a loading indicator while
the read runs, then the data (issue #15)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from qualcode.services import pseudonyms
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens import synthesis as synthesis_screen
from qualcode.tui.screens.privacy import PrivacyScreen
from qualcode.tui.screens.synthesis import SynthesisScreen
from qualcode.tui.widgets.finding_tree import FindingTree


def blocking(read: Callable[[Store], Any], release: threading.Event) -> Callable[[Store], Any]:
    def slow(store: Store) -> Any:
        release.wait(10)
        return read(store)
    return slow


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.asyncio
async def test_synthesis_shows_loading_then_codes(demo_path: Path, reader: Store,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    monkeypatch.setattr(synthesis_screen, "read_synthesis",
                        blocking(synthesis_screen.read_synthesis, release))
    app = create_app(demo_path, "lead")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SynthesisScreen)
        tree = screen.query_one(FindingTree)
        assert tree.loading and screen.codes == []
        await pilot.press("m")  # keys keep answering while the read runs
        await pilot.pause()
        release.set()
        await settle(pilot)
        assert not tree.loading
        assert [c.id for c in screen.codes] == [c.id for c in reader.codes.all()]


@pytest.mark.asyncio
async def test_privacy_shows_loading_then_register(demo_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(demo_path) as store:
        pseudonyms.scan(store, coder="lead", entities=False)
        expected = [e.text for e in pseudonyms.register_entries(store)]
    assert expected
    release = threading.Event()
    monkeypatch.setattr(pseudonyms, "register_entries",
                        blocking(pseudonyms.register_entries, release))
    app = create_app(demo_path, "lead")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrivacyScreen)
        table = screen.query_one("#privacy-register", DataTable)
        assert table.loading and table.row_count == 0
        release.set()
        await settle(pilot)
        assert not table.loading
        assert [e.text for e in screen.entries] == expected
        assert table.row_count == len(expected)
