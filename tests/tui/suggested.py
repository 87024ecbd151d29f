"""The demo project with suggestions found: one theme run and a list of code suggestions,
made through the services (in this process) so the Suggestions tests start from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qualcode.services import suggest
from qualcode.store import Store
from qualcode.store import suggestions as suggestion_table
from tests.tui.conftest import CODER

WHEN = "2026-01-15T09:30:00+00:00"  # fixed, so snapshots do not show today's date


def seed_suggestions(demo_master: Path, dest: Path) -> Path:
    shutil.copy(demo_master, dest)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(suggestion_table, "now", lambda: WHEN)
        with Store.open(dest) as store:
            suggest.suggest_themes(store, coder=CODER)
            suggest.suggest_codes(store, coder=CODER)
    return dest
