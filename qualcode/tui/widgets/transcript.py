"""The transcript: speaker turns with coded spans in colour, a margin of the codes on each
line, and a selection moved by turn, sentence and word (or the mouse).

A Line-API widget: the document is laid out once per width (cheap) and only the lines on
screen are painted, so a 60,000-word transcript with thousands of codings opens at once.
It never changes data: it posts :class:`TranscriptView.SelectionChanged` and the screen acts.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Sequence

from rich.segment import Segment
from textual import events
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from qualcode.core.model import Code, Coding, Document, Turn
from qualcode.core.selection import Navigator, Selection
from qualcode.core.suggestions import CodeSuggestion
from qualcode.tui.layout import Layout
from qualcode.tui.widgets.transcript_keys import KEYS
from qualcode.tui.widgets.transcript_mouse import TranscriptMouse
from qualcode.tui.widgets.transcript_paint import (
    MARGIN,
    NAMES_GAP,
    Painter,
    PaintStyles,
    coding_order,
)

TEXT_MAX = 100  # columns of text before the names margin appears
NAMES_MIN, NAMES_MAX = 16, 36


class TranscriptView(TranscriptMouse, ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "transcript--selection", "transcript--respondent", "transcript--interviewer",
        "transcript--note", "transcript--number", "transcript--current",
    }
    DEFAULT_CSS = """
    TranscriptView { background: $surface; scrollbar-gutter: stable; overflow-x: hidden; }
    TranscriptView > .transcript--selection { background: $accent 55%; color: $text; }
    TranscriptView > .transcript--respondent { color: $text-primary; text-style: bold; }
    TranscriptView > .transcript--interviewer { color: $text-secondary; text-style: bold; }
    TranscriptView > .transcript--note { color: $text-muted; text-style: italic; }
    TranscriptView > .transcript--number { color: $text-muted; }
    TranscriptView > .transcript--current { color: $accent; }
    """
    BINDINGS = KEYS

    class SelectionChanged(Message):
        def __init__(self, view: TranscriptView, selection: Selection | None) -> None:
            super().__init__()
            self.view = view
            self.selection = selection

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.turns: list[Turn] = []
        self.codings: list[Coding] = []
        self.codes: dict[int, Code] = {}
        self.suggestions: list[CodeSuggestion] = []  # pending, for this document
        self.shown_turns: set[int] | None = None
        self.navigator: Navigator | None = None
        self.text_layout: Layout | None = None
        self.selection: Selection | None = None
        self._painter: Painter | None = None
        self._cache: dict[int, Strip] = {}
        self._anchor: int | None = None
        self.whole_turns = False  # after `t`, moving by turn keeps selecting whole turns

    # -- what is shown -----------------------------------------------------------------------
    def show_document(self, document: Document, turns: Sequence[Turn],
                      codings: Sequence[Coding], codes: dict[int, Code],
                      visible: Iterable[int] | None = None) -> None:
        same = self.document is not None and self.document.id == document.id
        self.document, self.turns = document, list(turns)
        if not same:
            self.suggestions = []
        self.shown_turns = None if visible is None else set(visible)
        self.navigator = Navigator(document.text, self.turns, self.shown_turns)
        self.set_codings(codings, codes)
        self._relayout()
        keep = self.selection if same and self.selection else None
        if keep is not None and keep.turn in self.navigator.order:
            self.select(keep)
        else:
            if not same:
                self.scroll_to(y=0, animate=False, immediate=True)
            self.select(self.navigator.first())

    def set_codings(self, codings: Sequence[Coding], codes: dict[int, Code]) -> None:
        self.codings = sorted(codings, key=coding_order)
        self.codes = codes
        self._painter = None
        self._cache.clear()
        self.refresh()

    def replace_coding(self, coding_id: int, fresh: Coding | None,
                       codes: dict[int, Code]) -> None:
        """One coding was added, changed (``fresh``) or removed (None): repaint only the lines
        it touches, not the whole transcript (the same picture as :meth:`set_codings`)."""
        old = next((c for c in self.codings if c.id == coding_id), None)
        kept = [c for c in self.codings if c.id != coding_id]
        painter = self._painter
        if codes is not self.codes or painter is None or self.text_layout is None \
                or (fresh is not None and not painter.knows(fresh.code_id)):
            self.set_codings(kept if fresh is None else [*kept, fresh], codes)
            return
        if fresh is not None:
            insort(kept, fresh, key=coding_order)
        self.codings = kept
        painter.replace_coding(old, fresh)
        for changed in (old, fresh):
            if changed is not None:
                self._repaint_span(changed.start, changed.end)

    def _repaint_span(self, start: int, end: int) -> None:
        """Forget the painted lines showing ``[start, end)`` and repaint those on screen."""
        layout = self.text_layout
        if layout is None:
            return
        # A line either side too: an empty line at the edge shows the coding's bar as well.
        first = max(0, (layout.line_of(start) or 0) - 1)
        last = min(len(layout) - 1, (layout.line_of(max(start, end - 1)) or 0) + 1)
        for index in range(first, last + 1):
            self._cache.pop(index, None)
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        shown_first, shown_last = max(first, top), min(last, top + height - 1)
        if shown_first <= shown_last:
            self.refresh(Region(0, shown_first - top, self.scrollable_content_region.width,
                                shown_last - shown_first + 1))

    def set_suggestions(self, suggestions: Sequence[CodeSuggestion]) -> None:
        """Pending code suggestions for the open document, shown until accepted or rejected."""
        self.suggestions = sorted(suggestions, key=lambda s: (s.start, s.end, s.id or 0))
        self._painter = None
        self._cache.clear()
        self.refresh()

    def clear(self) -> None:
        self.document, self.navigator, self.text_layout, self.selection = None, None, None, None
        self.turns, self.codings, self.suggestions = [], [], []
        self._painter = None
        self._cache.clear()
        self.virtual_size = Size(0, 0)
        self.refresh()

    def _text_width(self) -> int:
        """Text wraps at the width available, but at most at ~100 columns for reading; on
        wide terminals the rest shows the names of the codes starting on each line."""
        area = max(10, self.scrollable_content_region.width - MARGIN - 1)
        return area - self._names_width() - (NAMES_GAP if self._names_width() else 0)

    def _names_width(self) -> int:
        area = self.scrollable_content_region.width - MARGIN - 1
        return min(NAMES_MAX, area - TEXT_MAX) if area - TEXT_MAX >= NAMES_MIN else 0

    def _relayout(self) -> None:
        if self.document is None:
            return
        self.text_layout = Layout(self.document.text, self.turns, self._text_width(),
                                  self.shown_turns)
        names = self._names_width()
        self.virtual_size = Size(MARGIN + self.text_layout.width
                                 + (NAMES_GAP + names if names else 0), len(self.text_layout))
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.text_layout is not None and self.text_layout.width != self._text_width():
            self._relayout()
            self.call_after_refresh(self.scroll_to_selection)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter = None
        self._cache.clear()

    # -- painting ----------------------------------------------------------------------------
    def _get_painter(self) -> Painter | None:
        if self._painter is None and self.document is not None:
            style = self.get_component_rich_style
            self._painter = Painter(
                self.document.text, self.turns, self.codings, self.codes,
                self.background_colors[1], PaintStyles(
                    base=self.rich_style, selection=style("transcript--selection"),
                    respondent=style("transcript--respondent"),
                    interviewer=style("transcript--interviewer"),
                    note=style("transcript--note"), number=style("transcript--number"),
                    current=style("transcript--current")), self.suggestions)
        return self._painter

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        painter = self._get_painter()
        if self.text_layout is None or painter is None:
            return self._hint(y, width)
        if not 0 <= index < len(self.text_layout):
            return Strip.blank(width, self.rich_style)
        if index not in self._cache:
            self._cache[index] = painter.paint(self.text_layout.lines[index], self.selection,
                                               self.text_layout.width, self._names_width())
        return self._cache[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _hint(self, y: int, width: int) -> Strip:
        lines = ["", "  No document open.", "",
                 "  Choose one in Documents (d) and press Enter;",
                 "  ? shows every key, ctrl+p every command."]
        text = lines[y] if y < len(lines) else ""
        style = self.rich_style + self.get_component_rich_style("transcript--note")
        return Strip([Segment(text[:width], style)]).adjust_cell_length(width, self.rich_style)

    def codings_in_turn(self, turn: int) -> list[Coding]:
        """The codings touching a turn (from the per-turn index, not a scan of all)."""
        painter = self._get_painter()
        return list(painter.by_turn.get(turn, ())) if painter is not None else []

    def codings_on_line(self, index: int) -> list[Coding]:
        painter = self._get_painter()
        if painter is None or self.text_layout is None:
            return []
        return painter.codings_on(self.text_layout.lines[index])

    # -- the selection -----------------------------------------------------------------------
    def select(self, selection: Selection | None, *, scroll: bool = True) -> None:
        if selection == self.selection:
            return
        self.selection = selection
        self._cache.clear()
        self.refresh()
        if scroll:
            self.scroll_to_selection()
            # A new document's size is known only after the next refresh: scroll again then.
            self.call_after_refresh(self.scroll_to_selection)
        self.post_message(self.SelectionChanged(self, selection))

    def select_span(self, start: int, end: int) -> None:
        self.whole_turns = False
        if self.navigator is not None:
            self.select(self.navigator.covering(start, end))

    def scroll_to_selection(self, *, centre: bool = False) -> None:
        """Bring the selection into view; ``centre`` puts it mid-screen (after a jump, so what
        is around it shows too), else it scrolls as little as it can."""
        sel, layout = self.selection, self.text_layout
        if sel is None or layout is None:
            return
        top = layout.line_of(sel.start)
        bottom = layout.line_of(max(sel.start, sel.end - 1))
        first = layout.first_line(sel.turn)
        if top is None or bottom is None:
            return
        height = self.scrollable_content_region.height
        if centre and height > 0:
            middle = (top + bottom) // 2
            self.scroll_to(y=max(0, middle - height // 2), animate=False, immediate=True,
                           force=True)
            if bottom - top < height:
                return
        if first is not None and bottom - first < height - 1:
            top = first  # show the speaker too when the turn fits
        # Keep a little of what follows in view too. Forced: on a screen not laid out yet
        # (e.g. reached from another area) the scrollbars are not known, the size is.
        self.scroll_to_region(Region(0, top, 1, bottom - top + 1), animate=False,
                              immediate=True, x_axis=False, spacing=Spacing(0, 0, 2, 0),
                              force=True)

    def _move(self, how: str, *args: int) -> None:
        nav, sel = self.navigator, self.selection
        if nav is None:
            return
        self.whole_turns = False
        if sel is None:
            self.select(nav.first())
            return
        self.select(getattr(nav, how)(sel, *args))

    def action_turn(self, step: int) -> None:
        nav, sel, whole = self.navigator, self.selection, self.whole_turns
        if nav is not None and sel is not None:
            self.select(nav.next_turn(sel, step, whole=whole))

    def action_sentence(self, step: int) -> None:
        self._move("next_sentence", step)

    def action_respondent(self, step: int) -> None:
        self._move("next_respondent_turn", step)

    def action_end(self, step: int) -> None:
        self._move("move_end", step)

    def action_start(self, step: int) -> None:
        self._move("move_start", step)

    def action_select_sentence(self) -> None:
        self.whole_turns = False
        if self.navigator is not None and self.selection is not None:
            self.select(self.navigator.at(self.selection.start))

    def action_select_turn(self) -> None:
        if self.navigator is not None and self.selection is not None:
            self.select(self.navigator.whole_turn(self.selection.turn))
            self.whole_turns = True

    def action_coding(self, step: int) -> None:
        """Select the next (or previous) coding after (before) the selection's start."""
        sel, nav = self.selection, self.navigator
        self.whole_turns = False
        if sel is None or nav is None:
            return
        shown = [c for c in self.codings
                 if self.shown_turns is None or nav.turn_at(c.start) in self.shown_turns]
        if step > 0:
            found = [c for c in shown if (c.start, c.end) > (sel.start, sel.end)]
            target = found[0] if found else None
        else:
            found = [c for c in shown if (c.start, c.end) < (sel.start, sel.end)]
            target = found[-1] if found else None
        if target is not None:
            self.select(nav.covering(target.start, target.end))

    def action_edge(self, step: int) -> None:
        nav = self.navigator
        self.whole_turns = False
        if nav is not None and nav.order:
            self.select(nav.sentence(nav.order[0 if step < 0 else -1], 0))

    def action_page(self, step: int) -> None:
        """Scroll a page and select the first sentence shown there."""
        layout, nav = self.text_layout, self.navigator
        if layout is None or nav is None:
            return
        height = self.scrollable_content_region.height
        target = max(0, min(len(layout) - 1, int(self.scroll_y) + step * max(1, height - 2)))
        self.scroll_to(y=target, animate=False, immediate=True)
        for line in layout.lines[target:] if step > 0 else reversed(layout.lines[:target + 1]):
            if line.turn in nav.order:
                self.select(nav.sentence(line.turn, 0), scroll=False)
                break
