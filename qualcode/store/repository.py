"""What every repository shares: the Store's one connection and one change log.

A repository reads one kind of record and writes it only through the change log, so the
transaction and undo rules live in ``changes.ChangeLog`` alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sized
from typing import Any

from qualcode.store.changes import ChangeLog


class Repository:
    def __init__(self, conn: sqlite3.Connection, log: ChangeLog) -> None:
        self.conn = conn
        self.log = log

    def _coder_id(self, name: str) -> int:
        """The id of coder ``name``, adding the coder within the current action if new
        (recorded like any row, so the coder of an undone first coding stays named)."""
        row = self.conn.execute("SELECT id FROM coders WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row["id"])
        return self.log.insert("coders", {"name": name})


def marks(values: Sized) -> str:
    """``?, ?, ?`` for an ``IN (...)`` list; ``NULL`` when empty (matches nothing)."""
    return ", ".join("?" * len(values)) or "NULL"


BATCH = 500  # values in one IN list: a statement's variables stay under SQLite's limit


def batches(keys: Iterable[str]) -> Iterator[list[str]]:
    """``keys`` once each, in order, ``BATCH`` at a time (one query each)."""
    wanted = list(dict.fromkeys(keys))
    for i in range(0, len(wanted), BATCH):
        yield wanted[i:i + BATCH]


class Filters:
    """A query's optional filters: the conditions of its WHERE clause (ANDed) and their
    arguments in order. A filter whose value is None is left out."""

    def __init__(self, *always: str) -> None:
        self.conditions = list(always)  # those that hold whatever is asked
        self.args: list[Any] = []

    def add(self, condition: str, value: object | None) -> None:
        """``condition`` with one ``?`` for ``value``."""
        if value is not None:
            self.conditions.append(condition)
            self.args.append(value)

    def add_in(self, condition: str, values: Iterable[object] | None) -> None:
        """``condition`` with ``{marks}`` where the IN list of ``values`` goes."""
        if values is not None:
            listed = list(values)
            self.conditions.append(condition.format(marks=marks(listed)))
            self.args += listed

    def clause(self) -> str:
        """`` WHERE ...`` (with its leading space), or "" when nothing filters."""
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""
