"""One connection per project file per thread, shared by every Store opened on it.

Retrieval, analysis, suggestions and the report all call ``Store.open`` while the workbench
holds the project open. Each used to open (and close) the file anew, and the header check
closed a raw descriptor on it, dropping the process's locks so another process deleted the WAL
under it. Here the first open of a path in a process checks the file (``opening.inspect``)
before any connection exists; later opens reuse the connection of their thread (SQLite
connections stay in the thread that made them, and a transaction cannot be shared) and only
SQLite itself ever touches the file. The connection closes when its last Store closes.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.core.errors import QualcodeError
from qualcode.store import opening
from qualcode.store.changes import ChangeLog
from qualcode.store.db import connect
from qualcode.store.migrate import latest_version, migrate


@dataclass
class Link:
    """A connection with its change log (which tracks the current action) and its users."""

    conn: sqlite3.Connection
    log: ChangeLog
    users: int = 0


@dataclass
class ProjectFile:
    access: opening.Access
    links: dict[int, Link] = field(default_factory=dict)  # by thread id


_lock = threading.Lock()
_files: dict[str, ProjectFile] = {}


def acquire(path: Path, *, create: bool) -> tuple[opening.Access, Link]:
    """The access decision for ``path`` and this thread's connection to it (one more user)."""
    key = str(path.resolve())
    with _lock:
        project = _files.get(key)
        if project is None:
            project = ProjectFile(_check(path, create))
        link = project.links.get(threading.get_ident())
        if link is None:
            link = _connect(project.access)
            project.links[threading.get_ident()] = link
        _files[key] = project
        link.users += 1
        return project.access, link


def release(path: Path, link: Link) -> None:
    """One user fewer; the last one closes the connection (and forgets the file)."""
    key = str(path.resolve())
    with _lock:
        link.users -= 1
        if link.users > 0:
            return
        project = _files.get(key)
        if project is not None:
            project.links = {t: lk for t, lk in project.links.items() if lk is not link}
            if not project.links:
                del _files[key]
        link.conn.close()


def open_connections(path: Path) -> int:
    """How many connections this process holds on ``path`` (for tests and checks)."""
    with _lock:
        project = _files.get(str(path.resolve()))
        return 0 if project is None else len(project.links)


def _check(path: Path, create: bool) -> opening.Access:
    if not path.exists():
        if not create:
            raise QualcodeError(f"{path}: no such project (run `qualcode init` first)")
        return opening.Access(path, exists=False)
    return opening.inspect(path, latest_version())


def _connect(access: opening.Access) -> Link:
    path = access.path
    conn: sqlite3.Connection | None = None
    try:
        if access.read_only:
            conn = connect(opening.read_only_uri(path), read_only=True)
        else:
            conn = connect(path)
            migrate(conn, path)
    except sqlite3.Error as err:
        if conn is not None:
            conn.close()
        raise QualcodeError(f"{path}: cannot be opened: {err}") from None
    return Link(conn, ChangeLog(conn))

