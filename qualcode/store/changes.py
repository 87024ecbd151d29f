"""The one action API: transactions, and the row changes recorded in the event log.

Every write to the project file goes through a ``ChangeLog``, shared by all repositories on
one connection. ``action`` opens the single transaction of a user action and its ``actions``
row; ``insert/update/delete`` append one event each with the whole row before and after (so
any table with an ``id`` key can be undone without per-feature code); ``insert_unlogged`` and
``upsert_unlogged`` write rows the log never copies (caches, an import's turns, settings).
Only this module sets the current action, whether rows are logged and whether anything
changed. Undo and redo are actions of their own (``reverses`` names the action they act on),
so the log is only ever appended to.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import chain
from typing import Any, Literal

from sqlite_utils import Database

Row = dict[str, Any]
_TAKE = "qualcode_take"  # the SQL function that hands a value over (set_handed_unlogged)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class ChangeLog:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # sqlite-utils nests its writes in a SAVEPOINT inside our transaction (never commits it).
        self.db = Database(conn)
        self.action_id: int | None = None
        self.logging = False  # True while row changes are copied into the event log
        self.changed = False

    # -- actions ------------------------------------------------------------------------------
    @contextmanager
    def action(self, name: str, *, detail: str = "", coder: str = "", undoable: bool = True,
               record: bool | None = None) -> Iterator[int]:
        """One user action: one transaction, one ``actions`` row. ``record`` (default: as
        ``undoable``) copies row changes into the event log (undo and redo record theirs for
        the audit trail without being undoable themselves)."""
        if self.action_id is not None:
            raise RuntimeError(f"action {name!r} started inside another action")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            cur = self.conn.execute(
                "INSERT INTO actions (name, detail, coder, created_at, undoable, state) "
                "VALUES (?, ?, ?, ?, ?, 'done')", (name, detail, coder, now(), int(undoable)))
            self.action_id = int(cur.lastrowid or 0)
            self.logging = undoable if record is None else record
            self.changed = False
            yield self.action_id
            if not self.changed:
                # Nothing happened: leave no trace, so a repeated import changes nothing.
                self.conn.execute("DELETE FROM actions WHERE id = ?", (self.action_id,))
            elif undoable:
                # A coder's new change makes their undone actions unreachable by redo.
                self.conn.execute("UPDATE actions SET state = 'discarded' WHERE state = 'undone' "
                                  "AND coder = ?", (coder,))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self.action_id = None
            self.logging = False

    def mark_action(self, action_id: int, **columns: Any) -> None:
        """Set columns of an ``actions`` row (undo and redo moving another action's state)."""
        self._require_action()
        sets = ", ".join(f"{quote(c)} = ?" for c in columns)
        self.conn.execute(f"UPDATE actions SET {sets} WHERE id = ?", [*columns.values(), action_id])
        self.changed = True

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

    def insert_many(self, table: str, rows: list[dict[str, Any]]) -> list[int]:
        """Insert ``rows`` (same columns each), logging one insert event per row exactly as
        ``insert`` would, in two statements instead of three per row. Returns the new ids in
        order. For tables with an integer ``id`` key."""
        self._require_action()
        if not rows:
            return []
        # After the highest id ever given (AUTOINCREMENT keeps it in sqlite_sequence), not the
        # highest id still present: a deleted row's id is never handed out again.
        first = 1 + int(self.conn.execute(
            f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
            f"coalesce((SELECT max(id) FROM {quote(table)}), 0))", (table,)).fetchone()[0])
        ids = list(range(first, first + len(rows)))
        cols = ["id", *rows[0]]
        self.conn.executemany(
            f"INSERT INTO {quote(table)} ({', '.join(map(quote, cols))}) "
            f"VALUES ({', '.join('?' for _ in cols)})",
            [[row_id, *(row[c] for c in cols[1:])]
             for row_id, row in zip(ids, rows, strict=True)])
        self.changed = True
        if self.logging:
            after = self.conn.execute(f"SELECT * FROM {quote(table)} WHERE id BETWEEN ? AND ? "
                                      "ORDER BY id", (ids[0], ids[-1])).fetchall()
            self.conn.executemany(
                "INSERT INTO events (action_id, kind, table_name, row_id, before, after) "
                "VALUES (?, 'insert', ?, ?, NULL, ?)",
                [(self.action_id, table, r["id"], _dump(dict(r))) for r in after])
        return ids

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

    # -- rows the event log never copies ---------------------------------------------------
    def insert_unlogged(self, table: str, rows: Iterable[Mapping[str, Any]], *,
                        on_conflict: Literal["ignore", "replace"] | None = None) -> None:
        """Insert rows that undo never restores one by one (an import's turns, caches),
        inside the current action; a known key is kept (``ignore``) or replaced."""
        self._require_action()
        # Streamed: sqlite-utils inserts in batches, so a long transcript's turns are never
        # all held as rows at once.
        it = iter(rows)
        first = next(it, None)
        if first is None:
            return
        self.db.table(table).insert_all(chain([dict(first)], (dict(r) for r in it)),
                                        ignore=on_conflict == "ignore",
                                        replace=on_conflict == "replace")
        self.changed = True

    def set_handed_unlogged(self, table: str, row_id: int, column: str,
                            take: Callable[[], Any]) -> None:
        """Set one column of one row, outside the event log, to the value ``take`` returns when
        SQLite asks for it: the caller's reference goes as SQLite copies the value, so a long
        transcript's text is not held three times (Python's, the bound copy, the row)."""
        self._require_action()
        self.conn.create_function(_TAKE, 0, take)
        try:
            self.conn.execute(f"UPDATE {quote(table)} SET {quote(column)} = {_TAKE}() "
                              "WHERE id = ?", (row_id,))
        finally:
            self.conn.create_function(_TAKE, 0, None)
        self.changed = True

    def upsert_unlogged(self, table: str, row: Mapping[str, Any], pk: str) -> None:
        """Insert or update one keyed row outside the event log (settings), in the action."""
        self._require_action()
        self.db.table(table).upsert(dict(row), pk=pk)
        self.changed = True

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
