"""One theme in full: label, keywords, size and spread, cohesion, the codes its passages
already carry, and its representative quotes (a list: Enter on one shows it in its
transcript, through the OptionList.OptionSelected it posts)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from qualcode.core.model import Code
from qualcode.core.suggestions import Passage, Theme, ThemeStatus
from qualcode.tui.colours import SWATCH, code_colour

CARRIED_SHOWN = 3


class ThemeDetail(Vertical):
    DEFAULT_CSS = """
    ThemeDetail { height: 1fr; }
    ThemeDetail > #theme-summary { height: auto; max-height: 65%; padding: 0 1; }
    ThemeDetail > #theme-quotes { height: 1fr; border: none; padding: 0; }
    ThemeDetail > #theme-quotes > .option-list--option { padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quotes: list[Passage] = []

    def compose(self) -> ComposeResult:
        yield Static(id="theme-summary")
        yield OptionList(id="theme-quotes")

    @property
    def quote_list(self) -> OptionList:
        return self.query_one("#theme-quotes", OptionList)

    def show(self, theme: Theme | None, carried: Sequence[tuple[Code, int]],
             paths: dict[int, str], quotes: Sequence[tuple[Passage, str, str]]) -> None:
        """``carried``: (code, passages carrying it); ``quotes``: (passage, document, text)."""
        summary = self.query_one("#theme-summary", Static)
        self.quotes = [q[0] for q in quotes]
        self.quote_list.clear_options()
        if theme is None:
            summary.update(Text("No theme chosen.", style="dim"))
            return
        text = Text()
        text.append(f"{theme.ref}  ", style="dim")
        text.append(theme.label, style="bold")
        if theme.status is not ThemeStatus.OPEN:
            text.append(f"  [{theme.status.value}]", style="italic")
        text.append("\nkeywords: ", style="bold dim")
        text.append(", ".join(theme.keywords))
        text.append(f"\n{theme.size} passages · {theme.documents} documents · "
                    f"{theme.cases} cases · cohesion {theme.cohesion:.2f}")
        text.append("\nalready coded: ", style="bold dim")
        if not carried:
            text.append("nothing (no passage carries a code)", style="dim italic")
        for i, (code, count) in enumerate(carried[:CARRIED_SHOWN]):
            text.append("; " if i else "")
            text.append(f"{SWATCH} ", style=code_colour(code))
            text.append(f"{paths.get(code.id or 0, code.name)} ({count})")
        if len(carried) > CARRIED_SHOWN:
            text.append(f"; {len(carried) - CARRIED_SHOWN} more", style="dim")
        summary.update(text)
        options: list[Option | None] = []
        for i, (_, document, quote) in enumerate(quotes):
            prompt = Text()
            prompt.append(f"{document}  ", style="dim")
            prompt.append(f"“{' '.join(quote.split())}”")
            options += [None] if options else []  # a rule between quotes
            options.append(Option(prompt, id=str(i)))
        self.quote_list.add_options(options)
        if options:
            self.quote_list.highlighted = 0
