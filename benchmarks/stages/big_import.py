"""Importing one 100 MB plain-text transcript: ``services.importing.import_paths`` into a
fresh project, its time and its process's peak memory, against the least any import must do:
read the file, decode it and store its text as one row with plain sqlite3. Issue 19's target:
peak memory under three times the file's size and under 500 MB."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from benchmarks.big_transcript import MB, write_big_transcript
from benchmarks.measure import Stopwatch, peak_rss_mb
from benchmarks.stages.base import Context, Stage, Timing, missing_attributes

SIZE_MB = 100
WORDS = 16_000_000  # about, in the 100 MB file (6 bytes a word)


def _transcript(ctx: Context) -> Path:
    """Made once per run and shared by both sides (a few seconds)."""
    path = ctx.shared / f"transcript-{SIZE_MB}mb.txt"
    if not path.exists():
        ctx.shared.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f".{path.name}.{os.getpid()}.part")
        write_big_transcript(part, SIZE_MB)
        os.replace(part, path)
    return path


def measure(ctx: Context) -> Timing:
    from qualcode.services.importing import import_paths
    from qualcode.store import Store

    path = _transcript(ctx)
    before = peak_rss_mb()
    watch = Stopwatch()
    with Store.open(ctx.scratch / "big.qualcode", create=True) as store:
        with watch.running():
            report = import_paths(store, [path])
        turns = store.overview.stats().turns
    if report.errors or not report.imported:
        raise RuntimeError(f"import went wrong: {report.errors}")
    file_mb = path.stat().st_size / MB
    peak = peak_rss_mb()
    return Timing(watch.seconds, {"file_mb": round(file_mb), "turns": turns,
                                  "peak_over_file": round(peak / file_mb, 2),
                                  "rss_before_mb": round(before)})


def ceiling(ctx: Context) -> Timing:
    path = _transcript(ctx)
    watch = Stopwatch()
    conn = sqlite3.connect(ctx.scratch / "ceiling.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    with watch.running():
        text = path.read_bytes().decode("utf-8")
        conn.execute("BEGIN")
        conn.execute("INSERT INTO documents (text) VALUES (?)", (text,))
        conn.execute("COMMIT")
    conn.close()
    return Timing(watch.seconds, {"file_mb": round(path.stat().st_size / MB)})


STAGE = Stage(
    name="big-import",
    title=f"Import of one {SIZE_MB} MB transcript (services.importing), peak memory",
    ceiling_title="read and decode the file, store its text as one row (sqlite3)",
    missing=lambda: missing_attributes("qualcode.services.importing", "import_paths"),
    measure=measure,
    ceiling=ceiling,
    sized=False,
    own_words=WORDS,
)
