"""Cases (interviewees, organisations) and their typed attributes."""

from __future__ import annotations

import csv
from pathlib import Path

from qualcode.core.attributes import infer_type, parse_value
from qualcode.core.errors import InputError
from qualcode.core.model import AttributeType
from qualcode.store import Store

DOCUMENT_COLUMNS = ("document", "file", "filename", "source")
CASE_COLUMNS = ("case", "case_name", "id")


def parse_assignments(pairs: list[str], source: str = "--attr") -> dict[str, str]:
    """``["role=associate", "year=2020"]`` -> dict; errors name the bad pair."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(source, f"{pair!r} is not of the form key=value")
        values[key.strip()] = value.strip()
    return values


def apply_attributes(store: Store, case_id: int, values: dict[str, str], *, source: str,
                     line: int | None = None, types: dict[str, AttributeType] | None = None
                     ) -> None:
    """Set typed attributes on a case (inside the caller's action)."""
    known = store.attributes.types()
    for name, text in values.items():
        if not text.strip():
            continue
        kind = known.get(name) or (types or {}).get(name) or infer_type([text])
        try:
            value = parse_value(kind, text)
        except ValueError as err:
            raise InputError(source, f"attribute {name!r}: {err} (it is of type {kind})",
                             line=line) from None
        store.attributes.define(name, kind)
        store.cases.set_attribute(case_id, name, value)


def import_attributes(store: Store, path: Path, *, coder: str = "") -> int:
    """Cases and attributes from a CSV: a column naming the case and/or the document, then one
    column per attribute. All rows are stored, or none. Returns the number of rows."""
    records = read_csv_rows(path)
    if not records or not any(cell.strip() for cell in records[0][1]):
        raise InputError(path, "empty CSV: a header row is needed")
    header = [h.strip() for h in records[0][1]]
    lowered = [h.lower() for h in header]
    _refuse_duplicate_columns(path, header)
    doc_col = next((lowered.index(c) for c in DOCUMENT_COLUMNS if c in lowered), None)
    case_col = next((lowered.index(c) for c in CASE_COLUMNS if c in lowered), None)
    name_col = case_col if case_col is not None else doc_col  # a case is named by its document
    if name_col is None:
        raise InputError(path, "no column naming the case or the document "
                               f"(expected one of: {', '.join(CASE_COLUMNS + DOCUMENT_COLUMNS)})",
                         line=1)
    attr_cols = [i for i in range(len(header)) if i not in (doc_col, case_col) and header[i]]
    body = [(n, r) for n, r in records[1:] if any(c.strip() for c in r)]
    for n, row in body:
        if len(row) != len(header):
            raise InputError(path, f"{len(row)} cells where the header has {len(header)}",
                             line=n)
    types = {header[i]: infer_type(r[i] for _, r in body) for i in attr_cols}
    with store.action("import attributes", detail=path.name, coder=coder):
        for n, row in body:
            doc_id = None
            if doc_col is not None:
                name = row[doc_col].strip()
                doc_id = store.documents.id_by_name(name)
                if doc_id is None:
                    raise InputError(path, f"no document named {name!r} in the project", line=n)
            case_name = row[name_col].strip()
            if not case_name:
                raise InputError(path, "the case name is empty", line=n)
            case_id = store.cases.id_for(case_name, create=True)
            if doc_id is not None:
                store.documents.set_case(doc_id, case_id)
            apply_attributes(store, case_id, {header[i]: row[i] for i in attr_cols},
                             source=str(path), line=n, types=types)
    return len(body)


def read_csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line, cells) for every record of a UTF-8 CSV file, read by the csv module over the
    file itself, so quoted cells keep their line breaks; ``line`` is where the record starts.
    Excel in many European locales separates with ";": the header line tells."""
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=_delimiter(handle.readline()))
            handle.seek(0)
            for row in reader:  # line breaks inside quoted cells become LF, as in documents
                records.append((start, [c.replace("\r\n", "\n").replace("\r", "\n")
                                        for c in row]))
                start = reader.line_num + 1
    except OSError as err:
        raise InputError(path, f"cannot read file ({err.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text (save the CSV as UTF-8)") from None
    except csv.Error as err:
        raise InputError(path, f"not a valid CSV file ({err})", line=start) from None
    return records


def _delimiter(header: str) -> str:
    if "," not in header:
        for other in (";", "\t"):
            if other in header:
                return other
    return ","


def _refuse_duplicate_columns(path: Path, header: list[str]) -> None:
    """`case,role,role` would drop a value and `case,case` garble the table: refuse both."""
    seen: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        if not name:
            continue
        if name.lower() in seen:
            raise InputError(path, f"column {name!r} appears twice in the header (columns "
                                   f"{seen[name.lower()]} and {number})", line=1)
        seen[name.lower()] = number
