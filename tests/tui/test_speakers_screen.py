"""The Speakers area (f6): review every speaker with a sample line, fix a role everywhere with
one key, rename/merge, undo with ctrl+z; every change is in the project file at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from qualcode.core.model import Role
from qualcode.services import importing
from qualcode.services.project import init_project
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.dialogs import Prompt
from qualcode.tui.screens.speakers import SpeakersScreen

pytestmark = pytest.mark.asyncio


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "p.qualcode"
    store = init_project(path)
    for name, who in (("a.txt", "Interviewer 1"), ("b.txt", "Interviewer")):
        (tmp_path / name).write_text(
            f"FICTIONAL\n{who}: Hello there.\nMaja Petrović: Hi, we started in May with "
            f"three people.\n{who}: Good.\nMaja Petrović: Bye now.\n", encoding="utf-8")
    importing.import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"])
    store.close()
    return path


def _roles(path: Path, name: str) -> set[Role]:
    with Store.open(path) as reader:
        return {s.role for s in reader.speakers.all() if s.name == name}


async def test_review_and_fix_speakers_from_the_keyboard(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = create_app(path, "tester")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        table = screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert set(names) == {"Maja Petrović", "Interviewer 1", "Interviewer"}
        maja = names.index("Maja Petrović")
        row = table.get_row_at(maja)
        assert row[1] == "2" and row[4] == "respondent"
        assert "we started in May" in str(row[5])  # a sample line of the speaker
        table.move_cursor(row=maja)
        await pilot.pause()
        detail = str(screen.query_one("#speakers-detail").render())
        assert "Why:" in detail and "Said: “Hi, we started in May" in detail

        table.move_cursor(row=maja)
        await pilot.press("i")
        await pilot.pause()
        assert _roles(path, "Maja Petrović") == {Role.INTERVIEWER}
        assert "interviewer" in str(table.get_row_at(table.cursor_row)[4])

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _roles(path, "Maja Petrović") == {Role.RESPONDENT}

        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        table.move_cursor(row=names.index("Interviewer 1"))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        app.screen.query_one(Input).value = "Interviewer"
        await pilot.press("enter")
        await pilot.pause()
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert sorted(names) == ["Interviewer", "Maja Petrović"]
        assert _roles(path, "Interviewer 1") == set()
