"""Row ids are never reused (migration 0004): a new code does not inherit a deleted code's
finding, a new coding does not become a deleted coding's key quote, redo never collides."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from qualcode.core.model import Code
from qualcode.services import codes as code_service
from qualcode.services import coding as coding_service
from qualcode.services import history
from qualcode.services import synthesis as synth
from qualcode.services.cases import import_attributes
from qualcode.services.importing import import_paths
from qualcode.store import Store, opening
from qualcode.store.migrate import _statements, available, latest_version

AUTOINCREMENT = ["actions", "attributes", "case_attributes", "cases", "code_suggestions",
                 "coders", "codes", "codings", "documents", "findings", "matrices",
                 "matrix_cells", "matrix_columns", "memos", "quote_picks", "speakers",
                 "suggestion_evaluations", "theme_runs", "themes"]


def test_every_referenced_table_uses_autoincrement(store: Store) -> None:
    for table in AUTOINCREMENT:
        sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                 (table,)).fetchone()[0]
        assert "AUTOINCREMENT" in sql, table
    assert store.conn.execute("PRAGMA application_id").fetchone()[0] == opening.APPLICATION_ID


def test_a_new_code_does_not_inherit_a_deleted_codes_finding(seeded: Store) -> None:
    code = code_service.add_code(seeded, "Doomed", coder="a")
    synth.set_finding(seeded, code, "A fictional finding.", coder="a")
    code_service.delete_code(seeded, seeded.codes.get(code.id or 0), coder="a")
    fresh = code_service.add_code(seeded, "Fresh", coder="a")
    assert fresh.id != code.id
    assert seeded.conn.execute("SELECT count(*) FROM findings WHERE code_id = ?",
                               (fresh.id,)).fetchone()[0] == 0
    # Undo the new code and the deletion: the old code comes back with its finding.
    history.undo(seeded, "a")
    history.undo(seeded, "a")
    assert seeded.conn.execute("SELECT text FROM findings WHERE code_id = ?",
                               (code.id,)).fetchone()[0] == "A fictional finding."


def test_a_new_coding_does_not_become_a_deleted_codings_key_quote(seeded: Store) -> None:
    doc, code = seeded.documents.all()[0], seeded.codes.all()[0]
    picked = coding_service.apply_code(seeded, doc, code, 0, 10, coder="a")
    synth.pick_quote(seeded, picked, coder="a")
    assert synth.is_key_quote(seeded, picked)
    coding_service.remove_coding(seeded, picked, coder="a")
    assert seeded.conn.execute("SELECT count(*) FROM quote_picks").fetchone()[0] == 0
    fresh = coding_service.apply_code(seeded, doc, code, 0, 10, coder="a")
    assert fresh.id != picked.id and not synth.is_key_quote(seeded, fresh)
    # Undo the new coding and the removal: the old coding is back, and a key quote again.
    history.undo(seeded, "a")
    history.undo(seeded, "a")
    assert synth.is_key_quote(seeded, seeded.codings.get(picked.id or 0))


def test_redo_after_an_import_made_a_case_does_not_collide(tmp_path: Path,
                                                           seeded: Store) -> None:
    sheet = tmp_path / "cases.csv"
    sheet.write_text("case,country\nCA-01,Serbia\n", encoding="utf-8")
    import_attributes(seeded, sheet, coder="a")
    first = seeded.cases.id_for("CA-01")
    history.undo(seeded, "a")
    transcript = tmp_path / "t.txt"
    transcript.write_text("FICTIONAL.\nInterviewer: Hi?\nAna: Hi.\n", encoding="utf-8")
    import_paths(seeded, [transcript], case="CA-02", coder="b")
    assert seeded.cases.id_for("CA-02") != first
    history.redo(seeded, "a")
    assert seeded.cases.id_for("CA-01") == first


def _v3_project(path: Path) -> None:
    """A schema-3 project (as qualcode made before 0004) with a deleted code 3 whose finding
    stayed behind, and code 2 remembered only by the event log."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for number, sql in available():
        if number <= 3:
            for statement in _statements(sql):
                conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO coders (id, name) VALUES (1, 'ana')")
    conn.execute("INSERT INTO codes (id, guid, name) VALUES (1, 'g1', 'Funding')")
    conn.execute("INSERT INTO actions (id, name, created_at, undoable, state) "
                 "VALUES (1, 'delete code', 'now', 1, 'done')")
    conn.execute("INSERT INTO events (action_id, kind, table_name, row_id, before) "
                 "VALUES (1, 'delete', 'codes', 2, '{}')")
    conn.execute("INSERT INTO findings (code_id, text, updated_at) VALUES (3, 'old', 'now')")
    conn.close()


def test_migration_4_keeps_data_and_counts_above_every_id_ever_used(tmp_path: Path) -> None:
    path = tmp_path / "old.qualcode"
    _v3_project(path)
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert [(c.id, c.name) for c in store.codes.all()] == [(1, "Funding")]
        assert [tuple(r) for r in store.conn.execute("SELECT code_id, text FROM findings")] == [
            (3, "old")]
        with store.action("add", coder="ana"):
            new = store.codes.add(Code(name="New", guid="g9"))
        assert new == 4  # above the deleted code 2 and the finding's code 3
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    backup = tmp_path / "old.qualcode.bak-v3"
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 3
    assert copy.execute("SELECT name FROM codes").fetchall() == [("Funding",)]
    copy.close()


def test_migration_4_also_runs_on_a_project_already_past_it(tmp_path: Path) -> None:
    """Numbers are handed out per issue: a project made at a later schema (12 on main) before
    0004 existed still gets it, and keeps its version and its later tables."""
    path = tmp_path / "later.qualcode"
    _v3_project(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE later (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                 "document_id INTEGER REFERENCES documents (id))")
    conn.execute("INSERT INTO later (document_id) VALUES (NULL)")
    conn.execute(f"PRAGMA user_version = {latest_version()}")
    conn.close()
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'codes'").fetchone()
        assert "AUTOINCREMENT" in sql[0]
        assert store.conn.execute("SELECT count(*) FROM later").fetchone()[0] == 1
        assert store.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'later'"
                                  ).fetchone()[0] == 1
    assert (tmp_path / f"later.qualcode.bak-v{latest_version()}").exists()
    with Store.open(path):  # applied once: nothing more to do, no second backup
        pass
    assert len(list(tmp_path.glob("*.bak-*"))) == 1


def test_the_backup_is_the_files_bytes_and_a_full_disk_stops_the_migration(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qualcode.core import files
    from qualcode.core.errors import QualcodeError
    from qualcode.store import migrate

    path = tmp_path / "p.qualcode"
    _v3_project(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    full = tmp_path / "full.qualcode"
    full.write_bytes(before)
    assert migrate.migrate(conn, path) >= 1
    assert (tmp_path / "p.qualcode.bak-v3").read_bytes() == before
    conn.close()

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.shutil, "copyfileobj", no_space)
    conn = sqlite3.connect(full, isolation_level=None)
    with pytest.raises(QualcodeError, match=r"full\.qualcode\.bak-v3: cannot write: no space"):
        migrate.migrate(conn, full)
    assert migrate.current_version(conn) == 3
    assert not (tmp_path / "full.qualcode.bak-v3").exists()
    assert not list(tmp_path.glob(".*.part"))
    conn.close()
