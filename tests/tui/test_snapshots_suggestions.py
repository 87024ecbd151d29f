"""SVG snapshots of the Suggestions screen (themes) at 120x40 and 80x24, on the demo project
with suggestions found once per module (dates fixed, see tests/tui/suggested.py).

Regenerate after a deliberate change with
``.venv/bin/python -m pytest tests/tui/test_snapshots_suggestions.py --snapshot-update``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from qualcode.tui.app import create_app
from tests.tui.conftest import CODER
from tests.tui.suggested import seed_suggestions

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


@pytest.fixture(scope="module")
def suggested_master(demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_suggestions(demo_master, tmp_path_factory.mktemp("suggested") / "demo.qualcode")


@pytest.mark.parametrize("size", SIZES)
def test_suggestions_themes(snap_compare: Any, suggested_master: Path, tmp_path: Path,
                            size: tuple[int, int]) -> None:
    path = tmp_path / "demo.qualcode"
    shutil.copy(suggested_master, path)
    assert snap_compare(create_app(path, CODER), press=["f3"], terminal_size=size)
