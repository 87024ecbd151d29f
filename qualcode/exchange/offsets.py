"""Converting positions between qualcode and other tools (the offset rule's one edge).

qualcode counts code points in text whose line breaks are LF. Other tools count in the text as
they stored it: UTF-16 code units (NVivo), CRLF as two characters or one (ATLAS.ti counts one
while its files hold CRLF), UTF-8 bytes. :class:`OffsetMap` holds, for one text, how many units
precede each normalised character, so both directions are a look-up or a binary search.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from enum import StrEnum


class Unit(StrEnum):
    CODE_POINT = "code point"
    UTF16 = "utf-16"
    UTF8 = "utf-8"


@dataclass(frozen=True)
class Scheme:
    """How a tool counts: the unit, and whether a CRLF in its text counts as two units."""

    unit: Unit = Unit.CODE_POINT
    crlf_is_two: bool = False

    def label(self) -> str:
        crlf = "CRLF as 2" if self.crlf_is_two else "CRLF as 1"
        return f"{self.unit.value}, {crlf}"


CODE_POINTS = Scheme()
# Characters of the text exactly as the tool stored it (a CRLF is two).
AS_IS = Scheme(Unit.CODE_POINT, crlf_is_two=True)


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def normalise(raw: str) -> str:
    """qualcode's stored text: BOM stripped, CRLF and lone CR turned into LF."""
    return strip_bom(raw).replace("\r\n", "\n").replace("\r", "\n")


def _width(char: str, unit: Unit) -> int:
    if unit is Unit.UTF16:
        return 2 if ord(char) > 0xFFFF else 1
    if unit is Unit.UTF8:
        return len(char.encode("utf-8", "surrogatepass"))
    return 1


class OffsetMap:
    """Positions in one text under one scheme <-> code points in its normalised text.

    ``raw`` is the text as the other tool holds it (BOM already stripped or not: a BOM is never
    counted). Every normalised character knows the units it stood for in ``raw``.
    """

    def __init__(self, raw: str, scheme: Scheme) -> None:
        raw = strip_bom(raw)
        self.scheme = scheme
        before = [0]
        total = 0
        i, n = 0, len(raw)
        ascii_fast = scheme.unit is Unit.CODE_POINT or raw.isascii()
        while i < n:
            char = raw[i]
            if char == "\r":
                pair = i + 1 < n and raw[i + 1] == "\n"
                total += 2 if pair and scheme.crlf_is_two else 1
                i += 2 if pair else 1
            else:
                total += 1 if ascii_fast else _width(char, scheme.unit)
                i += 1
            before.append(total)
        self._before = before

    @property
    def length(self) -> int:
        """Characters in the normalised text."""
        return len(self._before) - 1

    def to_units(self, index: int) -> int:
        """A code-point index into the normalised text as this scheme's position."""
        return self._before[index]

    def to_index(self, position: int, *, end: bool = False) -> int | None:
        """This scheme's position as a normalised index; inside a character (half a surrogate
        pair, between CR and LF) rounds down for a start and up for an end. None if outside."""
        if not 0 <= position <= self._before[-1]:
            return None
        i = bisect_left(self._before, position)
        if self._before[i] != position and not end:
            i -= 1
        return i
