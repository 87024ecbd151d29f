"""Several tables as one .xlsx workbook (openpyxl's write-only mode: rows streamed to disk).

Written to a temporary file beside the target and renamed, so the workbook appears whole or
not at all. Text is always stored as text (a cell starting with "=" is not a formula).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qualcode.core.files import atomic_path

Cell = str | int | float | None


def write_workbook(sheets: Sequence[tuple[str, list[str], list[list[Cell]]]],
                   dest: Path) -> None:
    """(title, header, rows) per sheet, in order."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title=title[:31])
        sheet.freeze_panes = "A2"
        for index in range(1, len(header) + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 40 if index == 1 else 14
        cells = []
        for name in header:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
        for row in rows:
            out = []
            for value in row:
                if isinstance(value, str):
                    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
                    cell.data_type = "s"
                else:
                    cell = WriteOnlyCell(sheet, value=value)
                out.append(cell)
            sheet.append(out)
    with atomic_path(dest, parents=True) as tmp:
        book.save(str(tmp))
