"""The copy of a project taken before migrating it is whole or absent: a full disk stops the
migration with one line, leaves no truncated `.bak` file, and the project is not migrated."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from qualcode.core import files
from qualcode.core.errors import QualcodeError
from qualcode.store import migrate


def _old_project(path: Path) -> sqlite3.Connection:
    """A project file at schema version 1, as the first qualcode release left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    version, sql = migrate.available()[0]
    conn.executescript(sql)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def test_the_backup_is_a_whole_copy_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    conn = _old_project(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    assert migrate.migrate(conn, path) == len(migrate.available()) - 1
    assert (tmp_path / "p.qualcode.bak-v1").read_bytes() == before
    assert not list(tmp_path.glob(".*.part"))
    conn.close()


def test_a_full_disk_while_backing_up_stops_the_migration(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.qualcode"
    conn = _old_project(path)
    real_copy = files.shutil.copyfileobj

    def half_then_full(source: object, target: object, length: int = 0) -> None:
        real_copy(source, target, 512)  # type: ignore[arg-type]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.shutil, "copyfileobj", half_then_full)
    with pytest.raises(QualcodeError, match=r"p\.qualcode\.bak-v1: cannot write: no space left"):
        migrate.migrate(conn, path)
    assert not (tmp_path / "p.qualcode.bak-v1").exists()
    assert not list(tmp_path.glob(".*.part"))
    assert migrate.current_version(conn) == 1
    conn.close()
