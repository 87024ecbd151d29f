"""Row changes recorded in the event log (``history`` replays them backwards or forwards).

Every undoable user action writes through ``ChangeLog.insert/update/delete``; each call appends
one event with the whole row before and after, so any table with an ``id`` key can be undone
without per-feature code. Undo and redo are actions of their own (``reverses`` names the
action they act on), so the log is only ever appended to.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

Row = dict[str, Any]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class ChangeLog:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.action_id: int | None = None
        self.logging = False  # True inside an undoable action
        self.changed = False

    # -- row primitives ------------------------------------------------------------------
    def fetch(self, table: str, row_id: int) -> Row | None:
        cur = self.conn.execute(f"SELECT * FROM {quote(table)} WHERE id = ?", (row_id,))
        found = cur.fetchone()
        return dict(found) if found is not None else None

    def insert(self, table: str, row: Mapping[str, Any]) -> int:
        self._require_action()
        cols = list(row)
        sql = (
            f"INSERT INTO {quote(table)} ({', '.join(map(quote, cols))}) "
            f"VALUES ({', '.join('?' for _ in cols)})"
        )
        row_id = int(self.conn.execute(sql, [row[c] for c in cols]).lastrowid or 0)
        self.changed = True
        if self.logging:
            self._event("insert", table, row_id, None, self.fetch(table, row_id))
        return row_id

    def update(self, table: str, row_id: int, changes: Mapping[str, Any]) -> None:
        self._require_action()
        before = self.fetch(table, row_id)
        if before is None:
            raise KeyError(f"{table} {row_id} does not exist")
        if all(before.get(k) == v for k, v in changes.items()):
            return  # nothing to record
        sets = ", ".join(f"{quote(c)} = ?" for c in changes)
        self.conn.execute(
            f"UPDATE {quote(table)} SET {sets} WHERE id = ?", [*changes.values(), row_id]
        )
        self.changed = True
        if self.logging:
            self._event("update", table, row_id, before, self.fetch(table, row_id))

    def delete(self, table: str, row_id: int) -> None:
        self._require_action()
        before = self.fetch(table, row_id)
        if before is None:
            return
        self.conn.execute(f"DELETE FROM {quote(table)} WHERE id = ?", (row_id,))
        self.changed = True
        if self.logging:
            self._event("delete", table, row_id, before, None)

    # -- replay ----------------------------------------------------------------------------
    def events(self, action_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM events WHERE action_id = ? ORDER BY id", (action_id,)
        ).fetchall()

    # -- internals -------------------------------------------------------------------------
    def _require_action(self) -> None:
        if self.action_id is None:
            raise RuntimeError("project changes must happen inside Store.action()")

    def _event(self, kind: str, table: str, row_id: int, before: Row | None,
               after: Row | None) -> None:
        self.conn.execute(
            "INSERT INTO events (action_id, kind, table_name, row_id, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (self.action_id, kind, table, row_id, _dump(before), _dump(after)),
        )


def _dump(row: Row | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False)

