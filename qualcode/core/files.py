"""Writing files whole or not at all.

Every file qualcode writes (reports, exports, codebook files, backups) goes through
:func:`atomic_write`: the content is written to a temporary file in the target folder, flushed
and fsync'ed, then renamed over the target. A crash, a ``kill -9``, a full disk or a failing
writer leaves the previous file intact and no partial file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from qualcode.core.errors import QualcodeError

_PROBLEMS = {
    errno.ENOSPC: "no space left on the disk",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the folder is on a read-only file system",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "the target is a folder",
}


def write_error(dest: Path | str, err: OSError) -> QualcodeError:
    """One line naming the file and what is wrong with writing it."""
    problem = _PROBLEMS.get(err.errno or 0) or (err.strerror or str(err)).lower()
    return QualcodeError(f"{dest}: cannot write: {problem}")


@contextlib.contextmanager
def atomic_path(dest: Path | str) -> Iterator[Path]:
    """A temporary path beside ``dest``; renamed over ``dest`` when the block succeeds.

    For writers that want a file name (python-docx, openpyxl, shutil.copy). The temporary file
    is removed if the block raises; ``OSError`` becomes a one-line :class:`QualcodeError`.
    """
    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    if dest.is_dir():
        raise QualcodeError(f"{dest}: cannot write: the target is a folder")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=folder)
    except OSError as err:
        raise write_error(dest, err) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync(tmp)
        _keep_mode(dest, tmp)
        os.replace(tmp, dest)
        _fsync_dir(folder)
    except OSError as err:
        _remove(tmp)
        raise write_error(dest, err) from None
    except BaseException:
        _remove(tmp)
        raise


@contextlib.contextmanager
def atomic_write(dest: Path | str, mode: str = "w", **open_args: Any) -> Iterator[IO[Any]]:
    """``open(dest, mode)`` that appears whole at ``dest`` or not at all."""
    if not mode.startswith("w"):
        raise ValueError("atomic_write only writes whole files")
    with atomic_path(dest) as tmp, open(tmp, mode, **open_args) as handle:
        yield handle
        handle.flush()


def copy_atomic(source: Path | str, dest: Path | str) -> None:
    """Copy a file so the copy is whole or absent (e.g. a backup before a migration)."""
    with atomic_path(dest) as tmp:
        shutil.copyfile(source, tmp)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk; not every platform allows opening a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_mode(dest: Path, tmp: Path) -> None:
    """mkstemp makes 0600 files; give the new file the old one's mode, or the umask's."""
    try:
        mode = dest.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
