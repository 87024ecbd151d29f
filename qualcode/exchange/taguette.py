"""Taguette's files: its codebook CSV (``tag, description, number of highlights``, newer
versions add ``parent``) and its highlights export (``id, document, tag, content``; read as
bulk codings, see :mod:`bulk`).

Taguette keeps a tag's path in its name with dots between levels ("people.parents"); a name
whose parts would be empty or start with a space ("Dr. Who") is kept whole.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from qualcode.codebook import Codebook, CodebookEntry
from qualcode.core.errors import InputError
from qualcode.core.files import atomic_write

HEADER = ["tag", "description", "number of highlights"]


def tag_path(name: str) -> tuple[str, ...]:
    parts = name.split(".")
    if len(parts) > 1 and all(p and p == p.strip() for p in parts):
        return tuple(parts)
    return (name.strip(),)


def looks_like_taguette(path: Path) -> bool:
    """Is ``path`` a Taguette codebook CSV (its first column is ``tag``)?"""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    return bool(first) and first[0].strip().lower() == "tag"


def read_codebook_csv(path: Path) -> Codebook:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read as UTF-8 text ({err})") from None
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if "tag" not in header:
        raise InputError(path, "not a Taguette codebook: no 'tag' column", line=1)
    col = {name: header.index(name) for name in header}
    entries: list[CodebookEntry] = []
    seen: set[tuple[str, ...]] = set()
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: (row[i].strip() if i < len(row) else "") for name, i in col.items()}
        if not cells["tag"]:
            continue
        parent = tag_path(cells.get("parent", "")) if cells.get("parent") else ()
        path_ = tag_path(cells["tag"])
        if parent and path_[: len(parent)] != parent:
            path_ = parent + (cells["tag"],)
        for depth in range(1, len(path_) + 1):
            if path_[:depth] in seen:
                continue
            seen.add(path_[:depth])
            own = depth == len(path_)
            entries.append(CodebookEntry(path=path_[:depth],
                                         definition=cells.get("description", "") if own else "",
                                         line=number))
    return Codebook(name=path.stem, entries=entries)


def write_codebook_csv(book: Codebook, counts: dict[tuple[str, ...], int], dest: Path) -> None:
    with atomic_write(dest, encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        for entry in book.entries:
            writer.writerow([".".join(entry.path), entry.definition, counts.get(entry.path, 0)])


def write_highlights_csv(rows: list[dict[str, object]], dest: Path) -> None:
    """Codings as Taguette's highlights export: id, document, tag, content."""
    with atomic_write(dest, encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "document", "tag", "content"])
        for r in rows:
            writer.writerow([r["id"], r["document"], r["tag"], r["content"]])
