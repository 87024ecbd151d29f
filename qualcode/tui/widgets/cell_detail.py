"""The matrix cell under the cursor in full, and the keys of the rating scale."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from qualcode.core.synthesis import MatrixCell
from qualcode.tui.widgets.matrix_grid import rating_badge


def scale_keys(scale: Sequence[str]) -> Text:
    """"1 strong · 2 partial · 3 weak · 4 absent · 0 no rating"."""
    text = Text()
    for number, level in enumerate(scale[:9], start=1):
        text.append(f"{number} ", style="bold")
        text.append_text(rating_badge(scale, level))
        text.append("  ")
    if scale:
        text.append("0 ", style="bold")
        text.append("no rating", style="dim")
    else:
        text.append("No rating scale (D names one).", style="dim italic")
    return text


class CellDetail(Static):
    def show(self, case: str, code: str, cell: MatrixCell | None,
             scale: Sequence[str]) -> None:
        text = Text()
        text.append(f"{case} × {code}", style="bold")
        if cell is not None and cell.rating:
            text.append("  ")
            text.append_text(rating_badge(scale, cell.rating))
        text.append("\n")
        if cell is not None and cell.summary:
            text.append(" ".join(cell.summary.split()))
        else:
            text.append("No summary yet: e or Enter writes one (from a draft).",
                        style="dim italic")
        self.update(text)

    def clear(self, message: str) -> None:
        self.update(Text(message, style="dim italic"))
