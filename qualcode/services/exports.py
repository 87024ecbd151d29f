"""Exports besides the report: coded segments (CSV, XLSX) and the codebook (.docx)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import IO

from qualcode.export.codebook_docx import write_codebook_docx
from qualcode.export.segments import format_of, segment_table, write_segments
from qualcode.services import pseudonyms
from qualcode.services.codes import code_paths, path_text
from qualcode.store import Store


def export_segments(store: Store, dest: Path | str | IO[bytes] | IO[str],
                    fmt: str | None = None, *, pseudonymise: bool = True) -> int:
    """Every coding, one row each; the format from the file name or ``fmt``. Returns rows.

    Pseudonymised by default: every text cell goes through the identifier register."""
    fmt = format_of(dest, fmt)
    paths = {i: path_text(p) for i, p in code_paths(store.codes.all()).items()}
    header, rows = segment_table(store.codings.all(), store.documents.all(), store.cases.all(),
                                 paths)
    if pseudonymise:
        replace = pseudonyms.replacer(store)
        rows = [[replace(cell) if isinstance(cell, str) else cell for cell in row]
                for row in rows]
    return write_segments(header, rows, dest, fmt)


def export_codebook_docx(store: Store, dest: Path | str | IO[bytes], *,
                         template: Path | None = None, pseudonymise: bool = True) -> int:
    """The codebook as a Word document (its texts pseudonymised by default); returns the
    number of codes."""
    codes = store.codes.all()
    if pseudonymise:
        swap = pseudonyms.replacer(store)
        codes = [replace(c, definition=swap(c.definition), inclusion=swap(c.inclusion),
                         exclusion=swap(c.exclusion), example=swap(c.example)) for c in codes]
    return write_codebook_docx(codes, dest,
                               name=store.settings.get("codebook_name", "") or "",
                               description=store.settings.get("codebook_description", "") or "",
                               template=template)
