"""The CSV codebook format (see codebooks/FORMAT.md): one code a row, paths in ``name``.

A CSV file holds codes only: the codebook's name is the file's name and it has no description.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from qualcode.codebook.entry import PATH_SEPARATOR, Codebook
from qualcode.codebook.source import read_text
from qualcode.codebook.validate import Draft, Problems, build_entries, checked_entries, path_key
from qualcode.core.errors import InputError

# Column header (compared ignoring case) -> entry field.
COLUMNS = {
    "name": "name",
    "description": "definition",
    "definition": "definition",
    "inclusion": "inclusion",
    "exclusion": "exclusion",
    "example": "example",
    "colour": "colour",
    "color": "colour",
    "shortcut": "shortcut",
    "guid": "guid",
}
# What the writer puts in the header, in this order.
WRITTEN_COLUMNS = (
    "name",
    "description",
    "inclusion",
    "exclusion",
    "example",
    "colour",
    "shortcut",
    "guid",
)


class _Rows(Protocol):
    """What ``csv.reader`` returns: rows, and the number of physical lines read so far."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


# Spreadsheets in some locales save with ";" (or tabs); the header line tells which.
_DELIMITERS = (",", ";", "\t")


def read_csv(path: Path) -> Codebook:
    return codebook_from_csv(read_text(path), source=path, name=path.stem)


def codebook_from_csv(text: str, source: object = "<csv>", name: str = "") -> Codebook:
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    problems = Problems(source)
    try:
        columns = _read_header(next(rows, None), source)
        drafts = _read_rows(rows, columns, problems)
    except csv.Error as err:
        raise InputError(source, f"malformed CSV: {err}", line=rows.line_num) from None
    return Codebook(name=name, description="", entries=build_entries(drafts, problems))


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return next((d for d in _DELIMITERS if d in header), ",")


def _read_header(header: list[str] | None, source: object) -> list[str | None]:
    """The entry field of each column (None for an unnamed column)."""
    allowed = ", ".join(COLUMNS)
    if header is None or not any(cell.strip() for cell in header):
        raise InputError(source, f"line 1 must be a header naming the columns ({allowed})", line=1)
    names = [cell.strip().lower() for cell in header]
    unknown = [
        cell.strip() for cell, n in zip(header, names, strict=True) if n and n not in COLUMNS
    ]
    if unknown:
        listed = ", ".join(repr(n) for n in unknown)
        raise InputError(source, f"unknown column(s) {listed}; allowed: {allowed}", line=1)
    columns: list[str | None] = []
    for column in names:
        field = COLUMNS[column] if column else None
        if field is not None and field in columns:
            twin = names[columns.index(field)]
            said = (
                f"column {column!r} is given twice"
                if twin == column
                else (f"give either column {twin!r} or {column!r}, not both")
            )
            raise InputError(source, said, line=1)
        columns.append(field)
    if "name" not in columns:
        raise InputError(source, f"the header has no 'name' column (allowed: {allowed})", line=1)
    return columns


def _read_rows(rows: _Rows, columns: list[str | None], problems: Problems) -> list[Draft]:
    drafts: list[Draft] = []
    known: dict[tuple[str, ...], Draft] = {}  # by path_key: resolves parents ignoring case
    end_of_last = rows.line_num
    for row in rows:
        line, end_of_last = end_of_last + 1, rows.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank rows, e.g. a spreadsheet's trailing ",,,,"
        values: dict[str, tuple[str, int]] = {}
        for position, cell in enumerate(row):
            field = columns[position] if position < len(columns) else None
            if field is not None:
                values[field] = (cell, line)
            elif cell.strip():
                problems.add(
                    line,
                    f"cell {position + 1} ({cell.strip()!r}) is in a column with no header",
                )
        cell = values.pop("name", ("", line))[0]
        names = [part.strip() for part in cell.strip().split(PATH_SEPARATOR)]
        path: tuple[str, ...] = ()
        for parent in names[:-1]:
            path = _parent(path, parent, line, drafts, known)
        path = (*path, names[-1])
        earlier = known.get(path_key(path))
        if earlier is not None and earlier.implicit:
            # The parent was implied by an earlier child; this row defines it, in place.
            earlier.values, earlier.line, earlier.name_line = values, line, line
            earlier.implicit = False
            continue
        draft = Draft(path=path, line=line, name_line=line, values=values)
        drafts.append(draft)  # a duplicate is kept, for build_entries to report
        known.setdefault(path_key(path), draft)
    return drafts


def _parent(
    path: tuple[str, ...],
    name: str,
    line: int,
    drafts: list[Draft],
    known: dict[tuple[str, ...], Draft],
) -> tuple[str, ...]:
    """The path of parent ``name`` under ``path``, as first spelled; created if new."""
    wanted = (*path, name)
    found = known.get(path_key(wanted))
    if found is None:
        found = Draft(path=wanted, line=line, name_line=line, implicit=True)
        drafts.append(found)
        known[path_key(wanted)] = found
    return found.path


def codebook_to_csv(codebook: Codebook, target: object = "<csv>") -> str:
    """The codes as CSV text (the codebook's name and description are not part of CSV)."""
    entries = checked_entries(codebook, target)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(WRITTEN_COLUMNS)
    for entry in entries:
        writer.writerow(
            [
                entry.label,
                entry.definition,
                entry.inclusion,
                entry.exclusion,
                entry.example,
                entry.colour,
                entry.shortcut,
                entry.guid or "",
            ]
        )
    return out.getvalue()
