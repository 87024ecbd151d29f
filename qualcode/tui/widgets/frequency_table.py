"""Code frequencies as a table: segments, documents and cases per code, or one column per
value of a case attribute (counting one of those), with the total last."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widgets import DataTable

from qualcode.analysis.frequencies import AttributeSplit, Frequency
from qualcode.core.model import Code
from qualcode.tui.colours import SWATCH, code_colour
from qualcode.tui.describe import fit

MEASURES = ("segments", "documents", "cases")
CODE_WIDTH = 34
GROUP_WIDTH = 18  # a longer attribute value is cut


def figure(value: int) -> Text:
    return Text(str(value), style="dim" if value == 0 else "", justify="right")


class FrequencyTable(DataTable[Text]):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, fixed_columns=1)
        self.columns_shown: list[str] = []

    def show(self, codes: Sequence[Code], depth: Mapping[int, int],
             totals: Mapping[int, Frequency], split: AttributeSplit | None,
             measure: str = "cases") -> None:
        """One row per code in codebook order (indented by ``depth``)."""
        row_before = self.cursor_row
        self.clear(columns=True)
        self.header_height = 1 if split is None else 2  # a group's value over its size
        self.add_column("Code", width=CODE_WIDTH, key="code")
        if split is None:
            self.columns_shown = [m.capitalize() for m in MEASURES]
            for name in self.columns_shown:
                self.add_column(Text(name, justify="right"), key=name)
        else:
            self.columns_shown = [g.value for g in split.groups] + ["All"]
            sizes = [g.cases for g in split.groups] + [sum(g.cases for g in split.groups)]
            for name, cases in zip(self.columns_shown, sizes, strict=True):
                width = max(6, min(GROUP_WIDTH, len(name)))
                self.add_column(Text(f"{fit(name, width)}\n(n={cases})", justify="right"),
                                width=width, key=name)
        for code in codes:
            code_id = code.id or 0
            label = Text("  " * depth.get(code_id, 0))
            label.append(f"{SWATCH} ", style=code_colour(code))
            label.append(fit(code.name, CODE_WIDTH - len(label)),
                         style="bold" if depth.get(code_id, 0) == 0 else "")
            total = totals.get(code_id, Frequency(code_id))
            if split is None:
                figures = [getattr(total, m) for m in MEASURES]
            else:
                figures = [getattr(split.frequency(code_id, g.value), measure)
                           for g in split.groups] + [getattr(total, measure)]
            self.add_row(label, *[figure(v) for v in figures], key=str(code_id))
        if codes:
            self.move_cursor(row=min(row_before, len(codes) - 1), animate=False)
