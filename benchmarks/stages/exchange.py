"""Bulk codings: ``services.bulk_codings.import_codings`` of 10,000 codings (a CSV with
document, code path, start, end and text, every row's text checked, one undoable action) into
a copy of the prepared project, against inserting the same rows with plain sqlite3 in one
transaction (the codings table alone: no text check, no event log)."""

from __future__ import annotations

import csv
import random
import sqlite3
from pathlib import Path

from benchmarks.measure import Stopwatch
from benchmarks.stages import prepared
from benchmarks.stages.base import Context, Stage, Timing, missing_attributes

ROWS = 10_000


def _rows(project: Path, seed: int) -> list[dict[str, object]]:
    """ROWS codings spread over the project's documents and leaf codes, reproducibly."""
    from qualcode.services.codes import code_paths, path_text
    from qualcode.store import Store

    rng = random.Random(f"{seed}:bulk")
    with Store.open(project) as store:
        docs = store.documents.all()
        codes = store.codes.all()
        paths = code_paths(codes)
    leaves = [path_text(paths[c.id or 0]) for c in codes]
    rows: list[dict[str, object]] = []
    while len(rows) < ROWS:
        doc = rng.choice(docs)
        start = rng.randrange(0, max(1, len(doc.text) - 400))
        end = start + rng.randrange(20, 400)
        if doc.text[start:end].strip():
            rows.append({"document": doc.name, "code": rng.choice(leaves), "start": start,
                         "end": end, "text": doc.text[start:end], "coder": "bench"})
    return rows


def _write(rows: list[dict[str, object]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, ["document", "code", "start", "end", "text", "coder"])
        writer.writeheader()
        writer.writerows(rows)


def measure(ctx: Context) -> Timing:
    from qualcode.services.bulk_codings import import_codings
    from qualcode.store import Store

    project = prepared.fresh_copy(ctx, "bulk.qualcode")
    source = ctx.scratch / "codings.csv"
    _write(_rows(project, ctx.seed), source)
    watch = Stopwatch()
    with Store.open(project) as store, watch.running():
        report = import_codings(store, source, coder="bench")
    if report.failed:
        raise RuntimeError(f"bulk import failed: {report.failed[:3]}")
    return Timing(watch.seconds, {"rows": ROWS, "added": report.added,
                                  "already_there": report.existing})


def ceiling(ctx: Context) -> Timing:
    project = prepared.fresh_copy(ctx, "bulk-ceiling.qualcode")
    rows = _rows(project, ctx.seed)
    watch = Stopwatch()
    conn = sqlite3.connect(project, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    with watch.running():
        docs = dict(conn.execute("SELECT name, id FROM documents"))
        coder = conn.execute("INSERT INTO coders (name) VALUES ('bench-ceiling')").lastrowid
        codes = _code_ids(conn)
        conn.execute("BEGIN")
        conn.executemany(
            'INSERT OR IGNORE INTO codings (document_id, code_id, start, "end", text, coder_id, '
            "created_at) VALUES (?, ?, ?, ?, ?, ?, '2020-01-01T00:00:00+00:00')",
            [(docs[r["document"]], codes[r["code"]], r["start"], r["end"], r["text"], coder)
             for r in rows])
        conn.execute("COMMIT")
    conn.close()
    return Timing(watch.seconds, {"rows": ROWS})


def _code_ids(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute("SELECT id, name, parent_id FROM codes").fetchall()
    by_id = {r[0]: r for r in rows}
    paths = {}
    for code_id, name, parent in rows:
        names = [name]
        while parent is not None:
            names.append(by_id[parent][1])
            parent = by_id[parent][2]
        paths[" > ".join(reversed(names))] = code_id
    return paths


STAGE = Stage(
    name="bulk-codings",
    title=f"Bulk codings import ({ROWS:,} rows, services.bulk_codings)",
    ceiling_title="the same rows inserted with sqlite3 executemany (no checks, no event log)",
    missing=lambda: missing_attributes("qualcode.services.bulk_codings", "import_codings"),
    measure=measure,
    repeats=3,  # a second or two each: best of three takes the machine's noise out
    ceiling=ceiling,
)
