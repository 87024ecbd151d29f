from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.store import Store
from qualcode.store.migrate import latest_version, migrate


def test_new_project_is_at_latest_version_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.qualcode", create=True) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migrations_applied_twice_change_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    with Store.open(path, create=True) as store:
        schema = store.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
        assert migrate(store.conn, path) == 0
        again = store.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert [tuple(r) for r in schema] == [tuple(r) for r in again]
    with Store.open(path) as store:
        reopened = store.conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert [tuple(r) for r in reopened] == [tuple(r) for r in schema]
    assert not list(tmp_path.glob("*.bak-*"))  # nothing migrated, nothing copied aside


def test_opening_a_missing_or_foreign_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(QualcodeError, match="no such project"):
        Store.open(tmp_path / "missing.qualcode")
    junk = tmp_path / "junk.qualcode"
    junk.write_text("not a database")
    with pytest.raises(QualcodeError, match="not a qualcode project file"):
        Store.open(junk)
    assert junk.read_text() == "not a database"


def test_writes_outside_an_action_are_refused(seeded: Store) -> None:
    with pytest.raises(RuntimeError):
        seeded.codes.add(seeded.codes.all()[0])


def test_a_failing_action_leaves_nothing_behind(seeded: Store) -> None:
    before = seeded.overview.snapshot()
    history = seeded.history()
    doc = seeded.documents.all()[0]
    code = seeded.codes.all()[0]
    from qualcode.core.model import Coding

    with pytest.raises(ZeroDivisionError), seeded.action("code"):
        seeded.codings.add(Coding(document_id=doc.id or 0, code_id=code.id or 0, start=0, end=5,
                                  text=doc.text[:5], coder="me"))
        raise ZeroDivisionError
    assert seeded.overview.snapshot() == before
    assert seeded.history() == history
