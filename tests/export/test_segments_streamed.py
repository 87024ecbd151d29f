"""The coded-segments workbook written in openpyxl's write-only mode (rows streamed, not held)
says what it said before: the CSV's rows, text as text, bold header, wrapped text column,
frozen header, a filter over every row, and the same column widths."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from qualcode.services import coding, exports
from qualcode.services.codes import find_code
from qualcode.store import Store


def test_the_streamed_workbook_holds_the_csv_rows_and_its_layout(project: Store,
                                                                 tmp_path: Path) -> None:
    doc = project.documents.find("b.txt")
    coding.apply_code(project, doc, find_code(project, "Governance"), 0, 10, coder="ana",
                      memo="=SUM(A1)\x01")
    text = io.StringIO()
    exports.export_segments(project, text, "csv")
    expected = list(csv.reader(io.StringIO(text.getvalue().lstrip("\ufeff"))))
    out = tmp_path / "segments.xlsx"
    assert exports.export_segments(project, out) == len(expected) - 1
    sheet = load_workbook(out).active
    assert sheet.title == "Coded segments"
    rows = [["" if v is None else str(v) for v in row]
            for row in sheet.iter_rows(values_only=True)]
    header = rows[0]
    assert header == expected[0]
    coerced = [[("yes" if v == "True" else "" if v == "False" else v) for v in row]
               for row in rows[1:]]
    memo = header.index("memo")
    assert sorted(r[memo] for r in coerced) == sorted(r[memo].replace("\x01", "")
                                                      for r in expected[1:])
    assert [r[header.index("text")] for r in coerced] == \
        [r[header.index("text")] for r in expected[1:]]
    assert all(cell.font.b for cell in sheet[1])
    text_cells = [row[header.index("text")] for row in sheet.iter_rows(min_row=2)]
    assert text_cells and all(c.alignment.wrap_text for c in text_cells)
    assert all(c.data_type == "s" for row in sheet.iter_rows(min_row=2) for c in row
               if isinstance(c.value, str))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:L{len(rows)}"
    assert sheet.column_dimensions["I"].width == 80  # text
    assert sheet.column_dimensions["A"].width == 14
