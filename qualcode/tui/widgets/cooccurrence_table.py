"""Code co-occurrence as a table: each pair of codes with how many of their codings overlap
and in how many turns both were applied. A code shows its own name first and its parents
after it (dim), so a narrow column still tells codes apart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from qualcode.tui.describe import fit
from qualcode.tui.widgets.frequency_table import figure

MIN_PATH, MAX_PATH = 16, 48
FIGURES = 11 + 9 + 4 * 2 + 4  # the two number columns, cell padding, border and scrollbar


@dataclass(frozen=True)
class PairRow:
    first: tuple[str, ...]  # code paths, ("Governance", "National ownership")
    second: tuple[str, ...]
    overlapping: int
    same_turn: int


def code_label(path: tuple[str, ...], width: int) -> Text:
    text = Text(fit(path[-1], width) if path else "?")
    if len(path) > 1 and len(text) + 3 < width:
        text.append(fit(" ‹ " + " > ".join(path[:-1]), width - len(text)), style="dim")
    return text


class CooccurrenceTable(DataTable[Text]):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[PairRow] = []
        self._width = 0

    def path_width(self) -> int:
        room = self.size.width or self.app.size.width
        return max(MIN_PATH, min(MAX_PATH, (room - FIGURES) // 2))

    def show(self, rows: Sequence[PairRow]) -> None:
        row_before = self.cursor_row
        self.rows_shown = list(rows)
        self.clear(columns=True)
        width = self._width = self.path_width()
        self.add_column("Code", width=width, key="first")
        self.add_column("With", width=width, key="second")
        self.add_column(Text("Overlapping", justify="right"), key="overlapping")
        self.add_column(Text("Same turn", justify="right"), key="same_turn")
        for i, row in enumerate(rows):
            self.add_row(code_label(row.first, width), code_label(row.second, width),
                         figure(row.overlapping), figure(row.same_turn), key=str(i))
        if rows:
            self.move_cursor(row=min(row_before, len(rows) - 1), animate=False)

    def on_resize(self, event: events.Resize) -> None:
        if self.rows_shown and self.path_width() != self._width:
            self.show(self.rows_shown)
