"""The workbench's memo panel: the memo on the highlighted coding (or the document), titled
with what it belongs to.

It updates only when what it shows changes, and asks for a new layout of the screen only when
the text may need a scrollbar, now or before: a short text fits the fixed panel, and a layout
of the whole workbench on every cursor move was a visible part of each key's frame.
"""

from __future__ import annotations

import textwrap

from textual.widgets import Static


class MemoPanel(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[str, str] | None = None  # (title, text)

    def show(self, title: str, text: str) -> None:
        if self.shown == (title, text):
            return
        before = self.shown
        self.shown = (title, text)
        self.border_title = title
        room = self.scrollable_content_region
        fits = before is not None and all(fits_in(t, room.width, room.height)
                                          for t in (before[1], text))
        self.update(text, layout=not fits)


def fits_in(text: str, width: int, height: int) -> bool:
    """Whether ``text`` surely fits ``width`` x ``height`` cells without scrolling (a line to
    spare for the difference between this word wrap and the screen's)."""
    if width <= 0:
        return False
    if not text.isascii():
        width //= 2  # wide characters take two cells
    lines = sum(len(textwrap.wrap(p, width)) or 1 for p in text.split("\n"))
    return lines < height
