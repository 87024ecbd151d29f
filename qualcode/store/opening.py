"""Deciding how a file may be opened, before qualcode's first connection to it.

Everything here runs once per project file per process, while the process holds no SQLite
connection to the file: closing any descriptor on a SQLite file drops every POSIX lock the
process holds on it ("How To Corrupt An SQLite Database File", 2.2), so the header is read
only then. A file that is not ours is refused without a byte changed; a newer, corrupt or
unwritable project is opened read-only with the reason, which every write attempt repeats.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from qualcode.core.errors import QualcodeError

HEADER = b"SQLite format 3\x00"
# PRAGMA application_id of qualcode projects (migration 0004 sets it): "QCOD".
APPLICATION_ID = 0x51434F44
# Above this size the full integrity check costs too long at every open (about 10 ms per MB
# on a laptop): quick_check, which skips the index-to-table cross-check, stands in.
FULL_CHECK_BYTES = 64 * 1024 * 1024
# Tables every qualcode project has had since schema 1.
CORE_TABLES = frozenset({"actions", "events", "codes", "codings", "documents", "memos"})


@dataclass(frozen=True)
class Access:
    """How the file may be used: ``read_only`` holds the reason when it may not be written."""

    path: Path
    read_only: str | None = None
    exists: bool = True


def inspect(path: Path, latest: int) -> Access:
    """Check ``path`` (which exists) is a qualcode project and how it may be opened."""
    header = _header(path)
    if not header:
        return Access(path)  # an empty file: a new project, as sqlite3 would make it
    if not header.startswith(HEADER) or len(header) < 100:
        raise QualcodeError(f"{path}: not a qualcode project file (not an SQLite database)")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id not in (0, APPLICATION_ID):
        raise QualcodeError(f"{path}: not a qualcode project file (another application's "
                            "database); it was left untouched")
    version, tables, problems = _look_inside(path)
    if app_id == 0 and (tables - {"sqlite_sequence"}) and not tables >= CORE_TABLES:
        raise QualcodeError(f"{path}: not a qualcode project file (another application's "
                            "database); it was left untouched")
    if app_id == 0 and version == 0 and tables:
        raise QualcodeError(f"{path}: not a qualcode project file (no schema version); "
                            "it was left untouched")
    if version > latest:
        return Access(path, f"{path} was made by a newer qualcode (project schema {version}; "
                            f"this qualcode knows up to {latest}): opened read-only, upgrade "
                            "qualcode to change it")
    if problems:
        return Access(path, f"{path} fails SQLite's integrity check ({problems}): opened "
                            "read-only, restore a backup or copy the project out with "
                            "`sqlite3 .recover`")
    if not writable(path):
        return Access(path, f"{path} is on a read-only disk or folder: opened read-only")
    return Access(path)


def writable(path: Path) -> bool:
    """Whether the file and its folder (SQLite puts -wal and -shm there) can be written;
    statvfs also catches read-only mounts, where root's os.access says yes."""
    folder = path.resolve().parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except OSError:
        return False
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def read_only_uri(path: Path) -> str:
    """A URI opening ``path`` read-only without creating -wal/-shm files beside it: immutable
    when no writer left a WAL (nothing else can be changing it), ``mode=ro`` otherwise."""
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    return f"{path.resolve().as_uri()}?{mode}"


def _header(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as err:
        raise QualcodeError(f"{path}: cannot be read: {err.strerror or err}") from None
    try:
        return os.read(fd, 100)
    finally:
        os.close(fd)


def _look_inside(path: Path) -> tuple[int, set[str], str]:
    """(schema version, table names, first integrity problem or ''), read-only."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as err:
        raise QualcodeError(f"{path}: cannot be opened: {err}") from None
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                             "WHERE type = 'table'")}
        check = "integrity_check" if path.stat().st_size <= FULL_CHECK_BYTES else "quick_check"
        found = [r[0] for r in conn.execute(f"PRAGMA {check}(3)")]
        problems = "" if found == ["ok"] else "; ".join(found)
    except sqlite3.DatabaseError as err:
        return 0, set(CORE_TABLES), str(err)  # unreadable schema: treat as a corrupt project
    finally:
        conn.close()
    return version, tables, problems
