"""Files that are not ours to change: another application's database, a project from a newer
qualcode, a corrupt project, a project on read-only media. Each is refused or opened
read-only, with one line, and stays byte-for-byte the same."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code
from qualcode.store import Store, opening
from qualcode.store.migrate import latest_version
from tests.cli.helpers import qualcode


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def foreign_db(path: Path, *, wal: bool = False, user_version: int = 0) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('fictional soup')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.close()
    return path


def project(path: Path) -> Path:
    with Store.open(path, create=True) as store, store.action("seed", undoable=False):
        store.codes.add(Code(name="Funding", guid="g-1"))
    return path


@pytest.mark.parametrize("wal,user_version", [(False, 0), (True, 0), (False, 3)])
def test_another_applications_database_is_refused_untouched(
        tmp_path: Path, wal: bool, user_version: int) -> None:
    path = foreign_db(tmp_path / "recipes.db", wal=wal, user_version=user_version)
    before, files = digest(path), siblings(path)
    with pytest.raises(QualcodeError, match="not a qualcode project file"):
        Store.open(path)
    result = qualcode(path, "stats")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a qualcode project file" in result.stderr and "Traceback" not in result.stderr
    assert digest(path) == before and siblings(path) == files
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("recipes",)]


def test_a_database_with_another_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    before = digest(path)
    with pytest.raises(QualcodeError, match="another application"):
        Store.open(path)
    assert digest(path) == before


def test_a_newer_project_opens_read_only_and_refuses_writes(tmp_path: Path) -> None:
    path = project(tmp_path / "newer.qualcode")
    newer = latest_version() + 3
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    before, files = digest(path), siblings(path)
    with Store.open(path) as store:
        assert store.read_only and f"schema {newer}" in store.read_only
        assert f"knows up to {latest_version()}" in store.read_only
        assert [c.name for c in store.codes.all()] == ["Funding"]
        with pytest.raises(QualcodeError, match="newer qualcode"), store.action("edit"):
            pass
    result = qualcode(path, "synth", "finding", "Funding", "A fictional finding.")
    assert result.returncode != 0 and "newer qualcode" in result.stderr
    stats = qualcode(path, "stats")
    assert stats.returncode == 0 and stats.stderr.count("\n") == 1
    assert "newer qualcode" in stats.stderr
    assert digest(path) == before and siblings(path) == files


def corrupt(path: Path) -> Path:
    """A project whose code table's page is scribbled over (the header stays valid)."""
    with Store.open(path, create=True) as store, store.action("seed", undoable=False):
        for n in range(300):
            store.codes.add(Code(name=f"Code {n}", guid=f"g-{n}",
                                 definition="fictional definition " * 5))
    size = 4096
    data = bytearray(path.read_bytes())
    pages = len(data) // size
    for page in range(pages // 2, pages - 1):  # leave page 1 (the schema) alone
        data[page * size + 8: page * size + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))
    return path


def test_a_corrupt_project_opens_read_only_and_says_so(tmp_path: Path) -> None:
    path = corrupt(tmp_path / "broken.qualcode")
    before, files = digest(path), siblings(path)
    with Store.open(path) as store:
        assert store.read_only and "integrity check" in store.read_only
        with pytest.raises(QualcodeError, match="integrity check"), store.action("x"):
            pass
    result = qualcode(path, "stats")
    assert "integrity check" in result.stderr and "Traceback" not in result.stderr
    assert digest(path) == before and siblings(path) == files


def test_read_only_media_opens_read_only(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = project(tmp_path / "cd.qualcode")
    before, files = digest(path), siblings(path)
    # Tests run as root, for whom os.access says yes: stand in for a read-only mount.
    monkeypatch.setattr(opening, "writable", lambda p: False)
    with Store.open(path) as store:
        assert store.read_only and "read-only" in store.read_only
        assert [c.name for c in store.codes.all()] == ["Funding"]
        with pytest.raises(QualcodeError, match="read-only"), store.action("x"):
            pass
    assert digest(path) == before and siblings(path) == files


def test_a_read_only_mount_is_seen_even_by_root(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    class ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "statvfs", lambda p: ReadOnly())
    assert not opening.writable(tmp_path / "x.qualcode")


def test_not_sqlite_at_all_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.qualcode"
    path.write_bytes(b"Fictional notes, not a database.\n" * 10)
    before = digest(path)
    with pytest.raises(QualcodeError, match="not a qualcode project file"):
        Store.open(path)
    assert digest(path) == before and siblings(path) == ["notes.qualcode"]
