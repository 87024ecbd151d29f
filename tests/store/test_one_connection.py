"""One connection per project file per thread, shared by every Store opened on it; the file
is looked at outside SQLite only before the first connection; the WAL survives other
processes opening and closing the project."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from qualcode.core.model import Code
from qualcode.store import Store, opening, registry
from tests.cli.helpers import qualcode_process


def test_every_open_in_a_thread_shares_one_connection(tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    first = Store.open(path, create=True)
    second = Store.open(tmp_path / "." / "p.qualcode")  # the same file by another spelling
    assert second.conn is first.conn and registry.open_connections(path) == 1
    second.close()
    second.close()  # closing twice is harmless
    with first.action("add", coder="a"):
        first.codes.add(Code(name="Funding", guid="g1"))
    first.close()
    assert registry.open_connections(path) == 0
    with pytest.raises(sqlite3.ProgrammingError):
        first.conn.execute("SELECT 1")


def test_another_thread_gets_its_own_connection(tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    with Store.open(path, create=True) as store:
        with store.action("add", coder="a"):
            store.codes.add(Code(name="Funding", guid="g1"))
        seen: list[object] = []

        def worker() -> None:
            with Store.open(path) as other:
                seen.extend([other.conn is store.conn, [c.name for c in other.codes.all()],
                             registry.open_connections(path)])

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert seen == [False, ["Funding"], 2]
        assert registry.open_connections(path) == 1


def test_the_file_is_read_outside_sqlite_only_before_the_first_connection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.qualcode"
    Store.open(path, create=True).close()
    reads: list[Path] = []
    real = opening._header
    monkeypatch.setattr(opening, "_header", lambda p: reads.append(p) or real(p))
    with Store.open(path):
        assert len(reads) == 1
        for _ in range(3):  # what retrieval, analysis and the report do
            with Store.open(path) as again:
                again.codes.all()
        assert len(reads) == 1
    with Store.open(path):
        assert len(reads) == 2  # all closed in between: checked afresh


def test_the_wal_survives_other_processes_while_the_project_is_open(tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    wal = path.with_name(path.name + "-wal")
    with Store.open(path, create=True) as store:
        with store.action("add", coder="a"):
            store.codes.add(Code(name="Funding", guid="g1"))
        Store.open(path).close()  # a screen opening the project again
        assert qualcode_process(path, "stats", check=True).returncode == 0
        assert wal.exists()
        with store.action("add", coder="a"):
            store.codes.add(Code(name="Governance", guid="g2"))
        shown = qualcode_process(path, "codebook", "show", check=True).stdout
        assert "Funding" in shown and "Governance" in shown
