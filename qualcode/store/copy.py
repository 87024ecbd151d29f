"""Reading another project file safely: a private, migrated copy of it.

Merging reads a colleague's project. Opening it directly would migrate it (a write to a file
that is not ours) and could meet a writer in another process; instead SQLite's backup API takes
a consistent snapshot, committed WAL content included, into a temporary file that is then
opened (and migrated) as an ordinary project. The colleague's file is never written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qualcode.core.errors import InputError
from qualcode.store.store import Store

SQLITE_HEADER = b"SQLite format 3\x00"


def open_copy(source: Path, folder: Path) -> Store:
    """A Store on a snapshot of ``source`` placed in ``folder`` (the caller removes it)."""
    try:
        with source.open("rb") as handle:
            header = handle.read(16)
    except OSError as err:
        raise InputError(source, f"cannot read file ({err.strerror})") from None
    if header != SQLITE_HEADER:
        raise InputError(source, "not a qualcode project file")
    target = folder / "other.qualcode"
    try:
        origin = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if origin.execute("SELECT count(*) FROM sqlite_master WHERE name = 'codings'"
                              ).fetchone()[0] == 0:
                raise InputError(source, "not a qualcode project file (no codings table)")
            copy = sqlite3.connect(target)
            try:
                origin.backup(copy)
            finally:
                copy.close()
        finally:
            origin.close()
    except sqlite3.DatabaseError as err:
        raise InputError(source, f"cannot read the project ({err})") from None
    return Store.open(target)
