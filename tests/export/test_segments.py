"""Coded segments to CSV and XLSX, to a path or a file object."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qualcode.core.errors import QualcodeError
from qualcode.services import coding, exports
from qualcode.services.codes import find_code
from qualcode.store import Store

COLUMNS = ["coding", "document", "case", "role", "country", "code", "start", "end", "text",
           "memo", "coder", "important"]


@pytest.fixture
def store_with_formula_memo(project: Store) -> Store:
    doc = project.documents.find("b.txt")
    coding.apply_code(project, doc, find_code(project, "Governance"), 0, 10, coder="ana",
                      memo="=1+1")
    return project


def test_csv_to_a_path_has_one_row_per_coding(project: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "segments.csv"
    assert exports.export_segments(project, out) == 4
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheet programs read UTF-8 right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    important = [r for r in rows if r["important"] == "yes"]
    assert len(important) == 1
    row = important[0]
    assert (row["document"], row["case"], row["role"], row["country"]) == (
        "a.txt", "CA-01", "country associate", "Moldova")
    assert row["code"] == "Governance > Steering groups"
    assert row["text"] == "A steering group of five countries decides."


def test_csv_to_text_and_binary_file_objects(project: Store) -> None:
    text = io.StringIO()
    exports.export_segments(project, text, "csv")
    binary = io.BytesIO()
    exports.export_segments(project, binary, "csv")
    assert binary.getvalue().decode("utf-8-sig") == text.getvalue().lstrip("\ufeff")
    assert len(list(csv.reader(io.StringIO(text.getvalue())))) == 5


def test_xlsx_to_a_file_object_keeps_text_as_text(store_with_formula_memo: Store) -> None:
    out = io.BytesIO()
    assert exports.export_segments(store_with_formula_memo, out, "xlsx") == 5
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 6
    memo_cell = next(row for row in sheet.iter_rows(min_row=2)
                     if row[COLUMNS.index("memo")].value == "=1+1")[COLUMNS.index("memo")]
    assert memo_cell.data_type == "s"  # a memo, not a formula
    assert sheet.freeze_panes == "A2"


def test_unknown_format_is_refused(project: Store, tmp_path: Path) -> None:
    with pytest.raises(QualcodeError, match=r"\.csv or \.xlsx"):
        exports.export_segments(project, tmp_path / "x.txt")
