"""SVG snapshots of the Synthesis (f4) and Analysis (f5) areas at 120x40 and 80x24.

Regenerate after a deliberate change with
``.venv/bin/python -m pytest tests/tui/test_snapshots_synthesis.py --snapshot-update`` and look
at the report. The project gets a finding, a matrix and a few cells (through the services)
before the app starts; the screens show no times, paths or ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from qualcode.services.codes import find_code
from qualcode.services.synthesis import define_matrix, find_case, set_cell, set_finding
from qualcode.store import Store
from qualcode.tui.app import create_app
from tests.tui.conftest import CODER
from tests.tui.helpers import remove_matrices

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


def synthesised(path: Path) -> Path:
    """The demo project with a finding, the benchmarking matrix and three cells."""
    with Store.open(path) as store:
        remove_matrices(store)  # the demo's own matrix is larger than a screen
        top = store.codes.all()[0]
        set_finding(store, top, "Communities live where someone is paid to make others "
                    "talk: a facilitator with time, not the platform.", coder=CODER)
        columns = [find_code(store, name) for name in
                   ("Moderation", "Peer-to-peer support", "Governance")]
        define_matrix(store, columns, ["strong", "partial", "weak", "absent"], coder=CODER)
        set_cell(store, find_case(store, "CA-01"), columns[0], coder=CODER, rating="strong",
                 summary="The associate asks members one by one to write.")
        set_cell(store, find_case(store, "CA-02"), columns[0], coder=CODER, rating="weak")
        set_cell(store, find_case(store, "CA-01"), columns[2], coder=CODER, rating="absent",
                 summary="No steering group yet.")
    return path


def app_on(path: Path) -> Any:
    return create_app(path, CODER)


@pytest.mark.parametrize("size", SIZES)
def test_synthesis_findings(snap_compare: Any, demo_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_on(synthesised(demo_path)), press=["f4"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_synthesis_matrix(snap_compare: Any, demo_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_on(synthesised(demo_path)), press=["f4", "m"], terminal_size=size)


def test_cell_editor(snap_compare: Any, demo_path: Path) -> None:
    keys = ["f4", "m", "down", "e"]  # CA-02 x Moderation: rated, no summary: the draft
    assert snap_compare(app_on(synthesised(demo_path)), press=keys, terminal_size=(120, 40))


@pytest.mark.parametrize("size", SIZES)
def test_analysis_split(snap_compare: Any, demo_path: Path, size: tuple[int, int]) -> None:
    with Store.open(demo_path) as store:
        names = list(store.attributes.types())

    async def split(pilot: Pilot[Any]) -> None:
        await pilot.press("f5", "a", *["down"] * (names.index("peer group") + 1), "enter")
        await pilot.app.workers.wait_for_complete()  # counted in a worker thread
        await pilot.pause()

    assert snap_compare(app_on(demo_path), run_before=split, terminal_size=size)


def test_cooccurrence(snap_compare: Any, demo_path: Path) -> None:
    async def pairs(pilot: Pilot[Any]) -> None:
        await pilot.press("f5")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(app_on(demo_path), run_before=pairs, terminal_size=(120, 40))
