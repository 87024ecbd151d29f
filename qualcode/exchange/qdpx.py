"""REFI-QDA project archives (.qdpx): a zip of ``project.qde`` and a ``sources/`` folder.

Reading checks every member before inflating (:func:`qualcode.core.archive.open_zip`), finds
``project.qde`` and the sources folder whatever their case (NVivo writes ``Sources/``), and
decodes texts with the BOM stripped. Writing puts ``sources/`` in lower case and appears whole
or not at all.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from qualcode.core.archive import SafeZip, open_zip
from qualcode.core.errors import InputError
from qualcode.core.files import atomic_path
from qualcode.core.reading import read_input
from qualcode.exchange.model import XProject
from qualcode.exchange.qde_read import read_project
from qualcode.exchange.xmlio import PROJECT_NS, parse


def read_qdpx(path: Path) -> XProject:
    with open_zip(path, kind="REFI-QDA project (.qdpx)") as archive:
        member = _project_member(archive)
        root = parse(archive.read(member), f"{path} ({member})", PROJECT_NS, "Project")
        base = root.get("basePath", "")
        return read_project(root, lambda ref: _load(archive, path, base, ref), str(path))


def read_qde(path: Path) -> XProject:
    """A bare project.qde (sources given inline or by relative/absolute paths)."""
    data = read_input(path)
    root = parse(data, str(path), PROJECT_NS, "Project")
    base = root.get("basePath", "")
    return read_project(root, lambda ref: _load(None, path, base, ref), str(path))


def _project_member(archive: SafeZip) -> str:
    found = archive.find("project.qde", ignore_case=True)
    if found is None:
        qde = [n for n in archive.names() if n.lower().endswith(".qde")]
        if len(qde) != 1:
            raise InputError(archive.path, "no project.qde in the archive (not a REFI-QDA "
                                           "project?)")
        found = qde[0]
    return found


def _load(archive: SafeZip | None, path: Path, base: str, ref: str) -> str:
    """The text a ``plainTextPath`` points at: ``internal://`` in the archive's sources folder
    (any case), ``relative://`` under the project's ``basePath`` (or its folder), never above
    it; ``absolute://`` as given."""
    scheme, sep, rest = ref.partition("://")
    scheme = scheme.lower() if sep else "relative"
    rest = rest if sep else ref
    if scheme == "internal" and archive is not None:
        wanted = f"sources/{rest}".lower()
        member = next((n for n in archive.names() if n.lower() == wanted), None)
        if member is None:
            raise InputError(path, f"source text {ref} is missing from the archive")
        return decode(archive.read(member), f"{path} ({member})")
    if scheme == "relative":
        if ".." in PurePosixPath(rest.replace("\\", "/")).parts:
            raise InputError(path, f"source text {ref} points outside the project; refused")
        target = Path(base or path.parent) / rest
    elif scheme in ("absolute", "file"):
        target = Path(rest)
    else:
        raise InputError(path, f"source text {ref}: unknown kind of path")
    try:
        return decode(target.read_bytes(), str(target))
    except OSError:
        raise InputError(path, f"source text {ref} is not found ({target})") from None


def decode(data: bytes, where: str) -> str:
    """Text of a source file: UTF-8 (BOM stripped) or UTF-16 with a BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(where, f"not UTF-8 text (byte {err.start})") from None


def write_qdpx(dest: Path, qde: bytes, texts: dict[str, str]) -> None:
    """Write ``project.qde`` and ``sources/<name>`` for each text, atomically.

    Members get a fixed date so that exporting the same project twice gives the same bytes.
    """
    with atomic_path(dest) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        _add(out, "project.qde", qde)
        for name in sorted(texts):
            _add(out, f"sources/{name}", texts[name].encode("utf-8"))


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)
