"""Painting one screen line of a transcript: the code margin, speaker labels, coded spans in
their code's colour (overlaps underlined, key quotes bold), pending code suggestions (a dotted
mark in the margin, italic text, the code's name with a "?" beside the text) and the selection.

Used by :class:`~qualcode.tui.widgets.transcript.TranscriptView`, which asks for the visible
lines only; codings are indexed per turn so a line looks at a handful of codings, not all.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip

from qualcode.core.model import Code, Coding, Role, Turn
from qualcode.core.selection import Selection
from qualcode.core.suggestions import CodeSuggestion
from qualcode.tui.colours import code_colour, highlight, solid
from qualcode.tui.layout import Line, LineKind

MARGIN = 5  # up to four code bars and a space
NAMES_GAP = 2  # between the text and the names of the codes on wide screens
BAR = "▌"
SUGGESTED = "┊"  # a pending suggestion: not a coding yet

Spanned = TypeVar("Spanned", Coding, CodeSuggestion)


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
                 codes: dict[int, Code], background: Color, styles: PaintStyles,
                 suggestions: Sequence[CodeSuggestion] = ()) -> None:
        self.text = text
        self.turns = turns
        self.codes = codes
        self.styles = styles
        starts = [t.start for t in turns]
        self.by_turn: dict[int, list[Coding]] = _per_turn(codings, starts)
        self.suggested: dict[int, list[CodeSuggestion]] = _per_turn(suggestions, starts)
        self._tints = {cid: highlight(code_colour(c), background)
                       for cid, c in codes.items()}
        self._bars = {cid: Style(color=solid(code_colour(c))) for cid, c in codes.items()}

    def knows(self, code_id: int) -> bool:
        """Whether this painter has the colours of ``code_id`` (a new code needs a new one)."""
        return code_id in self._tints

    def replace_coding(self, old: Coding | None, new: Coding | None) -> None:
        """One coding added, changed or removed: update the per-turn index in place (kept in
        the order a new painter would build it)."""
        starts = [t.start for t in self.turns]
        if old is not None:
            for pos in _turns_of(old, starts):
                kept = [c for c in self.by_turn.get(pos, ()) if c.id != old.id]
                if kept:
                    self.by_turn[pos] = kept
                else:
                    self.by_turn.pop(pos, None)
        if new is not None:
            for pos in _turns_of(new, starts):
                insort(self.by_turn.setdefault(pos, []), new, key=coding_order)

    def codings_on(self, line: Line) -> list[Coding]:
        return [c for c in self.by_turn.get(line.turn, ())
                if c.start < max(line.end, line.start + 1) and c.end > line.start]

    def suggestions_on(self, line: Line) -> list[CodeSuggestion]:
        return [s for s in self.suggested.get(line.turn, ())
                if s.start < max(line.end, line.start + 1) and s.end > line.start]

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
        for suggestion in self.suggestions_on(line):
            code = self.codes.get(suggestion.code_id)
            if code is None or not line.start <= suggestion.start < max(line.end,
                                                                        line.start + 1):
                continue
            if segments:
                segments.append(Segment(" ", self.styles.base))
            segments.append(Segment(f"{code.name}?", self._suggested_style(code.id or 0)))
        return segments

    def _suggested_style(self, code_id: int) -> Style:
        return self.styles.base + self._bars.get(code_id, Style()) + Style(dim=True,
                                                                            italic=True)

    def _margin(self, line: Line) -> list[Segment]:
        code_ids: list[int] = []
        for coding in self.codings_on(line):
            if coding.code_id not in code_ids:
                code_ids.append(coding.code_id)
        suggested = list(dict.fromkeys(s.code_id for s in self.suggestions_on(line)))
        room = MARGIN - 1
        if len(code_ids) + len(suggested) > room:
            suggested = suggested[:1]  # one mark is enough to say "a suggestion here"
        shown = code_ids if len(code_ids) <= room - len(suggested) \
            else code_ids[:room - len(suggested) - 1]
        segments = [Segment(BAR, self.styles.base + self._bars.get(cid, Style()))
                    for cid in shown]
        if len(shown) < len(code_ids):
            segments.append(Segment("+", self.styles.base + self.styles.number))
        segments += [Segment(SUGGESTED, self._suggested_style(cid)) for cid in suggested]
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
        suggested = self.suggestions_on(line)
        cuts = {start, end}
        spans: list[Coding | CodeSuggestion] = [*codings, *suggested]
        for c in spans:
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
            if any(s.start < b and s.end > a for s in suggested):
                style = style + Style(italic=True)
            if selection is not None and selection.start <= a and b <= selection.end:
                style = style + self.styles.selection
            segments.append(Segment(self.text[a:b].replace("\t", " "), style))
        return segments


def coding_order(span: Coding | CodeSuggestion) -> tuple[int, int, int]:
    """The order codings (and suggestions) are shown and indexed in."""
    return span.start, span.end, span.id or 0


def _turns_of(span: Coding | CodeSuggestion, starts: list[int]) -> range:
    """Positions of the turns ``span`` touches."""
    first = max(0, bisect_right(starts, span.start) - 1)
    return range(first, max(first, bisect_right(starts, span.end - 1) - 1) + 1)


def _per_turn(spans: Sequence[Spanned], starts: list[int]) -> dict[int, list[Spanned]]:
    """Codings (or suggestions) by the position of each turn they touch."""
    found: dict[int, list[Spanned]] = {}
    for span in sorted(spans, key=lambda c: (c.start, c.end)):
        for pos in _turns_of(span, starts):
            found.setdefault(pos, []).append(span)
    return found


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

