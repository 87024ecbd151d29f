"""Bytes of a text file -> str, with the encoding used and a note when it was guessed."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.core.errors import InputError

BINARY = "not a text file (binary data)"
EMPTY = "empty file: no text to import"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Text that is neither UTF-8 nor UTF-16 is read as cp1252 (what Windows writes in Western
# Europe) when it looks Western; detectors cannot reliably tell cp1252 from cp1250/cp1257 on a
# few accented letters. Otherwise charset-normalizer may name another Western encoding.
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850", "cp858", "cp437")
# Western text has a few accented letters (French ~4%); Cyrillic read as cp1252 is all accents.
_MAX_ACCENTED_SHARE = 0.3
# More control characters than this (share of all characters) means binary data.
_MAX_CONTROL_SHARE = 0.1
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR -> LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, path: Path) -> Decoded:
    """Decode a text file's bytes, normalise line ends once, refuse binary and empty files."""
    if not data.strip():
        raise InputError(path, EMPTY)
    text, encoding = _decode(data, path)
    text = normalise_newlines(text)
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(path, BINARY)
    if not text.strip():
        raise InputError(path, EMPTY)
    notes = [] if encoding in ("utf-8", "utf-8-sig") else [f"decoded as {encoding} (not UTF-8)"]
    return Decoded(text, encoding, notes)


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding
            except UnicodeDecodeError as err:
                raise InputError(
                    path, f"not valid {encoding} text (byte {err.start} after the BOM)"
                ) from None
    if b"\x00" in data:
        raise InputError(path, BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess(data, path)


def _guess(data: bytes, path: Path) -> tuple[str, str]:
    # Only C0 controls count here: bytes 0x80-0x9F are printable in cp1252 (€, curly quotes).
    if _control_share(data.decode("ascii", "replace")) > _MAX_CONTROL_SHARE:
        raise InputError(path, BINARY)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass  # bytes cp1252 leaves undefined: not cp1252
    else:
        if _western_letters(text):
            return text, "cp1252"
    from charset_normalizer import from_bytes  # slow to import; only needed here

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(path, "text encoding not recognised: save the file as UTF-8")
    best = matches[0]
    for encoding in best.could_be_from_charset:
        if encoding in _WESTERN and _western_letters(str(best)):
            return data.decode(encoding), encoding
    raise InputError(
        path,
        f"text is not UTF-8 and looks like {best.encoding}, which is not a Western European "
        "encoding qualcode accepts: save the file as UTF-8",
    )


def _western_letters(text: str) -> bool:
    """Whether ``text`` reads as Western European: accented letters are a minority of the
    letters (Cyrillic or Greek bytes read as cp1252 turn nearly every letter into one)."""
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return accented <= _MAX_ACCENTED_SHARE * len(letters)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(
        1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls / len(text)
