"""The framework (benchmarking) matrix as a grid: cases as rows, the matrix's codes as
columns; each cell its rating, coloured by its place on the scale, and its summary.

Enter on a cell posts :class:`MatrixGrid.Edit` (the screen edits the cell); a click only
moves the cursor there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.message import Message
from textual.widgets import DataTable

from qualcode.core.model import Case, Code
from qualcode.core.synthesis import MatrixCell
from qualcode.tui.describe import excerpt, fit

ROW_HEIGHT = 3
MIN_LABEL, MAX_LABEL = 16, 32
MIN_COLUMN = 18
EMPTY = "·"


def rating_colour(scale: Sequence[str], rating: str) -> Color:
    """Green for the best level, red for the worst, hues in between for the rest."""
    levels = [level.casefold() for level in scale]
    if rating.casefold() not in levels:
        return Color.parse("#808080")
    position = levels.index(rating.casefold())
    share = position / (len(levels) - 1) if len(levels) > 1 else 0.0
    return Color.from_hsl((1 - share) / 3, 0.65, 0.42)


def rating_badge(scale: Sequence[str], rating: str) -> Text:
    """`` strong `` on its colour, readable on light and dark themes alike."""
    colour = rating_colour(scale, rating)
    style = Style(bgcolor=colour.rich_color, color=colour.get_contrast_text(1.0).rich_color,
                  bold=True)
    return Text(f" {rating} ", style=style)


def cell_text(cell: MatrixCell | None, scale: Sequence[str], room: int) -> Text:
    if cell is None or not (cell.rating or cell.summary):
        return Text(EMPTY, style="dim")
    text = Text()
    if cell.rating:
        text.append_text(rating_badge(scale, cell.rating))
        text.append(" ")
    if cell.summary:
        text.append(excerpt(cell.summary, max(8, room - len(text))))
    return text


class MatrixGrid(DataTable[Text]):
    BINDINGS = [Binding("enter", "edit", "Edit the cell", show=False)]

    class Edit(Message):
        """Edit the cell under the cursor."""

    def action_edit(self) -> None:
        if self.current is not None:
            self.post_message(self.Edit())

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.case_ids: list[int] = []
        self.code_ids: list[int] = []
        self._shown: tuple[list[Case], list[Code], tuple[str, ...],
                           Mapping[tuple[int, int], MatrixCell], Mapping[int, str]] = \
            ([], [], (), {}, {})

    @property
    def current(self) -> tuple[int, int] | None:
        """(case id, code id) of the cell under the cursor."""
        row, column = self.cursor_coordinate
        if not (0 <= row < len(self.case_ids) and 0 <= column < len(self.code_ids)):
            return None
        return self.case_ids[row], self.code_ids[column]

    def widths(self, columns: int) -> tuple[int, int]:
        """(label width, column width) filling the width the grid has now."""
        room = self.scrollable_content_region.width or 100
        label = max(MIN_LABEL, min(MAX_LABEL, room // 5))
        share = (room - label - 2) // max(1, columns) - 2  # cell padding each side
        return label, max(MIN_COLUMN, share)

    def show(self, cases: Sequence[Case], codes: Sequence[Code], scale: Sequence[str],
             cells: Mapping[tuple[int, int], MatrixCell],
             describe: Mapping[int, str] | None = None) -> None:
        """Fill the grid, keeping the cursor on the same case and code if still there.
        ``describe``: a short description per case id (role, place) shown under its name."""
        kept = self.current
        describe = describe or {}
        self._shown = (list(cases), list(codes), tuple(scale), cells, describe)
        self.case_ids = [c.id or 0 for c in cases]
        self.code_ids = [c.id or 0 for c in codes]
        self.clear(columns=True)
        label_width, width = self.widths(len(codes))
        for code in codes:
            self.add_column(Text(fit(code.name, width), style="bold"), width=width,
                            key=str(code.id))
        room = width * ROW_HEIGHT - 4
        for case in cases:
            label = Text(fit(case.name, label_width), style="bold")
            about = describe.get(case.id or 0, "")
            if about:
                label.append("\n" + fit(about, label_width), style="dim")
            row = [cell_text(cells.get((case.id or 0, code.id or 0)), scale, room)
                   for code in codes]
            self.add_row(*row, height=ROW_HEIGHT, key=str(case.id), label=label)
        if kept is not None and kept[0] in self.case_ids and kept[1] in self.code_ids:
            self.move_cursor(row=self.case_ids.index(kept[0]),
                             column=self.code_ids.index(kept[1]), animate=False)
        self.call_after_refresh(self.refit)

    def on_resize(self, event: events.Resize) -> None:
        self.refit()

    def refit(self) -> None:
        """Lay the columns out again if the grid's width changed (or was not known yet)."""
        cases, codes, scale, cells, describe = self._shown
        if codes and self.size.width and self.ordered_columns \
                and self.widths(len(codes))[1] != self.ordered_columns[0].width:
            self.show(cases, codes, scale, cells, describe)
