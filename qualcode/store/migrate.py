"""Numbered schema migrations: ``migrations/NNNN_name.sql``, applied in order, each once.

The schema version lives in ``PRAGMA user_version``. Before an existing project is migrated the
file is copied aside (``<name>.bak-v<old>``) so a failed or unwanted upgrade loses nothing. The
copy is made through SQLite's backup API, never by opening the file beside the connection (that
would drop the process's locks on it). A migration whose first line says ``-- foreign keys
off`` (one that rebuilds tables) runs with foreign keys off and is checked before it commits.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path

from qualcode.core.files import atomic_path

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str]]:
    """(version, sql) for every shipped migration, in order."""
    found = []
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_version() -> int:
    return max(version for version, _ in available())


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path | None) -> int:
    """Bring the schema up to date; returns the number of migrations applied."""
    version = current_version(conn)
    pending = [(v, sql) for v, sql in available() if v > version]
    if not pending:
        return 0
    if version > 0 and path is not None:
        backup(conn, path.with_name(f"{path.name}.bak-v{version}"))
    for number, sql in pending:
        _apply(conn, number, sql)
    return len(pending)


def backup(conn: sqlite3.Connection, dest: Path) -> None:
    """A whole copy of the project at ``dest`` (or none), read through ``conn``."""
    with atomic_path(dest) as tmp:
        copy = sqlite3.connect(tmp)
        try:
            conn.backup(copy)
        finally:
            copy.close()


def _apply(conn: sqlite3.Connection, number: int, sql: str) -> None:
    # executescript would COMMIT on its own; run each migration as one explicit transaction
    # so a failure leaves the previous version intact.
    rebuild = sql.lstrip().startswith("-- foreign keys off")
    if rebuild:  # DROP TABLE must not cascade or fail on the references it is rebuilding
        conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if current_version(conn) >= number:  # another process migrated it meanwhile
            conn.execute("COMMIT")
            return
        broken = len(conn.execute("PRAGMA foreign_key_check").fetchall()) if rebuild else 0
        for statement in _statements(sql):
            conn.execute(statement)
        if rebuild and len(conn.execute("PRAGMA foreign_key_check").fetchall()) > broken:
            raise sqlite3.IntegrityError(f"migration {number} broke a foreign key")
        conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        if rebuild:
            conn.execute("PRAGMA foreign_keys = ON")


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (triggers contain inner semicolons)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
