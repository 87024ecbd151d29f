"""Selecting in the transcript with the mouse: click a sentence, drag over words,
double-click a whole turn. Mixed into :class:`~qualcode.tui.widgets.transcript.TranscriptView`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from qualcode.tui.widgets.transcript_paint import MARGIN

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    from qualcode.core.selection import Navigator, Selection
    from qualcode.tui.layout import Layout

    class TranscriptHost(ScrollView):
        """The transcript widget as its mouse handling sees it (declared here: importing
        transcript.py, which imports this module, would be an import cycle)."""

        navigator: Navigator | None
        text_layout: Layout | None
        whole_turns: bool
        _anchor: int | None

        def select(self, selection: Selection | None, *, scroll: bool = True) -> None: ...

    Base = TranscriptHost
else:
    Base = object


class TranscriptMouse(Base):
    def _offset_at(self, event: events.MouseEvent) -> int | None:
        if self.text_layout is None:
            return None
        where = event.get_content_offset(self)
        if where is None:
            return None
        return self.text_layout.offset_at(int(self.scroll_y) + where.y, where.x - MARGIN)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self._offset_at(event)
        if offset is None or self.navigator is None:
            return
        self.focus()
        self.whole_turns = False
        self._anchor = offset
        self.capture_mouse()
        self.select(self.navigator.at(offset), scroll=False)

    def on_click(self, event: events.Click) -> None:
        """A double click selects the whole turn."""
        offset = self._offset_at(event)
        if event.chain >= 2 and offset is not None and self.navigator is not None:
            found = self.navigator.at(offset)
            if found is not None:
                self.select(self.navigator.whole_turn(found.turn), scroll=False)
                self.whole_turns = True

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._anchor is None or self.navigator is None or not event.button:
            return
        offset = self._offset_at(event)
        if offset is not None and offset != self._anchor:
            found = self.navigator.between(self._anchor, offset + 1)
            if found is not None:
                self.select(found, scroll=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self._anchor = None
        self.release_mouse()

