"""Laying a transcript out in screen lines: a label line per speaker turn, then its text
word-wrapped to the width, then a blank line.

Textual-free and cheap (one pass of ``str.rfind`` for plain ASCII), so a long transcript is
laid out once per width and only the visible lines are ever rendered. Each line keeps the
document offsets it shows, which is all the renderer and the mouse need. Widths are terminal
cells (``rich.cells``): a CJK character takes two, a combining mark none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich.cells import get_character_cell_size

from qualcode.core.model import Turn


class LineKind(StrEnum):
    LABEL = "label"  # the speaker of a turn
    TEXT = "text"  # document text [start, end)
    GAP = "gap"  # the blank line after a turn


@dataclass(frozen=True, slots=True)
class Line:
    kind: LineKind
    turn: int  # position in the turn list
    start: int
    end: int


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` into spans of at most ``width`` characters.

    Breaks at line breaks and spaces (the space at a break is not shown); a word longer than
    the width is cut. An empty paragraph gives an empty line.
    """
    width = max(1, width)
    found: list[tuple[int, int]] = []
    para = start
    while para <= end:
        stop = text.find("\n", para, end)
        stop = end if stop < 0 else stop
        if not text[para:stop].isascii():
            found.extend(_wrap_cells(text, para, stop, width))
            para = stop + 1
            continue
        cursor = para
        while stop - cursor > width:
            space = text.rfind(" ", cursor, cursor + width + 1)
            if space > cursor:
                found.append((cursor, space))
                cursor = space + 1
                while cursor < stop and text[cursor] == " ":
                    cursor += 1
            else:
                found.append((cursor, cursor + width))
                cursor += width
        found.append((cursor, stop))
        para = stop + 1
    return found


def _wrap_cells(text: str, start: int, stop: int, width: int) -> list[tuple[int, int]]:
    """One paragraph wrapped by terminal cells (wide characters count two, marks none)."""
    found: list[tuple[int, int]] = []
    cursor = start
    while True:
        cells, i, space = 0, cursor, -1
        while i < stop:
            size = get_character_cell_size(text[i])
            if cells + size > width:
                break
            if text[i] == " ":
                space = i
            cells += size
            i += 1
        if i >= stop:
            found.append((cursor, stop))
            return found
        if text[i] == " ":
            space = i
        cut = space if space > cursor else max(i, cursor + 1)
        found.append((cursor, cut))
        cursor = cut
        while cursor < stop and text[cursor] == " ":
            cursor += 1


def column_offset(text: str, start: int, end: int, x: int) -> int:
    """The offset in ``text[start:end]`` shown at cell column ``x`` (a mark goes with the
    character before it; a column past the end gives the last character)."""
    if text[start:end].isascii():
        return min(start + max(0, x), max(start, end - 1))
    cells = 0
    for i in range(start, end):
        cells += get_character_cell_size(text[i])
        if cells > x:
            return i
    return max(start, end - 1)


class Layout:
    """The screen lines of a document at one width, showing only the ``visible`` turns."""

    def __init__(self, text: str, turns: Sequence[Turn], width: int,
                 visible: Iterable[int] | None = None) -> None:
        self.width = width
        self.text = text
        shown = range(len(turns)) if visible is None else sorted(set(visible))
        lines: list[Line] = []
        for pos in shown:
            turn = turns[pos]
            if turn.speaker is not None:
                lines.append(Line(LineKind.LABEL, pos, turn.start, turn.text_start))
            if turn.text_start < turn.text_end:
                lines.extend(Line(LineKind.TEXT, pos, s, e)
                             for s, e in wrap(text, turn.text_start, turn.text_end, width))
            lines.append(Line(LineKind.GAP, pos, turn.text_end, turn.text_end))
        self.lines = lines
        self._text_lines = [i for i, line in enumerate(lines) if line.kind is LineKind.TEXT]
        self._text_starts = [lines[i].start for i in self._text_lines]
        self._first_line: dict[int, int] = {}
        for i, line in enumerate(lines):
            self._first_line.setdefault(line.turn, i)

    def __len__(self) -> int:
        return len(self.lines)

    def line_of(self, offset: int) -> int | None:
        """The text line showing ``offset`` (or the nearest line before it)."""
        pos = bisect_right(self._text_starts, offset) - 1
        return self._text_lines[pos] if pos >= 0 else None

    def first_line(self, turn: int) -> int | None:
        return self._first_line.get(turn)

    def offset_at(self, y: int, x: int) -> int | None:
        """The document offset shown at column ``x`` of line ``y`` (clamped to the line)."""
        if not 0 <= y < len(self.lines):
            return None
        line = self.lines[y]
        if line.kind is not LineKind.TEXT:
            return None
        return column_offset(self.text, line.start, line.end, x)
