"""Import: ``services.importing.import_paths`` into a fresh project, against reading the same
files with the same readers and writing the same rows in one transaction with plain sqlite3
(the same schema, its full-text index and durability settings)."""

from __future__ import annotations

import hashlib
import sqlite3

from benchmarks.corpus import Corpus
from benchmarks.measure import Stopwatch
from benchmarks.stages.base import Context, Stage, Timing, missing_attributes


def measure(ctx: Context) -> Timing:
    from qualcode.services.importing import import_paths
    from qualcode.store import Store

    files = Corpus.load(ctx.corpus).files
    first, again = Stopwatch(), Stopwatch()
    with Store.open(ctx.scratch / "import.qualcode", create=True) as store:
        with first.running():
            report = import_paths(store, files)
        with again.running():  # the same files again: every one found unchanged
            repeat = import_paths(store, files)
        stats = store.overview.stats()
    if report.errors or len(repeat.unchanged) != len(files):
        raise RuntimeError(f"import went wrong: {report.errors or repeat.errors}")
    return Timing(first.seconds, {"documents": stats.documents, "turns": stats.turns,
                                  "reimport_unchanged_s": round(again.seconds, 4)})


def ceiling(ctx: Context) -> Timing:
    from qualcode.ingest import read_transcript

    files = Corpus.load(ctx.corpus).files
    watch = Stopwatch()
    conn = sqlite3.connect(ctx.scratch / "ceiling.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.executescript(_schema())
    with watch.running():
        parsed = [(path, read_transcript(path)) for path in files]
        documents, speakers, turns = [], [], []
        speaker_ids: dict[tuple[int, str], int] = {}
        for doc_id, (path, doc) in enumerate(parsed, start=1):
            sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
            documents.append((doc_id, path.name, doc.text, sha, doc.format, doc.encoding,
                              str(path), "2020-01-01T00:00:00+00:00"))
            for turn in doc.turns:
                speaker_id = None
                if turn.speaker is not None:
                    key = (doc_id, turn.speaker)
                    if key not in speaker_ids:
                        speaker_ids[key] = len(speaker_ids) + 1
                        speakers.append((speaker_ids[key], doc_id, turn.speaker,
                                         turn.role.value))
                    speaker_id = speaker_ids[key]
                turns.append((doc_id, turn.index, turn.start, turn.end, turn.text_start,
                              turn.text_end, speaker_id, turn.role.value, turn.timestamp,
                              doc.text[turn.text_start:turn.text_end]))
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO documents (id, name, text, sha256, format, encoding, "
                         "source_path, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", documents)
        conn.executemany("INSERT INTO speakers (id, document_id, name, role) "
                         "VALUES (?, ?, ?, ?)", speakers)
        conn.executemany('INSERT INTO turns (document_id, idx, start, "end", text_start, '
                         "text_end, speaker_id, role, timestamp, text) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", turns)
        conn.execute("COMMIT")
    conn.close()
    return Timing(watch.seconds, {"documents": len(documents), "turns": len(turns)})


def _schema() -> str:
    """The project's own schema: every migration, in order."""
    from qualcode.store.migrate import available

    return "\n".join(sql for _, sql in available())


STAGE = Stage(
    name="import",
    title="Import (services.importing)",
    ceiling_title="same readers + one bulk insert in one transaction (sqlite3)",
    missing=lambda: missing_attributes("qualcode.services.importing", "import_paths"),
    measure=measure,
    ceiling=ceiling,
)


