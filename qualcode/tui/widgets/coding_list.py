"""The codings of the current turn, one line each; those under the selection are marked ▶.

Keys act on the highlighted coding by posting :class:`CodingList.Command` (m, memo, is the
screen's, which acts on the highlighted coding here).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualcode.core.model import Code, Coding
from qualcode.tui.colours import SWATCH, code_colour
from qualcode.tui.describe import excerpt, fit


class CodingList(OptionList):
    BINDINGS = [
        Binding("enter", "command('show')", "Select span",
                tooltip="Select the highlighted coding's span"),
        Binding("x,delete", "command('remove')", "Remove", tooltip="Remove the highlighted coding"),
        Binding("r", "command('resize')", "Resize to selection",
                tooltip="Resize the highlighted coding to the selection"),
        Binding("i", "command('important')", "Key quote",
                tooltip="Mark the highlighted coding as a key quote"),
    ]

    class Command(Message):
        def __init__(self, command: str, coding_id: int | None) -> None:
            super().__init__()
            self.command = command
            self.coding_id = coding_id

    # The list's size is set by the screen's CSS, so more or fewer lines need no layout of
    # the screen (Textual's default for a changed virtual size); a scrollbar that has to
    # appear or go still asks for one.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[list[Coding], dict[int, Code], set[int]] = ([], {}, set())

    def action_command(self, command: str) -> None:
        self.post_message(self.Command(command, self.highlighted_coding))

    @property
    def highlighted_coding(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id else None

    def show(self, codings: Sequence[Coding], codes: dict[int, Code], under: set[int],
             prefer: int | None = None) -> None:
        """``under``: ids of the codings that overlap the selection; ``prefer``: the coding
        to highlight (the one just changed), else the one highlighted before."""
        self._shown = (list(codings), codes, under)
        keep = prefer if prefer is not None else self.highlighted_coding
        region = self.scrollable_content_region.width
        width = region - 1 if region > 0 else 40
        options = []
        several = len({c.coder for c in codings}) > 1  # then say whose each coding is
        for coding in codings:
            code = codes.get(coding.code_id)
            name = code.name if code else "?"
            marks = ((" ★" if coding.important else "") + (" ✎" if coding.memo else "")
                     + (f" · {coding.coder}" if several else ""))
            # The code's name first gets all the room it needs; the coded text takes the rest.
            head = fit(name, max(8, width - 4 - len(marks)))
            prompt = Text(no_wrap=True)
            prompt.append("▶ " if coding.id in under else "  ")
            prompt.append(f"{SWATCH} ", style=code_colour(code) if code else "")
            prompt.append(head, style="bold")
            prompt.append(marks)
            room = width - 4 - len(head) - len(marks) - 2
            if room > 6:
                prompt.append("  " + fit(excerpt(coding.text, room), room), style="dim")
            options.append(Option(prompt, id=str(coding.id)))
        # set_options, not clear_options + add_options: no empty list in between, which
        # would hide and show the scrollbar (a layout of the whole screen).
        self.set_options(options)
        ids = [c.id for c in codings]
        # The screen shows what goes with the highlighted coding itself after showing the
        # list: no OptionHighlighted message (bubbling to the app) for this.
        with self.prevent(OptionList.OptionHighlighted):
            if keep in ids:
                self.highlighted = ids.index(keep)
            elif options:
                self.highlighted = next((i for i, c in enumerate(codings) if c.id in under), 0)

    def on_resize(self, event: events.Resize) -> None:
        codings, codes, under = self._shown
        if codings:
            self.show(codings, codes, under)
