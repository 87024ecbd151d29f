"""Painting one screen line of a transcript: the code margin, speaker labels, coded spans in
their code's colour (overlaps underlined, key quotes bold) and the selection.

Used by :class:`~qualcode.tui.widgets.transcript.TranscriptView`, which asks for the visible
lines only; codings are indexed per turn so a line looks at a handful of codings, not all.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip

from qualcode.core.model import Code, Coding, Role, Turn
from qualcode.core.selection import Selection
from qualcode.tui.colours import code_colour, highlight, solid
from qualcode.tui.layout import Line, LineKind

MARGIN = 5  # up to four code bars and a space
NAMES_GAP = 2  # between the text and the names of the codes on wide screens
BAR = "▌"


@dataclass(frozen=True)
class PaintStyles:
    base: Style
    selection: Style
    respondent: Style
    interviewer: Style
    note: Style
    number: Style
    current: Style


class Painter:
    def __init__(self, text: str, turns: Sequence[Turn], codings: Sequence[Coding],
                 codes: dict[int, Code], background: Color, styles: PaintStyles) -> None:
        self.text = text
        self.turns = turns
        self.codes = codes
        self.styles = styles
        self.by_turn: dict[int, list[Coding]] = {}
        starts = [t.start for t in turns]
        for coding in sorted(codings, key=lambda c: (c.start, c.end)):
            first = max(0, bisect_right(starts, coding.start) - 1)
            last = max(first, bisect_right(starts, coding.end - 1) - 1)
            for pos in range(first, last + 1):
                self.by_turn.setdefault(pos, []).append(coding)
        self._tints = {cid: highlight(code_colour(c), background)
                       for cid, c in codes.items()}
        self._bars = {cid: Style(color=solid(code_colour(c))) for cid, c in codes.items()}

    def codings_on(self, line: Line) -> list[Coding]:
        return [c for c in self.by_turn.get(line.turn, ())
                if c.start < max(line.end, line.start + 1) and c.end > line.start]

    def paint(self, line: Line, selection: Selection | None, text_width: int,
              names_width: int = 0) -> Strip:
        """The line: margin, text (``text_width`` columns) and, when ``names_width``, the
        names of the codes whose codings start on it."""
        if line.kind is LineKind.LABEL:
            segments = self._label(line, selection)
        elif line.kind is LineKind.TEXT:
            segments = self._margin(line) + self._text(line, selection)
        else:
            segments = []
        strip = Strip(segments).adjust_cell_length(MARGIN + text_width, self.styles.base)
        if names_width and line.kind is LineKind.TEXT:
            names = Strip([Segment(" " * NAMES_GAP, self.styles.base), *self._names(line)])
            strip = Strip.join([strip, names.adjust_cell_length(NAMES_GAP + names_width,
                                                                 self.styles.base)])
        return strip

    def _names(self, line: Line) -> list[Segment]:
        segments: list[Segment] = []
        for coding in self.codings_on(line):
            code = self.codes.get(coding.code_id)
            if code is None or not line.start <= coding.start < max(line.end, line.start + 1):
                continue
            if segments:
                segments.append(Segment(" ", self.styles.base))
            segments.append(Segment(code.name, self.styles.base
                                    + self._bars.get(coding.code_id, Style())))
        return segments

    def _margin(self, line: Line) -> list[Segment]:
        code_ids: list[int] = []
        for coding in self.codings_on(line):
            if coding.code_id not in code_ids:
                code_ids.append(coding.code_id)
        shown = code_ids if len(code_ids) <= MARGIN - 1 else code_ids[:MARGIN - 2]
        segments = [Segment(BAR, self.styles.base + self._bars.get(cid, Style()))
                    for cid in shown]
        if len(shown) < len(code_ids):
            segments.append(Segment("+", self.styles.base + self.styles.number))
        used = len(segments)
        return segments + [Segment(" " * (MARGIN - used), self.styles.base)]

    def _label(self, line: Line, selection: Selection | None) -> list[Segment]:
        turn = self.turns[line.turn]
        current = selection is not None and selection.turn == line.turn
        style = {Role.RESPONDENT: self.styles.respondent,
                 Role.INTERVIEWER: self.styles.interviewer}.get(turn.role, self.styles.note)
        marker = Segment("▶".ljust(MARGIN) if current else " " * MARGIN,
                         self.styles.base + self.styles.current)
        segments = [marker, Segment(f"{turn.index} ", self.styles.base + self.styles.number),
                    Segment(turn.speaker or "", self.styles.base + style)]
        if turn.timestamp is not None:
            segments.append(Segment(f"  {_clock(turn.timestamp)}",
                                    self.styles.base + self.styles.number))
        return segments

    def _text(self, line: Line, selection: Selection | None) -> list[Segment]:
        start, end = line.start, line.end
        if start == end:
            return []
        codings = self.codings_on(line)
        cuts = {start, end}
        for c in codings:
            cuts.update(p for p in (c.start, c.end) if start < p < end)
        if selection is not None:
            cuts.update(p for p in (selection.start, selection.end) if start < p < end)
        points = sorted(cuts)
        base = self.styles.base
        if self.turns[line.turn].role is Role.NOTE:
            base = base + self.styles.note
        segments = []
        for a, b in zip(points, points[1:], strict=False):
            style = base
            cover = [c for c in codings if c.start < b and c.end > a]
            if cover:
                inner = min(cover, key=lambda c: (c.end - c.start, -(c.id or 0)))
                style = style + self._tints.get(inner.code_id, Style())
                if len(cover) > 1:
                    style = style + Style(underline=True)
                if any(c.important for c in cover):
                    style = style + Style(bold=True)
            if selection is not None and selection.start <= a and b <= selection.end:
                style = style + self.styles.selection
            segments.append(Segment(self.text[a:b].replace("\t", " "), style))
        return segments


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

