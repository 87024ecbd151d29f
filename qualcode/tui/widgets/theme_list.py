"""The themes of a run, two lines each: label, then size, spread and cohesion, with what
became of the theme (accepted as a code, merged into one, rejected)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualcode.core.suggestions import Theme, ThemeStatus
from qualcode.tui.describe import fit

MARKS = {ThemeStatus.OPEN: "○", ThemeStatus.ACCEPTED: "✓", ThemeStatus.MERGED: "⇢",
         ThemeStatus.REJECTED: "✗"}


class ThemeList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[list[Theme], dict[int, str]] = ([], {})

    @property
    def highlighted_theme(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id else None

    def show(self, themes: Sequence[Theme], code_names: dict[int, str]) -> None:
        """``code_names``: the paths of the codes themes became or were merged into."""
        self._shown = (list(themes), code_names)
        keep = self.highlighted
        region = self.scrollable_content_region.width
        width = region - 1 if region > 0 else 36
        self.clear_options()
        options = []
        for theme in themes:
            done = theme.status is not ThemeStatus.OPEN
            prompt = Text(no_wrap=True)
            prompt.append(f"{MARKS[theme.status]} ", style="dim" if done else "bold")
            head = f"{theme.ref} "
            prompt.append(head, style="dim")
            prompt.append(fit(theme.label, max(6, width - 2 - len(head))),
                          style="dim strike" if theme.status is ThemeStatus.REJECTED
                          else "dim" if done else "bold")
            second = (f"  {theme.size} passages · {theme.documents} docs · "
                      f"cohesion {theme.cohesion:.2f}" + (" · weak" if theme.weak else ""))
            if done:
                into = code_names.get(theme.code_id or 0, "")
                second = f"  {theme.status.value}" + (f": {into}" if into else "")
            prompt.append("\n" + fit(second, width), style="dim")
            options.append(Option(prompt, id=str(theme.id)))
        self.add_options(options)
        if options:
            self.highlighted = min(keep or 0, len(options) - 1)

    def on_resize(self, event: events.Resize) -> None:
        themes, names = self._shown
        if themes:
            self.show(themes, names)
