"""The Team area: walk three disagreements with the keyboard, resolve them, and see the
figures counted again; every decision is in the project file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Label, Static

from qualcode.services import resolve as team
from qualcode.services.merge import merge_project
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.team import TeamScreen

SIZE = (140, 40)


@pytest.mark.asyncio
async def test_walk_and_resolve_three_disagreements(ana_and_ben: tuple[Path, Path]) -> None:
    ana, ben = ana_and_ben
    with Store.open(ana) as store:
        merge_project(store, ben, coder="lead")
        opened = team.open_disagreements(store, "ana", "ben")
    app = create_app(ana, "lead")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TeamScreen)
        summary = str(screen.query_one("#team-summary", Label).render())
        assert "ana vs ben on characters" in summary and f"resolved 0 of {len(opened)}" \
            in summary
        table = screen.query_one("#team-disagreements", DataTable)
        assert table.row_count == len(opened)
        detail = str(screen.query_one("#team-detail", Static).render())
        assert "ana" in detail and "ben" in detail

        await pilot.press("1")  # the first: ana's codings
        await pilot.press("down", "2")  # skip one, take ben's on the next
        await pilot.press("b")  # and both on the one after
        await pilot.pause()
        summary_after = str(screen.query_one("#team-summary", Label).render())
        assert f"resolved 3 of {len(opened)}" in summary_after
        assert "consensus vs ana" in summary_after and "consensus vs ben" in summary_after
        assert table.row_count == len(opened) - 3

    expected_first = {(s.code_id, s.start, s.end) for s in opened[0].first}
    expected_second = {(s.code_id, s.start, s.end) for s in opened[2].second}
    both = {(s.code_id, s.start, s.end) for s in opened[3].first + opened[3].second}
    with Store.open(ana) as store:
        consensus = {(c.code_id, c.start, c.end) for c in store.codings.all()
                     if c.coder == "consensus"}
        assert consensus == expected_first | expected_second | both
        assert team.progress(store, "ana", "ben").resolved == 3
        assert [a.name for a in store.history(3)] == ["resolve"] * 3


@pytest.mark.asyncio
async def test_a_project_with_one_coder_says_what_to_do(ana_and_ben: tuple[Path, Path]) -> None:
    ana, _ben = ana_and_ben
    app = create_app(ana, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        summary = str(app.screen.query_one("#team-summary", Label).render())
        assert "qualcode merge" in summary
        await pilot.press("1")  # nothing to resolve: nothing happens, nothing breaks
        assert isinstance(app.screen, TeamScreen)
