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

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


@pytest.mark.parametrize("size", SIZES)
def test_suggestions_themes(snap_compare: Any, suggested_master: Path, tmp_path: Path,
                            size: tuple[int, int]) -> None:
    path = tmp_path / "demo.qualcode"
    shutil.copy(suggested_master, path)
    assert snap_compare(create_app(path, CODER), press=["f3"], terminal_size=size)
