"""Writing files whole or not at all.

Every file qualcode writes (reports, exports, codebook files, backups) goes through
:func:`atomic_write` or :func:`atomic_path`: the content is written to a temporary file in the
target folder, flushed and fsync'ed, then renamed over the target. A crash, a ``kill -9``, a
full disk or a failing writer leaves the previous file intact and no partial file at the
target (at worst a hidden ``.<name>.<random>.part`` file beside it, after a ``kill -9``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from qualcode.core.errors import QualcodeError

_PROBLEMS = {
    getattr(errno, name): problem
    for name, problem in (
        ("ENOSPC", "no space left on the disk"),
        ("EDQUOT", "disk quota exceeded"),
        ("EFBIG", "the file is too large for the disk"),
        ("EACCES", "permission denied"),
        ("EPERM", "permission denied"),
        ("EROFS", "the folder is on a read-only file system"),
        ("ENOENT", "the folder does not exist"),
        ("ENOTDIR", "a part of the path is not a folder"),
        ("EISDIR", "the target is a folder"),
        ("ENAMETOOLONG", "the file name is too long"),
        ("EIO", "input/output error on the disk"),
    )
    if hasattr(errno, name)  # EDQUOT is not on every platform
}


def write_error(dest: Path | str, err: OSError) -> QualcodeError:
    """One line naming the file and what is wrong with writing it."""
    problem = _PROBLEMS.get(err.errno or 0) or (err.strerror or str(err)).lower()
    return QualcodeError(f"{dest}: cannot write: {problem}")


@contextlib.contextmanager
def atomic_path(dest: Path | str, *, parents: bool = False) -> Iterator[Path]:
    """A temporary path beside ``dest``; renamed over ``dest`` when the block succeeds.

    For writers that want a file name (python-docx, openpyxl, shutil.copy). The temporary file
    is removed if the block raises; ``OSError`` becomes a one-line :class:`QualcodeError`.
    ``parents`` creates a missing target folder first (e.g. ``exports/``).
    """
    shown = Path(dest)
    dest = _target(shown)
    if dest.is_dir():
        raise QualcodeError(f"{shown}: cannot write: the target is a folder")
    try:
        if parents:
            dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = _create_temporary(dest)
    except OSError as err:
        raise write_error(shown, err) from None
    try:
        yield tmp
        _fsync(tmp)
        _keep_mode(dest, tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except OSError as err:
        _remove(tmp)
        raise write_error(shown, err) from None
    except BaseException:
        _remove(tmp)
        raise


@contextlib.contextmanager
def atomic_write(dest: Path | str, mode: str = "w", *, parents: bool = False,
                 **open_args: Any) -> Iterator[IO[Any]]:
    """``open(dest, mode)`` that appears whole at ``dest`` or not at all."""
    if not mode.startswith("w"):
        raise ValueError("atomic_write only writes whole files")
    with atomic_path(dest, parents=parents) as tmp, open(tmp, mode, **open_args) as handle:
        yield handle
        handle.flush()


def copy_atomic(source: Path | str, dest: Path | str) -> None:
    """Copy a file so the copy is whole or absent (e.g. a backup before a migration).

    The source is opened first, so a source that cannot be read is not reported as a target
    that cannot be written.
    """
    try:
        reader = open(source, "rb")  # noqa: SIM115  closed below, before the rename
    except OSError as err:
        raise QualcodeError(f"{source}: cannot read: {(err.strerror or str(err)).lower()}") \
            from None
    with reader, atomic_path(dest) as tmp, open(tmp, "wb") as out:
        shutil.copyfileobj(reader, out, 1024 * 1024)
    with contextlib.suppress(OSError):
        shutil.copystat(source, dest)


def _target(dest: Path) -> Path:
    """Write through a symbolic link to the file it names, so the link stays a link."""
    return Path(os.path.realpath(dest)) if dest.is_symlink() else dest


def _create_temporary(dest: Path) -> Path:
    """A new, empty file beside ``dest``. Created with mode 0666 so the kernel applies the
    umask (mkstemp's 0600 would need the umask read, and reading it changes it process-wide)."""
    folder = dest.parent
    for _ in range(100):
        tmp = folder / f".{dest.name[:200]}.{secrets.token_hex(4)}.part"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk; not every platform allows opening a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_mode(dest: Path, tmp: Path) -> None:
    """A file that is replaced keeps its permissions (a new one has the umask's)."""
    try:
        mode = dest.stat().st_mode & 0o7777
    except FileNotFoundError:
        return
    os.chmod(tmp, mode)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
