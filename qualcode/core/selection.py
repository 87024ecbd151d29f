"""Moving a selection through a transcript: by turn, by sentence, word by word.

Pure and stdlib-only, so the keyboard behaviour of the coding workbench is tested without a
terminal. A :class:`Selection` is a half-open span of the document's text plus the turn it
starts in; a :class:`Navigator` knows the document's turns, their sentences and words, and
which turns are visible (a filtered transcript hides the rest).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qualcode.core import spans
from qualcode.core.model import Role, Turn

Span = tuple[int, int]


@dataclass(frozen=True)
class Selection:
    turn: int  # position in Navigator.turns (not Turn.index)
    start: int
    end: int

    @property
    def span(self) -> Span:
        return self.start, self.end


class Navigator:
    """Selections over one document. Only turns with text can be selected."""

    def __init__(self, text: str, turns: Sequence[Turn],
                 visible: Iterable[int] | None = None) -> None:
        self.text = text
        self.turns = list(turns)
        shown = set(range(len(self.turns))) if visible is None else set(visible)
        self.order = [i for i, t in enumerate(self.turns)
                      if i in shown and t.text_start < t.text_end
                      and not text[t.text_start:t.text_end].isspace()]
        self._starts = [t.start for t in self.turns]
        self._sentences: dict[int, list[Span]] = {}
        self._words: list[Span] | None = None
        self._word_starts: list[int] = []

    # -- lookups -------------------------------------------------------------------------------
    def sentences(self, turn: int) -> list[Span]:
        if turn not in self._sentences:
            t = self.turns[turn]
            self._sentences[turn] = spans.sentences(self.text, t.text_start, t.text_end) or [
                (t.text_start, t.text_end)]
        return self._sentences[turn]

    def turn_at(self, offset: int) -> int | None:
        """The turn whose span holds ``offset``."""
        pos = bisect_right(self._starts, offset) - 1
        if pos < 0 or not self.turns:
            return None
        return pos if offset < self.turns[pos].end or pos == len(self.turns) - 1 else None

    def words(self) -> list[Span]:
        if self._words is None:
            self._words = spans.words(self.text)
            self._word_starts = [w[0] for w in self._words]
        return self._words

    def respondent_turns(self) -> list[int]:
        return [i for i in self.order if self.turns[i].role is Role.RESPONDENT]

    # -- whole selections ----------------------------------------------------------------------
    def first(self) -> Selection | None:
        return self.sentence(self.order[0], 0) if self.order else None

    def sentence(self, turn: int, index: int) -> Selection:
        found = self.sentences(turn)
        start, end = found[max(0, min(index, len(found) - 1))]
        return Selection(turn, start, end)

    def whole_turn(self, turn: int) -> Selection:
        t = self.turns[turn]
        start, end = spans.trim(self.text, t.text_start, t.text_end)
        return Selection(turn, start, end)

    def at(self, offset: int) -> Selection | None:
        """The sentence holding ``offset`` (or the nearest one of the visible turn there)."""
        turn = self.turn_at(offset)
        if turn is None or turn not in self.order:
            return None
        found = self.sentences(turn)
        for i, (_start, end) in enumerate(found):
            if offset < end or i == len(found) - 1:
                return self.sentence(turn, i)
        return None  # pragma: no cover - found is never empty

    def between(self, a: int, b: int) -> Selection | None:
        """The words from offset ``a`` to offset ``b`` (either order), whole words only."""
        lo, hi = min(a, b), max(a, b)
        words = self.words()
        inside = []
        for w in words[max(0, bisect_left(self._word_starts, lo) - 1):]:
            if w[0] >= max(hi, lo + 1):
                break
            if w[1] > lo:
                inside.append(w)
        turn = self.turn_at(lo)
        if not inside or turn is None:
            return None
        return Selection(turn, inside[0][0], inside[-1][1])

    def covering(self, start: int, end: int) -> Selection | None:
        """A selection of exactly ``[start, end)`` (e.g. an existing coding)."""
        turn = self.turn_at(start)
        if turn is None or not 0 <= start < end <= len(self.text):
            return None
        return Selection(turn, start, end)

    # -- moving --------------------------------------------------------------------------------
    def _step_turn(self, turn: int, step: int) -> int | None:
        if turn in self.order:
            pos = self.order.index(turn) + step
        else:  # a hidden turn: find the nearest visible one in that direction
            later = [i for i, t in enumerate(self.order) if t > turn]
            pos = (later[0] if later else len(self.order)) + (step if step < 0 else 0)
        return self.order[pos] if 0 <= pos < len(self.order) else None

    def next_turn(self, sel: Selection, step: int = 1, *, whole: bool = False) -> Selection:
        """The next (``step`` 1) or previous (-1) visible turn: its first sentence, or all of
        it when ``whole``."""
        turn = self._step_turn(sel.turn, step)
        if turn is None:
            return sel
        return self.whole_turn(turn) if whole else self.sentence(turn, 0)

    def next_respondent_turn(self, sel: Selection, step: int = 1) -> Selection:
        turn = self._step_turn(sel.turn, step)
        while turn is not None:
            if self.turns[turn].role is Role.RESPONDENT:
                return self.sentence(turn, 0)
            turn = self._step_turn(turn, step)
        return sel

    def next_sentence(self, sel: Selection, step: int = 1) -> Selection:
        """The sentence after (or before) the start of ``sel``, crossing into other turns."""
        found = self.sentences(sel.turn)
        if step > 0:
            later = [i for i, s in enumerate(found) if s[0] > sel.start]
            if later:
                return self.sentence(sel.turn, later[0])
            turn = self._step_turn(sel.turn, 1)
            return sel if turn is None else self.sentence(turn, 0)
        earlier = [i for i, s in enumerate(found) if s[0] < sel.start]
        if earlier:
            return self.sentence(sel.turn, earlier[-1])
        turn = self._step_turn(sel.turn, -1)
        return sel if turn is None else self.sentence(turn, len(self.sentences(turn)) - 1)

    def move_end(self, sel: Selection, step: int) -> Selection:
        """Extend (``step`` 1) or shrink (-1) the end of the selection by one word."""
        words, starts = self.words(), self._word_starts
        if step > 0:
            for w in words[max(0, bisect_left(starts, sel.end) - 1):]:
                if w[1] > sel.end:
                    return Selection(sel.turn, sel.start, w[1])
            return sel
        lo, hi = bisect_left(starts, sel.start), bisect_left(starts, sel.end)
        for w in reversed(words[lo:hi]):
            if sel.start < w[1] < sel.end:  # the previous word end; one word stays selected
                return Selection(sel.turn, sel.start, w[1])
        return sel

    def move_start(self, sel: Selection, step: int) -> Selection:
        """Extend (``step`` -1) or shrink (1) the start of the selection by one word."""
        words, starts = self.words(), self._word_starts
        if step < 0:
            i = bisect_left(starts, sel.start) - 1
            if i < 0:
                return sel
            start = words[i][0]
        else:
            i = bisect_right(starts, sel.start)
            if i >= len(words) or words[i][0] >= sel.end:
                return sel
            start = words[i][0]
        turn = self.turn_at(start)
        return Selection(sel.turn if turn is None else turn, start, sel.end)
