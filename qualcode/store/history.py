"""Undo and redo per coder, refusing any step whose rows changed since.

Each coder undoes their own latest action and redoes their own earliest undone one. Before an
event is reverted (or replayed) the row must be exactly as the action left it (or found it);
otherwise something else changed it since, and the whole step is refused with one line naming
the row and who changed it. A refused action is never retried: an undo that cannot be made
leaves the action in place as ``kept``, a redo that cannot be made leaves it ``discarded``, so
the next undo or redo goes on to the action before or after it.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from typing import Any, Protocol

from qualcode.core.errors import QualcodeError
from qualcode.core.views import ActionInfo
from qualcode.store.changes import ChangeLog


class Store(Protocol):
    """What undo and redo need of a project handle (``store.Store`` has it): its connection,
    its change log, and actions that refuse a read-only project."""

    conn: sqlite3.Connection
    log: ChangeLog

    def action(self, name: str, *, detail: str = "", coder: str = "", undoable: bool = True,
               record: bool | None = None) -> AbstractContextManager[int]: ...

Row = dict[str, Any]

# References by plain id (no foreign key, on purpose: see migration 0003) that go with their
# row when it is deleted: a row still named by one of these must not be deleted by an undo or
# redo, or the reference would dangle. (Matrix cells and suggestions outlive their code or
# coding by design, and do not count.)
SOFT_REFERENCES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "codings": (("quote_picks", "coding_id", ""), ("memos", "target_id", "target = 'coding'")),
    "codes": (("findings", "code_id", ""), ("memos", "target_id", "target = 'code'")),
    "documents": (("memos", "target_id", "target = 'document'"),),
}


class Conflict(QualcodeError):
    """An undo or redo refused because its rows changed since."""


def action_info(row: sqlite3.Row) -> ActionInfo:
    return ActionInfo(id=row["id"], name=row["name"], detail=row["detail"], coder=row["coder"],
                      created_at=row["created_at"], undoable=bool(row["undoable"]),
                      state=row["state"])


def pending(conn: sqlite3.Connection, state: str, coder: str | None) -> sqlite3.Row | None:
    """The action an undo (state 'done': the latest) or redo ('undone': the earliest) of
    ``coder`` would act on; any coder's when None."""
    sql, args = "SELECT * FROM actions WHERE undoable = 1 AND state = ?", [state]
    if coder is not None:
        sql, args = sql + " AND coder = ?", [state, coder]
    order = "DESC" if state == "done" else "ASC"
    return conn.execute(f"{sql} ORDER BY id {order} LIMIT 1", args).fetchone()


def not_undoable_since(conn: sqlite3.Connection, action_id: int,
                       coder: str | None) -> list[ActionInfo]:
    """``coder``'s actions after ``action_id`` that undo passes over (imports, runs)."""
    sql = ("SELECT * FROM actions WHERE id > ? AND undoable = 0 AND reverses IS NULL "
           "AND state = 'done'")
    args: list[Any] = [action_id]
    if coder is not None:
        sql, args = sql + " AND coder = ?", [action_id, coder]
    return [action_info(r) for r in conn.execute(sql + " ORDER BY id", args)]


def undo(store: Store, coder: str | None) -> ActionInfo | None:
    return _step(store, coder, "undo")


def redo(store: Store, coder: str | None) -> ActionInfo | None:
    return _step(store, coder, "redo")


def _step(store: Store, coder: str | None, name: str) -> ActionInfo | None:
    forward = name == "redo"
    row = pending(store.conn, "undone" if forward else "done", coder)
    if row is None:
        return None
    target = action_info(row)
    what = f"{target.name} {target.detail}".strip()
    try:
        # The row changes of undo/redo are recorded, for the audit trail.
        with store.action(name, detail=what, coder=coder or "", undoable=False,
                          record=True) as action_id:
            store.log.mark_action(action_id, reverses=target.id)
            _apply(store, target.id, forward)
            _check_code_tree(store)
            store.log.mark_action(target.id, state="done" if forward else "undone")
    except Conflict as err:
        _refuse(store, target, name, coder)
        after = ("it stays undone" if forward
                 else "it stays as it is (undo again to go further back)")
        who = f"{target.coder}'s " if target.coder else ""
        raise Conflict(f"cannot {name} {who}{what!r}: {err}; {after}") from None
    return target


def _check_code_tree(store: Store) -> None:
    """Each action kept the code tree whole, but two coders' moves undone and redone in
    another order could make a code its own ancestor: refuse that step."""
    reachable = store.conn.execute(
        "WITH RECURSIVE tree(id) AS (SELECT id FROM codes WHERE parent_id IS NULL "
        "UNION SELECT codes.id FROM codes JOIN tree ON codes.parent_id = tree.id) "
        "SELECT count(*) FROM tree").fetchone()[0]
    if reachable != store.conn.execute("SELECT count(*) FROM codes").fetchone()[0]:
        raise Conflict("it would make a code its own ancestor (codes were moved since)")


def _refuse(store: Store, target: ActionInfo, name: str, coder: str | None) -> None:
    """Take the refused action off the undo (or redo) path, so nothing stays stuck on it."""
    with store.action(f"{name} refused", detail=f"{target.name} {target.detail}".strip(),
                      coder=coder or "", undoable=False) as action_id:
        store.log.mark_action(action_id, reverses=target.id, state="done")
        store.log.mark_action(target.id, state="discarded" if name == "redo" else "kept")


def _apply(store: Store, action_id: int, forward: bool) -> None:
    """Replay (forward) or revert the events of ``action_id``, each only onto the row it
    expects."""
    events = store.log.events(action_id)
    for event in events if forward else reversed(events):
        table, row_id, kind = event["table_name"], event["row_id"], event["kind"]
        before, after = _load(event["before"]), _load(event["after"])
        expected = before if forward else after
        current = store.log.fetch(table, row_id)
        if current != expected:
            raise Conflict(_changed(store.conn, table, row_id, expected, current, action_id))
        deleting = kind != "update" and (kind == "insert") != forward
        user = _soft_referrer(store.conn, table, row_id) if deleting else ""
        if user:
            raise Conflict(f"{_label(store.conn, table, current or {})} is used since by "
                           f"{user}")
        try:
            if kind == "update":
                store.log.update(table, row_id, (after if forward else before) or {})
            elif (kind == "insert") == forward:
                store.log.insert(table, after or before or {})
                missing = _dangling(store.conn, table, row_id)
                if missing:
                    raise Conflict(f"{_label(store.conn, table, after or before or {})} "
                                   f"belongs to {missing}, deleted since")
            else:
                store.log.delete(table, row_id)
        except sqlite3.IntegrityError as err:
            if table == "coders" and kind == "insert" and not forward:
                continue  # a coder made by this action and named since by others stays
            raise Conflict(_blocked(store.conn, table, expected or current or {}, err)) from None


def _changed(conn: sqlite3.Connection, table: str, row_id: int, expected: Row | None,
             current: Row | None, action_id: int) -> str:
    label = _label(conn, table, current or expected or {"id": row_id})
    if current is None:
        how = "was deleted since"
    elif expected is None:
        how = "was added again since"
    else:
        cols = [c for c in current if current.get(c) != expected.get(c)]
        how = f"was changed since ({', '.join(cols)})"
    return f"{label} {how} by {_who(conn, table, row_id, action_id)}"


def _who(conn: sqlite3.Connection, table: str, row_id: int, action_id: int) -> str:
    row = conn.execute(
        "SELECT a.* FROM events e JOIN actions a ON a.id = e.action_id "
        "WHERE e.table_name = ? AND e.row_id = ? AND e.action_id > ? "
        "AND a.reverses IS NOT ? ORDER BY e.id DESC LIMIT 1",
        (table, row_id, action_id, action_id)).fetchone()
    if row is None:
        return "an action that keeps no history (an import, or another program)"
    coder = row["coder"] or "someone"
    return f"{coder} ({row['name']} {row['detail']}".rstrip() + f", action {row['id']})"


def _blocked(conn: sqlite3.Connection, table: str, row: Row,
             err: sqlite3.IntegrityError) -> str:
    """Why SQLite refused the step, in the project's words."""
    label = _label(conn, table, row)
    if "FOREIGN KEY" in str(err):
        user = _referrer(conn, table, row.get("id"))
        if user:
            return f"{label} is used since by {user}"
        return f"{label} refers to something deleted since"
    return f"{label} clashes with something added since ({err})"


def _referrer(conn: sqlite3.Connection, table: str, row_id: Any) -> str:
    """A row of another table referring to ``table`` row ``row_id``, labelled, or ''."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for fk in conn.execute(f'PRAGMA foreign_key_list("{name}")'):
            if fk["table"] != table:
                continue
            found = conn.execute(f'SELECT * FROM "{name}" WHERE "{fk["from"]}" = ? LIMIT 1',
                                 (row_id,)).fetchone()
            if found is not None:
                return _label(conn, name, dict(found))
    return ""


def _dangling(conn: sqlite3.Connection, table: str, row_id: int) -> str:
    """The deleted row that restored ``table`` row ``row_id`` would refer to, or '': a pick
    whose coding, or a memo whose code, another coder deleted meanwhile."""
    for target, refs in SOFT_REFERENCES.items():
        for other, column, where in refs:
            if other != table:
                continue
            found = conn.execute(
                f'SELECT "{column}" AS ref FROM "{other}" WHERE id = ?'
                + (f" AND {where}" if where else "")
                + f' AND "{column}" NOT IN (SELECT id FROM "{target}")', (row_id,)).fetchone()
            if found is not None:
                return f"{target[:-1]} {found['ref']}"
    return ""


def _soft_referrer(conn: sqlite3.Connection, table: str, row_id: int) -> str:
    for other, column, where in SOFT_REFERENCES.get(table, ()):
        found = conn.execute(f'SELECT * FROM "{other}" WHERE "{column}" = ?'
                             + (f" AND {where}" if where else "") + " LIMIT 1",
                             (row_id,)).fetchone()
        if found is not None:
            return _label(conn, other, dict(found))
    return ""


KINDS = {"quote_picks": "key-quote pick", "matrix_cells": "matrix cell",
         "matrix_columns": "matrix column", "code_suggestions": "code suggestion",
         "case_attributes": "case attribute"}


def _label(conn: sqlite3.Connection, table: str, row: Row) -> str:
    """How the user knows a row: ``code 'Funding'``, ``coding 12 ('Mostly in the…')``."""
    kind = KINDS.get(table) or (table[:-1] if table.endswith("s") else table)
    if table == "codings" and row.get("text"):
        text = str(row["text"])
        return f"coding {row.get('id')} ({text[:30] + '…' if len(text) > 30 else text!r})"
    if row.get("name"):
        return f"{kind} {row['name']!r}"
    return f"{kind} {row.get('id')}"


def _load(text: str | None) -> Row | None:
    return None if text is None else dict(json.loads(text))
