"""Exchange with other tools: which reader a file needs, and the actions the CLI and the TUI
call (import a project, export one, load and export foreign codebooks)."""

from __future__ import annotations

from pathlib import Path

from qualcode.core.errors import InputError
from qualcode.exchange.model import XProject
from qualcode.exchange.qdc import write_qdc
from qualcode.exchange.qdpx import read_qde, read_qdpx
from qualcode.exchange.qualcoder import read_qualcoder
from qualcode.exchange.taguette import write_codebook_csv
from qualcode.services.codes import code_paths, codebook_to_share
from qualcode.services.exchange_export import export_qdpx, origin
from qualcode.services.exchange_import import ExchangeReport, import_exchange
from qualcode.store import Store

PROJECT_SUFFIXES = (".qdpx", ".qde", ".qda")


def is_project_file(path: str | Path) -> bool:
    """A REFI-QDA project, or a QualCoder project (a .qda folder or its data.qda)."""
    path = Path(path)
    return path.suffix.lower() in PROJECT_SUFFIXES or (path.is_dir() and
                                                       (path / "data.qda").is_file())


def read_project_file(path: Path) -> XProject:
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if suffix == ".qdpx":
        return read_qdpx(path)
    if suffix == ".qde":
        return read_qde(path)
    return read_qualcoder(path)


def import_project_file(store: Store, path: Path, *, coder: str = "") -> ExchangeReport:
    """Add another tool's project to this one, all or nothing."""
    return import_exchange(store, read_project_file(path), label=str(path), coder=coder)


def export_project(store: Store, dest: Path, *, target: str = "standard",
                   pseudonymise: bool = True) -> XProject:
    if dest.suffix.lower() != ".qdpx":
        raise InputError(dest, "a REFI-QDA project file must end in .qdpx")
    return export_qdpx(store, dest, target=target, pseudonymise=pseudonymise)


def export_foreign_codebook(store: Store, dest: Path, fmt: str) -> int | None:
    """Write a .qdc or a Taguette CSV; None when ``dest``/``fmt`` is qualcode's own format."""
    book = codebook_to_share(store)
    if fmt == "taguette":
        paths = code_paths(store.codes.all())
        counts = {paths[code_id]: n for code_id, n in store.codings.count_by_code().items()}
        write_codebook_csv(book, counts, dest)
        return len(book.entries)
    if fmt == "qdc" or (fmt == "auto" and dest.suffix.lower() == ".qdc"):
        write_qdc(book, dest, origin())
        return len(book.entries)
    return None
