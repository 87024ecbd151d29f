"""The demo project, built once per test session and copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qualcode.services.demo import build_demo
from tests.conftest import CODEBOOK, TRANSCRIPTS


@pytest.fixture(scope="session")
def served_demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve-demo") / "demo.qualcode"
    build_demo(path, TRANSCRIPTS, CODEBOOK, coder="demo-analyst")
    return path


@pytest.fixture
def demo_project(served_demo_master: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "demo.qualcode"
    shutil.copy(served_demo_master, dest)
    return dest
