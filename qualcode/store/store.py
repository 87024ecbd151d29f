"""The project file: the one place that reads and writes it.

A ``Store`` is a thin handle: it opens the file, runs actions and undo/redo, and exposes one
repository per kind of record (``store.documents``, ``store.codes``, ``store.codings`` ...).
The repositories share the handle's one connection and one change log. Reads return core
objects. Writes happen only inside ``with store.action(name):``, which is one SQLite
transaction: it commits when the block ends, or rolls back entirely on error, so every user
action is either wholly stored or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qualcode.core.errors import QualcodeError
from qualcode.core.views import ActionInfo
from qualcode.store import history, registry
from qualcode.store.cases import Attributes, Cases
from qualcode.store.changes import ChangeLog, now
from qualcode.store.codebook import Codes
from qualcode.store.codings import Codings
from qualcode.store.documents import Documents, Speakers, Turns
from qualcode.store.history import action_info
from qualcode.store.memos import Memos
from qualcode.store.overview import Overview
from qualcode.store.settings import Coders, Settings
from qualcode.store.suggestions import Suggestions
from qualcode.store.synthesis import Synthesis

__all__ = ["Store", "now"]


class Store:
    """A handle on a project file. Handles opened in one thread share one connection
    (``registry``); closing a handle closes the connection once no other handle uses it."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        access, self._link = registry.acquire(path, create=create)
        self.read_only: str | None = access.read_only  # why it may not be written, if so
        self.conn: sqlite3.Connection = self._link.conn
        self.log: ChangeLog = self._link.log
        self._open = True
        conn, log = self.conn, self.log
        self.settings = Settings(conn, log)
        self.coders = Coders(conn, log)
        self.documents = Documents(conn, log)
        self.turns = Turns(conn, log)
        self.speakers = Speakers(conn, log)
        self.cases = Cases(conn, log)
        self.attributes = Attributes(conn, log)
        self.codes = Codes(conn, log)
        self.codings = Codings(conn, log)
        self.memos = Memos(conn, log)
        self.overview = Overview(conn, log)
        self.suggestions = Suggestions(conn, log)
        self.synthesis = Synthesis(conn, log)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False) -> Store:
        return cls(Path(path), create=create)

    def close(self) -> None:
        if self._open:
            self._open = False
            registry.release(self.path, self._link)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and the event log -------------------------------------------------------
    @contextmanager
    def action(self, name: str, *, detail: str = "", coder: str = "",
               undoable: bool = True, record: bool | None = None) -> Iterator[int]:
        """One user action: one transaction, one entry in the event log (see
        ``ChangeLog.action``); refused on a project that may not be written."""
        if self.read_only:
            raise QualcodeError(f"{self.read_only}; nothing was changed")
        with self.log.action(name, detail=detail, coder=coder, undoable=undoable,
                             record=record) as action_id:
            yield action_id

    def undo(self, coder: str | None = None) -> ActionInfo | None:
        """Revert ``coder``'s latest undoable action still done (anyone's when None); None
        when there is nothing to undo. Raises ``history.Conflict`` when its rows changed
        since."""
        return history.undo(self, coder)

    def redo(self, coder: str | None = None) -> ActionInfo | None:
        """Re-apply ``coder``'s earliest undone action; None when there is nothing to redo."""
        return history.redo(self, coder)

    def history(self, limit: int = 50) -> list[ActionInfo]:
        rows = self.conn.execute(
            "SELECT * FROM actions ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [action_info(r) for r in rows]

    def can_undo(self, coder: str | None = None) -> bool:
        return history.pending(self.conn, "done", coder) is not None
