"""Opening zip-based files (.docx, .odt, .qdpx, .xlsx) without trusting them.

Every member is checked before anything is inflated: no absolute or ``..`` names, at most
``max_members`` members, a total uncompressed size under ``max_total`` and a compression ratio
under ``max_ratio`` per member. The sizes in the central directory can lie, so reads are also
capped while inflating. A zip bomb is refused in milliseconds with no memory spent on it.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from qualcode.core.errors import InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    max_total: int = 512 * MB
    max_member: int = 256 * MB
    max_ratio: float = 200.0
    max_members: int = 20_000


DEFAULT_LIMITS = ZipLimits()
# Word and OpenDocument transcripts: python-docx loads every part into memory and lxml needs
# several times an XML part's size, so documents get tighter caps (a 100,000-word transcript's
# XML is about 20 MB).
DOCUMENT_LIMITS = ZipLimits(max_total=256 * MB, max_member=64 * MB)
# What real .docx/.odt/.xlsx/.qdpx files use; bzip2 and lzma can inflate a few kilobytes into
# megabytes before zipfile's size check sees them.
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# What inflating a damaged, encrypted or unsupported member can raise.
_READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError,
                ValueError, zlib.error)


class SafeZip:
    """A checked, read-only zip archive. Use :func:`open_zip` to get one."""

    def __init__(self, path: Path | str, archive: zipfile.ZipFile, limits: ZipLimits) -> None:
        self.path = str(path)
        self.archive = archive
        self.limits = limits

    def names(self) -> list[str]:
        return [info.filename for info in self.archive.infolist() if not info.is_dir()]

    def find(self, name: str, *, ignore_case: bool = False) -> str | None:
        """The member called ``name`` (optionally ignoring case), or None."""
        for member in self.names():
            if member == name or (ignore_case and member.lower() == name.lower()):
                return member
        return None

    def read(self, name: str) -> bytes:
        """A member's bytes, refusing to inflate past its declared size or the caps."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise InputError(self.path, f"member {name!r} is missing") from None
        cap = min(info.file_size, self.limits.max_member)
        try:
            with self.archive.open(info) as member:
                data = member.read(cap + 1)
        except _READ_ERRORS as err:  # CRC mismatch, encrypted, unknown compression
            raise InputError(self.path, f"member {name!r} cannot be read ({err})") from None
        if len(data) > cap:
            raise InputError(self.path, f"member {name!r} inflates past its declared size "
                                        "(a zip bomb?); refused")
        return data

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_zip(source: Path | str | bytes, *, name: str | None = None,
             limits: ZipLimits = DEFAULT_LIMITS, kind: str = "zip archive") -> SafeZip:
    """Open and check a zip archive from a path or bytes; raises a one-line InputError."""
    label = name or (str(source) if not isinstance(source, bytes) else "archive")
    try:
        handle = io.BytesIO(source) if isinstance(source, bytes) else source
        archive = zipfile.ZipFile(handle)
        size = len(source) if isinstance(source, bytes) else os.path.getsize(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        reason = "not a zip archive" if "not a zip file" in str(err) else str(err)
        raise InputError(label, f"not a valid {kind} ({reason})") from None
    try:
        check_members(label, archive, limits, size=size)
    except BaseException:
        archive.close()
        raise
    return SafeZip(label, archive, limits)


def check_members(label: str, archive: zipfile.ZipFile, limits: ZipLimits,
                  size: int | None = None) -> None:
    """Refuse the archive from its central directory alone, before inflating anything.

    zipfile never inflates a member past its declared size, so checking the declared sizes
    bounds what any zipfile-based reader (python-docx, openpyxl) can be made to hold.
    """
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise InputError(label, f"{len(infos)} members in the archive "
                                f"(at most {limits.max_members}); refused")
    total = packed = 0
    for info in infos:
        _check_name(label, info.filename)
        total += info.file_size
        packed += info.compress_size
        if info.compress_type not in _COMPRESSIONS:
            raise InputError(label, f"member {info.filename!r} uses an unsupported compression "
                                    f"method ({info.compress_type}); refused")
        if info.file_size > limits.max_member:
            raise InputError(label, f"member {info.filename!r} is {info.file_size // MB} MB "
                                    f"uncompressed (at most {limits.max_member // MB} MB)")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MB and ratio > limits.max_ratio:
            raise InputError(label, f"member {info.filename!r} inflates {ratio:.0f} times "
                                    "(a zip bomb?); refused")
    if total > limits.max_total:
        raise InputError(label, f"{total // MB} MB uncompressed in all "
                                f"(at most {limits.max_total // MB} MB); refused")
    if size is not None and packed > size:
        # Members whose compressed data overlap (a "non-recursive" zip bomb).
        raise InputError(label, "members overlap each other (a zip bomb?); refused")


def _check_name(label: str, name: str) -> None:
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or (name[1:2] == ":" and name[:1].isalpha()):
        raise InputError(label, f"member {name!r} points outside the archive; refused")
