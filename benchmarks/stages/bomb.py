"""A .docx zip bomb (about 1 MB on disk, 1 GiB of XML inside) refused by the import reader:
the time to refuse it and the process's peak memory, against reading the zip's central
directory with zipfile alone (the least any check must do). Issue 9's target: refused in under
1 s with under 200 MB peak."""

from __future__ import annotations

import os
import time
from pathlib import Path

from benchmarks.bombs import GIB, write_docx_bomb
from benchmarks.stages.base import Context, Stage, Timing, missing_attributes


def _bomb(ctx: Context) -> Path:
    """Made once per run (it takes a while to deflate 1 GiB) and shared by both sides."""
    path = ctx.shared / "bomb-1gib.docx"
    if not path.exists():
        ctx.shared.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f".{path.name}.{os.getpid()}.part")
        write_docx_bomb(part, GIB)
        os.replace(part, path)
    return path


def measure(ctx: Context) -> Timing:
    from qualcode.core.errors import InputError
    from qualcode.ingest import read_transcript

    bomb = _bomb(ctx)
    started = time.perf_counter()
    try:
        read_transcript(bomb)
        refused = ""
    except InputError as err:
        refused = err.problem
    seconds = time.perf_counter() - started
    return Timing(seconds, {"refused": refused or "NOT REFUSED",
                            "file_mb": round(bomb.stat().st_size / 1e6, 2)})


def ceiling(ctx: Context) -> Timing:
    import zipfile

    bomb = _bomb(ctx)
    started = time.perf_counter()
    with zipfile.ZipFile(bomb) as archive:
        declared = sum(info.file_size for info in archive.infolist())
    return Timing(time.perf_counter() - started, {"declared_mb": declared // (1024 * 1024)})


STAGE = Stage(
    name="bomb",
    title="Refusing a .docx zip bomb (ingest.read_transcript)",
    ceiling_title="zipfile reading the central directory only",
    missing=lambda: missing_attributes("qualcode.core.archive", "open_zip"),
    measure=measure,
    ceiling=ceiling,
    sized=False,
)
