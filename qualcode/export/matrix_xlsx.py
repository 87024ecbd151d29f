"""The benchmarking matrix as an Excel workbook: an overview sheet of ratings (shaded as in
the report) and a detail sheet of ratings with their summaries. Written whole or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from qualcode.core.files import atomic_path
from qualcode.export.report_data import MatrixTable
from qualcode.export.report_tables import rating_colour


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _sheet(book: Any, title: str, matrix: MatrixTable, *, detail: bool) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(["Organisation", "Case", *matrix.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(matrix.rows, start=2):
        sheet.cell(row=r, column=1, value=_text(row.organisation or row.case)).data_type = "s"
        sheet.cell(row=r, column=2, value=_text(row.case)).data_type = "s"
        for c, entry in enumerate(row.entries, start=3):
            value = entry.rating
            if detail and entry.summary:
                summary = f"“{entry.summary}” (draft)" if entry.draft else entry.summary
                value = f"{entry.rating}: {summary}" if entry.rating else summary
            cell = sheet.cell(row=r, column=c, value=_text(value))
            cell.data_type = "s"  # a summary starting with "=" is text, not a formula
            cell.alignment = Alignment(wrap_text=detail, vertical="top")
            colour = rating_colour(matrix.scale, entry.rating)
            if colour:
                cell.fill = PatternFill("solid", fgColor=colour)
    sheet.column_dimensions["A"].width = 36
    for c in range(3, len(matrix.columns) + 3):
        sheet.column_dimensions[get_column_letter(c)].width = 48 if detail else 16
    sheet.freeze_panes = "C2"


def write_matrix_xlsx(matrix: MatrixTable, dest: Path | str | IO[bytes]) -> int:
    """Write the workbook; returns the number of rows (organisations) written."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    _sheet(book, "Overview", matrix, detail=False)
    _sheet(book, "Detail", matrix, detail=True)
    if matrix.scale:
        legend = book.create_sheet("Scale")
        legend.append(["Rating, strongest first"])
        for level in matrix.scale:
            legend.append([_text(level)])
    if isinstance(dest, str | Path):
        Path(dest).parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(dest) as tmp:
            book.save(str(tmp))
    else:
        book.save(dest)
    return len(matrix.rows)
