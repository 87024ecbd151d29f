"""Numbered schema migrations: ``migrations/NNNN_name.sql``, applied in order, each once.

The schema version lives in ``PRAGMA user_version``. Before an existing project is migrated the
file is copied aside (``<name>.bak-v<old>``) so a failed or unwanted upgrade loses nothing. The
copy is read through the connection (``serialize``), never by opening the file beside it:
closing that descriptor would drop the process's locks on the file. A migration whose first
line says ``-- foreign keys off`` (one that rebuilds tables) runs with foreign keys off and is
checked before it commits. A migration numbered below a project's version (numbers are handed
out per issue, so they can land out of order) still runs if its ``-- needed when: SQL`` line
says so."""

from __future__ import annotations

import io
import re
import shutil
import sqlite3
from importlib import resources
from pathlib import Path

from qualcode.core.files import atomic_write

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_NEEDED = re.compile(r"^-- needed when: (.+)$", re.MULTILINE)


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
    pending = [(v, sql) for v, sql in available() if v > version or _needed(conn, sql)]
    if not pending:
        return 0
    if version > 0 and path is not None:
        backup(conn, path.with_name(f"{path.name}.bak-v{version}"))
    for number, sql in pending:
        _apply(conn, number, sql)
    return len(pending)


def backup(conn: sqlite3.Connection, dest: Path) -> None:
    """A whole copy of the project at ``dest`` (or none): the file's bytes after a checkpoint,
    read through ``conn``."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = conn.serialize()
    with atomic_write(dest, "wb") as handle:
        shutil.copyfileobj(io.BytesIO(data), handle, 1024 * 1024)


def _needed(conn: sqlite3.Connection, sql: str) -> bool:
    """Whether a migration's ``-- needed when: QUERY`` holds (False when it has none)."""
    match = _NEEDED.search(sql)
    return bool(match and conn.execute(match.group(1)).fetchone()[0])


def _apply(conn: sqlite3.Connection, number: int, sql: str) -> None:
    # executescript would COMMIT on its own; run each migration as one explicit transaction
    # so a failure leaves the previous version intact.
    rebuild = sql.lstrip().startswith("-- foreign keys off")
    if rebuild:  # DROP TABLE must not cascade or fail on the references it is rebuilding
        conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = current_version(conn)
        if version >= number and not _needed(conn, sql):  # another process did it meanwhile
            conn.execute("COMMIT")
            return
        broken = len(conn.execute("PRAGMA foreign_key_check").fetchall()) if rebuild else 0
        for statement in _statements(sql):
            conn.execute(statement)
        if rebuild and len(conn.execute("PRAGMA foreign_key_check").fetchall()) > broken:
            raise sqlite3.IntegrityError(f"migration {number} broke a foreign key")
        conn.execute(f"PRAGMA user_version = {max(number, version)}")
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
