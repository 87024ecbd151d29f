"""The ``sessions`` table (migration 0008): one row of navigation state per coder.

Saving a session is not a user action on the data: it is written in its own short
transaction, outside the change log, so undo never steps through places visited.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from qualcode.store.store import Store, now


def load(store: Store, coder: str) -> Any:
    """The coder's saved state (parsed JSON), or None when there is none or it is unreadable."""
    try:
        row = store.conn.execute("SELECT state FROM sessions WHERE coder = ?",
                                 (coder,)).fetchone()
    except sqlite3.OperationalError:  # no sessions table: the workbench starts afresh
        return None
    if row is None:
        return None
    try:
        return json.loads(row["state"])
    except ValueError:
        return None


def save(store: Store, coder: str, state: Any) -> None:
    """Replace the coder's state, committed before this returns."""
    if store.log.action_id is not None:
        raise RuntimeError("a session is saved on its own, not inside an action")
    # One statement on an autocommit connection: its own transaction, committed on return.
    store.conn.execute(
        "INSERT INTO sessions (coder, state, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(coder) DO UPDATE SET state = excluded.state, "
        "updated_at = excluded.updated_at",
        (coder, json.dumps(state, ensure_ascii=False), now()))


def latest_action(store: Store) -> int:
    """The newest action's id, in any process: the project changed when this moved."""
    row = store.conn.execute("SELECT max(id) FROM actions").fetchone()
    return int(row[0] or 0)
