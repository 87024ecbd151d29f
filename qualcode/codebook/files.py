"""Reading and writing codebook files, choosing the format by the file's suffix."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from qualcode.codebook.csv_format import codebook_to_csv, read_csv
from qualcode.codebook.entry import Codebook
from qualcode.codebook.yaml_format import codebook_to_yaml, read_yaml
from qualcode.core.errors import InputError
from qualcode.core.files import atomic_write

FORMATS = {".yml": "yaml", ".yaml": "yaml", ".csv": "csv"}


def format_of(path: Path) -> str | None:
    """The format, "yaml" or "csv", by ``path``'s suffix (ignoring case), or None."""
    return FORMATS.get(path.suffix.lower())


def read_codebook(path: Path) -> Codebook:
    path = Path(path)
    kind = format_of(path)
    if kind is None:
        raise InputError(
            path,
            f"unknown codebook format {path.suffix or '(no suffix)'!r}; use .yml, .yaml or .csv",
        )
    return read_yaml(path) if kind == "yaml" else read_csv(path)


def write_codebook(codebook: Codebook, dest: Path | IO[str], format: str | None = None) -> None:
    """Write ``codebook`` as "yaml" or "csv" (by ``dest``'s suffix when ``format`` is None).

    A CSV file gets a UTF-8 byte-order mark so that spreadsheets read its accents right; a
    stream gets the text only. Raises ``InputError`` if the codebook would not read back.
    """
    name = dest if isinstance(dest, str | Path) else getattr(dest, "name", None)
    if format is None:
        kind = format_of(Path(name)) if isinstance(name, str | Path) else None
        if kind is None:
            raise ValueError(f"say format='yaml' or format='csv' to write to {dest!r}")
    elif format.lower() in ("yaml", "yml", "csv"):
        kind = "csv" if format.lower() == "csv" else "yaml"
    else:
        raise ValueError(f"unknown codebook format {format!r}; use 'yaml' or 'csv'")
    target = name if name is not None else "<stream>"
    text = (
        codebook_to_csv(codebook, target) if kind == "csv" else codebook_to_yaml(codebook, target)
    )
    if isinstance(dest, str | Path):
        encoding = "utf-8-sig" if kind == "csv" else "utf-8"
        with atomic_write(dest, parents=True, encoding=encoding, newline="") as out:
            out.write(text)
    else:
        dest.write(text)
