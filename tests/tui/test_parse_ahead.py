"""Ready before asked: the app opens on a project whose documents are not parsed, parses them
in a worker process and finds themes; the Suggestions area shows "parsing N of M documents"
and then the themes, with no key pressed but the one opening it. Quitting mid-parse ends the
worker and keeps what it parsed.

The worker is held at its first write by a lock taken here (another process writing the
project), so the test sees the parse in progress however fast the blank pipeline is."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Label

from qualcode.services.parsing import plan_parse
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.widgets.theme_list import ThemeList
from qualcode.tui.widgets.work_progress import WorkProgress
from tests.suggest.conftest import add_topic_documents
from tests.tui.conftest import CODER

pytestmark = pytest.mark.asyncio

DOCUMENTS = 6


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUALCODE_PARSE_AHEAD", "1")
    path = tmp_path / "fresh.qualcode"
    with Store.open(path, create=True) as store:
        add_topic_documents(store, documents=DOCUMENTS)
    return path


@pytest.fixture
def writer_lock(project: Path) -> Iterator[sqlite3.Connection]:
    """Another connection holding the project's write lock until the test lets it go."""
    conn = sqlite3.connect(project, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    conn.close()


async def wait_for(pilot: Pilot[Any], ready: Any, rounds: int = 3000) -> None:
    """Let the app run until ``ready()``: a worker process reports a few times a second once
    started, and starting one (spawn, imports) takes long on a busy machine."""
    for _ in range(rounds):
        if ready():
            return
        await pilot.pause(0.1)
    raise AssertionError("the app never got there")


def stage_text(pilot: Pilot[Any]) -> str:
    return str(pilot.app.screen.query_one("#work-stage", Label).content)


def cached(path: Path) -> int:
    with Store.open(path) as store:
        return int(store.conn.execute("SELECT count(*) FROM parse_cache").fetchone()[0])


async def test_suggestions_show_the_parse_in_progress_then_themes(
        project: Path, writer_lock: sqlite3.Connection) -> None:
    app = create_app(project, CODER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        screen = pilot.app.screen
        await wait_for(pilot, lambda: screen.query_one(WorkProgress).running)
        assert f"of {DOCUMENTS} documents" in stage_text(pilot)
        assert stage_text(pilot).startswith("Preparing suggestions: parsing ")
        assert screen.query_one(ThemeList).option_count == 0
        writer_lock.rollback()  # the other writer is done: the worker stores its parses
        await wait_for(pilot, lambda: screen.query_one(ThemeList).option_count > 0)
        assert not screen.query_one(WorkProgress).running
        assert "themes" in str(screen.query_one("#themes-info", Label).content)
    with Store.open(project) as store:
        assert not plan_parse(store).missing


async def test_quitting_mid_parse_ends_the_worker_and_keeps_its_parses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quit as soon as the worker reports a document parsed (the service test stops it at
    an exact parse: tests/services/test_parse_ahead.py)."""
    monkeypatch.setenv("QUALCODE_PARSE_AHEAD", "1")
    path = tmp_path / "many.qualcode"
    with Store.open(path, create=True) as store:
        add_topic_documents(store, documents=60)
        plan = plan_parse(store)
    app = create_app(path, CODER)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.parse_ahead.state is not None
                       and (app.parse_ahead.state.done > 0 or not app.parse_ahead.running))
        state = app.parse_ahead.state
        assert state is not None and state.stage != "failed", state
        reported = state.done
        app.exit()
    assert app.parse_ahead._process is None  # the worker ended before the app did
    assert cached(path) >= plan.ends[reported - 1] > 0
