"""Reading a codebook file's text: UTF-8, with or without a byte-order mark."""

from __future__ import annotations

from pathlib import Path

from qualcode.core.errors import InputError
from qualcode.core.reading import read_input

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_text(path: Path) -> str:
    data = read_input(path, "codebook file")
    if data.startswith(_UTF16_BOMS):
        raise InputError(path, "the file is UTF-16 text; save it as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError(
            path,
            f"not UTF-8 text (byte 0x{data[err.start]:02x} cannot be decoded); save it as UTF-8",
            line=line,
        ) from None
