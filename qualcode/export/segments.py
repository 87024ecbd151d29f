"""Coded segments as a table: one row per coding, to CSV or XLSX (a path or a file object)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from qualcode.core.attributes import format_value
from qualcode.core.errors import QualcodeError
from qualcode.core.files import atomic_path, atomic_write
from qualcode.core.model import Case, Coding

FORMATS = ("csv", "xlsx")
Cell = str | int


class DocumentLike(Protocol):
    """A Document or a DocumentInfo: all the table needs of a document."""

    @property
    def id(self) -> int | None: ...
    @property
    def name(self) -> str: ...
    @property
    def case_id(self) -> int | None: ...


def segment_table(codings: Sequence[Coding], documents: Sequence[DocumentLike],
                  cases: Sequence[Case], code_paths: Mapping[int, str]
                  ) -> tuple[list[str], list[list[Cell]]]:
    """The header and one row per coding: document, case, each case attribute, code path,
    span, text, memo, coder, important."""
    docs = {d.id: d for d in documents}
    by_id = {c.id: c for c in cases}
    attributes = list(dict.fromkeys(name for c in cases for name in c.attributes))
    header = ["coding", "document", "case", *attributes, "code", "start", "end", "text", "memo",
              "coder", "important"]
    rows: list[list[Cell]] = []
    for coding in codings:
        doc = docs.get(coding.document_id)
        case = by_id.get(doc.case_id) if doc else None
        values = case.attributes if case else {}
        rows.append([
            coding.id or 0, doc.name if doc else "", case.name if case else "",
            *(format_value(values[a]) if a in values else "" for a in attributes),
            code_paths.get(coding.code_id, ""), coding.start, coding.end, coding.text,
            coding.memo, coding.coder, "yes" if coding.important else "no"])
    return header, rows


def format_of(dest: Path | str | IO[bytes] | IO[str], fmt: str | None) -> str:
    if fmt is None and isinstance(dest, str | Path):
        fmt = Path(dest).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise QualcodeError(f"{dest}: segments are written as .csv or .xlsx")
    return fmt


def write_segments(header: list[str], rows: list[list[Cell]],
                   dest: Path | str | IO[bytes] | IO[str], fmt: str | None = None) -> int:
    """Write the table as CSV or XLSX (from the file name, or ``fmt`` for a file object).
    Returns the number of rows."""
    if format_of(dest, fmt) == "csv":
        write_csv(header, rows, dest)
    else:
        write_xlsx(header, rows, dest)  # type: ignore[arg-type]  # callers give xlsx a binary file
    return len(rows)


def write_csv(header: list[str], rows: list[list[Cell]],
              dest: Path | str | IO[bytes] | IO[str]) -> None:
    """UTF-8 with a byte-order mark, so spreadsheet programs read accents right."""
    if isinstance(dest, str | Path):
        with atomic_write(dest, parents=True, encoding="utf-8-sig", newline="") as out:
            _csv_rows(out, header, rows)
    elif isinstance(dest, io.TextIOBase):
        _csv_rows(dest, header, rows)
    else:
        text = io.TextIOWrapper(dest, encoding="utf-8-sig", newline="")  # type: ignore[type-var]  # binary: text files went above
        _csv_rows(text, header, rows)
        text.flush()
        text.detach()


def _csv_rows(out: IO[str], header: list[str], rows: list[list[Cell]]) -> None:
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)


def write_xlsx(header: list[str], rows: list[list[Cell]], dest: Path | str | IO[bytes]) -> None:
    """One sheet in openpyxl's write-only mode: rows are streamed out as they are made, not
    held as a cell object each (a project's every coding can be a large sheet)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Coded segments")
    wide = {"text": 80, "memo": 40, "code": 40, "document": 28}
    for c, name in enumerate(header, start=1):  # columns and panes before any row
        sheet.column_dimensions[get_column_letter(c)].width = wide.get(name, 14)
    sheet.freeze_panes = "A2"
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    sheet.append([_cell(WriteOnlyCell(sheet, value=name), font=bold) for name in header])
    text_column = header.index("text")
    for values in rows:
        cells = []
        for c, value in enumerate(values):
            if isinstance(value, str):
                cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
                cell.data_type = "s"  # text that starts with "=" is a quote, not a formula
            else:
                cell = WriteOnlyCell(sheet, value=value)
            cells.append(_cell(cell, alignment=wrapped) if c == text_column else cell)
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(header)))}{len(rows) + 1}"
    if isinstance(dest, str | Path):
        with atomic_path(dest, parents=True) as tmp:  # whole or not at all
            book.save(str(tmp))
    else:
        book.save(dest)


def _cell(cell: Any, **style: Any) -> Any:
    for name, value in style.items():
        setattr(cell, name, value)
    return cell
