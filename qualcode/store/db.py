"""Opening a project file: the connection settings every process uses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection on ``path`` with WAL, foreign keys and a busy timeout.

    Transactions are managed explicitly (BEGIN IMMEDIATE ... COMMIT) by the Store, so the
    connection runs in autocommit mode and never opens one implicitly. ``read_only``: ``path``
    is a ``file:`` URI (see ``opening.read_only_uri``) and the journal mode is left alone.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                           uri=read_only)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:" and not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before the UI says "done", even on power loss.
        conn.execute("PRAGMA synchronous = FULL")
    return conn
