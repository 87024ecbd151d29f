"""A code's key quotes, each with its attribution ("Country associate, Moldova (CA-01)") and
where it was said. ★: marked important while coding; ◆: picked in the synthesis."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from qualcode.core.model import Coding
from qualcode.tui.describe import excerpt

MAX_QUOTE = 400  # characters shown of a long quote


@dataclass(frozen=True)
class QuoteLine:
    """What the list shows of one key quote."""

    coding: Coding
    attribution: str  # "Irina Ceban, Country associate, Moldova (CA-01)"
    source: str  # "ca01-moldova.txt · turn 12"
    picked: bool  # picked in the synthesis (else marked important)


def quote_text(line: QuoteLine) -> Text:
    text = Text()
    text.append("◆ " if line.picked and not line.coding.important else "★ ", style="bold")
    text.append(f"“{excerpt(line.coding.text, MAX_QUOTE)}”")
    text.append(f"\n  — {line.attribution}", style="italic")
    text.append(f" · {line.source}", style="dim")
    return text


class QuoteList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: list[QuoteLine] = []

    @property
    def highlighted_coding(self) -> Coding | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return self.lines[int(option.id)].coding

    def highlight_coding(self, coding_id: int | None) -> None:
        ids = [line.coding.id for line in self.lines]
        if coding_id in ids:
            self.highlighted = ids.index(coding_id)

    def show(self, lines: Sequence[QuoteLine], empty: str = "") -> None:
        """Show ``lines``, keeping the highlighted quote if it is still there."""
        kept, position = self.highlighted_coding, self.highlighted or 0
        self.lines = list(lines)
        self.clear_options()
        options: list[Option | None] = []
        for i, line in enumerate(self.lines):
            options += [None] if options else []  # a rule between quotes
            options.append(Option(quote_text(line), id=str(i)))
        if not options and empty:
            options.append(Option(Text(empty, style="dim italic"), disabled=True))
        self.add_options(options)
        ids = [line.coding.id for line in self.lines]
        if kept is not None and kept.id in ids:
            self.highlighted = ids.index(kept.id)  # rules between options take no index
        elif self.lines:  # the highlighted quote went: stay at its place in the list
            self.highlighted = min(position, len(self.lines) - 1)
