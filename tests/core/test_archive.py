"""Checked zip opening: sizes, ratios, names, compression methods and overlapping members are
refused from the central directory, before anything is inflated."""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
from pathlib import Path

import pytest

from benchmarks.bombs import write_docx_bomb
from qualcode.core.archive import DOCUMENT_LIMITS, ZipLimits, open_zip
from qualcode.core.errors import InputError

MB = 1024 * 1024


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _declare_size(data: bytes, name: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size the central directory declares for ``name``."""
    at = data.index(b"PK\x01\x02")
    while data[at + 46:at + 46 + len(name)] != name:
        at = data.index(b"PK\x01\x02", at + 4)
    return data[:at + 24] + struct.pack("<I", size) + data[at + 28:]


def test_a_plain_archive_opens_and_reads() -> None:
    with open_zip(_zip({"content.xml": b"<x/>" * 1000}), name="a.odt") as archive:
        assert archive.names() == ["content.xml"]
        assert archive.read("content.xml") == b"<x/>" * 1000
        assert archive.find("CONTENT.XML", ignore_case=True) == "content.xml"


def test_a_real_bomb_is_refused_by_its_ratio(tmp_path: Path) -> None:
    bomb = write_docx_bomb(tmp_path / "bomb.docx", 8 * MB)  # ~1000:1, like the 1 GiB one
    with pytest.raises(InputError) as caught:
        open_zip(bomb.read_bytes(), name=str(bomb))
    assert re.fullmatch(rf"{re.escape(str(bomb))}: member 'word/document.xml' inflates "
                        r"1\d\d\d times \(a zip bomb\?\); refused", str(caught.value))


def test_a_gigabyte_member_is_refused_by_its_declared_size() -> None:
    data = _declare_size(_zip({"word/document.xml": b" " * 5000}), b"word/document.xml", 2**30)
    with pytest.raises(InputError, match=r"is 1024 MB uncompressed \(at most 64 MB\)"):
        open_zip(data, name="b.docx", limits=DOCUMENT_LIMITS)


def test_a_member_that_inflates_past_its_declared_size_is_cut_off() -> None:
    data = _declare_size(_zip({"content.xml": b"<x/>" * 5000}), b"content.xml", 100)
    with open_zip(data, name="c.odt") as archive, \
            pytest.raises(InputError, match="content.xml' cannot be read"):
        archive.read("content.xml")  # zipfile stops at 100 bytes: the CRC cannot match


def test_too_much_in_all_is_refused() -> None:
    members = {f"part{n}.xml": b"a" * (2 * MB) for n in range(3)}
    limits = ZipLimits(max_total=5 * MB, max_ratio=10_000)
    with pytest.raises(InputError, match=r"6 MB uncompressed in all \(at most 5 MB\)"):
        open_zip(_zip(members), name="d.zip", limits=limits)


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/passwd", "C:/evil.xml", "a/../../b"])
def test_names_outside_the_archive_are_refused(name: str) -> None:
    with pytest.raises(InputError, match="points outside the archive"):
        open_zip(_zip({name: b"x"}), name="e.zip")


def test_other_compression_methods_are_refused() -> None:
    with pytest.raises(InputError, match="unsupported compression method"):
        open_zip(_zip({"content.xml": b"<x/>"}, zipfile.ZIP_BZIP2), name="f.odt")


def test_overlapping_members_are_refused() -> None:
    # Several central directory entries pointing at one member's data (Fifield's bomb).
    kernel = random.Random(9).randbytes(20_000)  # incompressible, so it fills the file
    base = _zip({"kernel.xml": kernel, **{f"m{n}.xml": b"x" for n in range(5)}})
    entries = [m.start() for m in re.finditer(rb"PK\x01\x02", base)]
    first = entries[0]
    forged = base
    for at in entries[1:]:
        forged = (forged[:at + 16] + base[first + 16:first + 28] + forged[at + 28:at + 42]
                  + base[first + 42:first + 46] + forged[at + 46:])
    with pytest.raises(InputError, match="members overlap each other"):
        open_zip(forged, name="g.zip")


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_not_a_zip_is_one_line(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^h\.docx: not a valid zip archive \("):
        open_zip(data, name="h.docx")
