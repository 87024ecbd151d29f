"""Fixtures for the workbench tests: the demo project, built once per session and copied per
test, and helpers to drive and read the app."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.core.model import Code, Document
from qualcode.services.codes import find_code
from qualcode.services.demo import build_demo
from qualcode.store import Store
from tests.conftest import CODEBOOK, TRANSCRIPTS

CODER = "tester"


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-master") / "demo.qualcode"
    build_demo(path, TRANSCRIPTS, CODEBOOK, coder=CODER)
    return path


@pytest.fixture(scope="session")
def suggested_master(demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with themes and code suggestions made (at a fixed time), once per worker:
    its copies are the starting point of every suggestions test."""
    from tests.tui.suggested import seed_suggestions

    return seed_suggestions(demo_master, tmp_path_factory.mktemp("suggested") / "demo.qualcode")


@pytest.fixture
def demo_path(demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo project (named demo.qualcode, as the header shows)."""
    dest = tmp_path / "demo.qualcode"
    shutil.copy(demo_master, dest)
    return dest


@pytest.fixture
def reader(demo_path: Path) -> Iterator[Store]:
    """A second connection to the project, as another process would see it."""
    with Store.open(demo_path) as store:
        yield store


def first_document(store: Store) -> Document:
    return store.documents.all()[0]


def code_named(store: Store, name: str) -> Code:
    return find_code(store, name)
