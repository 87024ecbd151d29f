"""SVG snapshots of the main screens at 120x40 and 80x24 (pytest-textual-snapshot).

Regenerate after a deliberate change with
``.venv/bin/python -m pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the
report. The screens show only the project file's name (always demo.qualcode here), never
paths, times or ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from qualcode.tui.app import create_app
from tests.tui.conftest import CODER

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
# Open the first document, go to its third answer and select its second sentence.
OPEN_AND_SELECT = ["enter", "J", "J", "J", "right"]


def app_on(path: Path) -> Any:
    return create_app(path, CODER)


@pytest.mark.parametrize("size", SIZES)
def test_workbench_start(snap_compare: Any, demo_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_on(demo_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_workbench_coding(snap_compare: Any, demo_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_on(demo_path), press=OPEN_AND_SELECT, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_code_picker(snap_compare: Any, demo_path: Path, size: tuple[int, int]) -> None:
    keys = [*OPEN_AND_SELECT, "c", "p", "e", "e", "r"]
    assert snap_compare(app_on(demo_path), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_retrieval(snap_compare: Any, demo_path: Path, size: tuple[int, int]) -> None:
    async def retrieve(pilot: Pilot[Any]) -> None:
        await pilot.press(*OPEN_AND_SELECT, "g", "c", *"peer", "minus", "t", "o", "enter")
        await pilot.app.workers.wait_for_complete()  # segments are gathered in a thread
        await pilot.pause()

    assert snap_compare(app_on(demo_path), run_before=retrieve, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_search(snap_compare: Any, demo_path: Path, size: tuple[int, int]) -> None:
    keys = ["slash", "V", "i", "b", "e", "r", "enter"]
    assert snap_compare(app_on(demo_path), press=keys, terminal_size=size)


def test_help(snap_compare: Any, demo_path: Path) -> None:
    assert snap_compare(app_on(demo_path), press=["question_mark"], terminal_size=(120, 40))


def test_light_theme(snap_compare: Any, demo_path: Path) -> None:
    async def light(pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+t", *OPEN_AND_SELECT)

    assert snap_compare(app_on(demo_path), run_before=light, terminal_size=(120, 40))
