"""`kill -9` in the middle of a large import leaves a project that opens and holds only whole
documents: every document has all its turns, speakers and search entries."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from qualcode.ingest import read_transcript
from qualcode.store import Store
from tests.cli.helpers import qualcode_process

WORDS = [
    "network", "members", "share", "practice", "steering", "group", "funding", "donors",
    "webinar", "platform", "training", "peer", "support", "country", "associate", "social",
    "work", "child", "protection",
]


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        lines = ["FICTIONAL TRANSCRIPT generated for a test."]
        for t in range(120):
            speaker = "Interviewer" if t % 2 == 0 else f"Person {n}"
            said = " ".join(WORDS[(n * 7 + t * 3 + k) % len(WORDS)] for k in range(60))
            lines.append(f"{speaker}: {said}.")
        (folder / f"interview-{n:03}.txt").write_text("\n".join(lines) + "\n")


def test_kill_during_import_keeps_only_whole_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 150)
    project = tmp_path / "p.qualcode"
    qualcode_process(project, "init", check=True)
    env = {**os.environ, "QUALCODE_CODER": "tester"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "qualcode.cli", "--project", str(project), "import", str(corpus)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    imported = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            conn = sqlite3.connect(project, timeout=5)
            imported = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.OperationalError:
            continue
        if imported >= 5:
            break
    assert proc.poll() is None, "the import finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    with Store.open(project) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = store.documents.all()
        assert 5 <= len(docs) < 150
        for doc in docs:
            expected = read_transcript(corpus / doc.name)
            turns = store.turns.all(doc.id or 0)
            assert doc.text == expected.text
            assert len(turns) == len(expected.turns)
            assert turns[0].start == 0 and turns[-1].end == len(doc.text)
            assert {s.name for s in store.speakers.all(doc.id)} == {
                t.speaker for t in expected.turns if t.speaker}
        fts = store.conn.execute("SELECT count(*) FROM turns_fts").fetchone()[0]
        assert fts == store.overview.stats().turns
    # The project still works: the rest can be imported.
    finished = qualcode_process(project, "import", str(corpus))
    assert finished.returncode == 0, finished.stderr
    with Store.open(project) as store:
        assert len(store.documents.all()) == 150
