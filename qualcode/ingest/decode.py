"""Bytes of a text file -> str, with the encoding used and a note when it was guessed."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.core.errors import InputError
from qualcode.core.reading import read_input
from qualcode.ingest import charsets

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

# A single-byte reading that fits a language this well is taken; below, multi-byte encodings
# (Shift-JIS, GB18030 ...) are asked of charset-normalizer, and below the floor the file is
# refused rather than imported as mojibake.
_CONFIDENT_FIT = 0.9
_FLOOR_FIT = 0.6
# UTF-16 without a BOM: text in Latin, Cyrillic or Greek script has zero high bytes for its
# spaces, digits and punctuation, and never a zero low byte.
_UTF16_ZEROS = 0.1
# More control characters than this (share of all characters) means binary data.
_MAX_CONTROL_SHARE = 0.1
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# Unicode's control characters (category Cc: U+0000-001F, U+007F-009F) but those above
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Every byte but those controls (0x80-0x9F are left out: printable in cp1252), deleted to count
# them in the bytes themselves rather than in a decoded copy of a long file.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b <= 0x08 or 0x0e <= b <= 0x1f
                                                         or b == 0x7f))
_CHUNK = 1 << 20


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
    return _checked(*_decoded(data, path), path)


def decode_file(path: Path) -> Decoded:
    """``decode_text`` of the file's bytes, which go as soon as they are decoded (never held
    beside the text while line ends are normalised: a long CRLF transcript is held twice,
    not three times)."""
    return _checked(*_decoded(read_input(path), path), path)


def _decoded(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    if not data or data.isspace():  # as ``not data.strip()``, without copying the bytes
        raise InputError(path, EMPTY)
    return _decode(data, path)


def _checked(text: str, encoding: str, evidence: list[str], path: Path) -> Decoded:
    text = normalise_newlines(text)
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(path, BINARY)
    if not text or text.isspace():  # as ``not text.strip()``, without a copy of the text
        raise InputError(path, EMPTY)
    notes = [] if encoding in ("utf-8", "utf-8-sig") else [
        f"decoded as {encoding} (not UTF-8" + "".join(f"; {e}" for e in evidence) + ")"]
    return Decoded(text, encoding, notes)


def _decode(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding, []
            except UnicodeDecodeError as err:
                raise InputError(
                    path, f"not valid {encoding} text (byte {err.start} after the BOM)"
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16), utf16, ["no byte-order mark"]
    if b"\x00" in data:
        raise InputError(path, BINARY)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    return _guess(data, path)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes' zeros fall on one side of every pair."""
    if len(data) < 4 or len(data) % 2:
        return None
    pairs = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= _UTF16_ZEROS * pairs and other == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding if _control_share(text) <= _MAX_CONTROL_SHARE else None
    return None


def _guess(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    # Only C0 controls count here: bytes 0x80-0x9F are printable in cp1252 (€, curly quotes).
    if _byte_control_share(data) > _MAX_CONTROL_SHARE:
        raise InputError(path, BINARY)
    found = charsets.readings(data)
    best = found[0] if found else None
    if best is not None and best.fit >= _CONFIDENT_FIT:
        return best.text, best.encoding, _evidence(best, found)
    multibyte = _multibyte(data)
    if multibyte is not None:
        try:
            text = data.decode(multibyte)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return text, multibyte, ["unsure: guessed by charset-normalizer"]
    if best is not None and best.fit >= _FLOOR_FIT:
        return best.text, best.encoding, _evidence(best, found) + [
            f"unsure: only {best.fit:.0%} of its non-ASCII characters fit one language"]
    raise InputError(path, "text encoding not recognised: save the file as UTF-8")


def _evidence(best: charsets.Reading, found: list[charsets.Reading]) -> list[str]:
    """Which language the letters fit, and the nearest other reading when it is as good."""
    notes = [f"its letters fit {best.language}"] if best.language else []
    for other in found[1:]:
        if other.fit < best.fit:
            break
        differs = best.differs_from(other)
        if differs:
            notes.append(f"unsure: could also be {other.encoding} ({differs}); "
                         "save the file as UTF-8 to be sure")
            break
    return notes


def _multibyte(data: bytes) -> str | None:
    """charset-normalizer's guess, if it is an encoding the single-byte scorer does not try."""
    from charset_normalizer import from_bytes  # slow to import; only needed here

    best = from_bytes(data).best()
    if best is None or best.encoding in charsets.CANDIDATES:
        return None
    return best.encoding


def _byte_control_share(data: bytes) -> float:
    """``_control_share`` of the bytes read as ASCII (others replaced), a chunk at a time."""
    view = memoryview(data)
    controls = sum(len(bytes(view[at:at + _CHUNK]).translate(None, _NOT_CONTROL_BYTES))
                   for at in range(0, len(data), _CHUNK))
    return controls / len(data)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    # one regular expression over the text, not a category look-up per character
    controls = sum(1 for _ in _CONTROLS.finditer(text))
    return controls / len(text)
