"""The workbench and the command line on one project at once: every acknowledged action of
both is there afterwards, the WAL stays where SQLite keeps it, and a ``kill -9`` of the
workbench mid-coding loses nothing it had acknowledged."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from qualcode.core.model import Code
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.retrieval import RetrievalScreen
from qualcode.tui.widgets.transcript import TranscriptView
from tests.cli.helpers import qualcode_process
from tests.conftest import REPO, make_document
from tests.tui.helpers import type_text

TURNS: list[tuple[str | None, str]] = [
    (None, "FICTIONAL TRANSCRIPT for tests."),
    ("Interviewer", "How is the network funded?"),
    ("Ana", "Donors fund most of it. Members pay a small fee. We want more."),
    ("Interviewer", "Who decides?"),
    ("Ana", "A steering group decides. Countries rotate. It works well."),
    ("Interviewer", "How do you share knowledge?"),
    ("Ana", "Webinars every month. A forum too. People read the newsletter."),
]


def build(path: Path) -> Path:
    with Store.open(path, create=True) as store, store.action("seed", undoable=False):
        for name in ("a.txt", "b.txt"):
            doc, turns = make_document(name, TURNS if name == "a.txt" else TURNS[:5])
            store.documents.add(doc, turns)
        for n, name in enumerate(["Funding", "Governance", "Knowledge sharing"]):
            store.codes.add(Code(name=name, guid=f"g{n}", position=n))
    return path


def codings_seen_by_another_process(path: Path) -> list[dict[str, Any]]:
    result = qualcode_process(path, "codings", "--format", "json", check=True)
    return list(json.loads(result.stdout))


async def code_here(pilot: Pilot[Any], name: str) -> tuple[int, int]:
    view = pilot.app.screen.query_one(TranscriptView)
    assert view.selection is not None
    span = (view.selection.start, view.selection.end)
    await pilot.press("c")
    await type_text(pilot, name.lower())
    await pilot.press("enter")
    await pilot.pause()
    return span


@pytest.mark.asyncio
async def test_retrieval_then_cli_then_more_coding_loses_nothing(tmp_path: Path) -> None:
    path = build(tmp_path / "shared.qualcode")
    wal = path.with_name(path.name + "-wal")
    app = create_app(path, "tui")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J")
        spans = [await code_here(pilot, "Funding")]
        # Retrieval (g) opens the project again, in a worker thread.
        await pilot.press("g", "c")
        await type_text(pilot, "funding")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, RetrievalScreen) and len(app.screen.segments) == 1
        await pilot.press("escape")
        await pilot.pause()
        # Command lines on the same project while the workbench holds it open.
        assert qualcode_process(path, "stats", check=True).returncode == 0
        qualcode_process(path, "--coder", "cli", "code", "a.txt", "Governance", "--turn", "4",
                         check=True)
        assert wal.exists()
        # More coding in the workbench: the other processes see all of it.
        await pilot.press("J")
        spans.append(await code_here(pilot, "Knowledge sharing"))
        await pilot.press("l")
        spans.append(await code_here(pilot, "Governance"))
        assert qualcode_process(path, "stats", check=True).returncode == 0
        seen = codings_seen_by_another_process(path)
        assert sorted((c["start"], c["end"]) for c in seen if c["coder"] == "tui") == sorted(
            spans)
        assert [c["coder"] for c in seen].count("cli") == 1
        assert wal.exists()
        # The workbench keeps working: ctrl+z undoes its own last coding, not the CLI's.
        await pilot.press("ctrl+z")
        await pilot.pause()
    seen = codings_seen_by_another_process(path)
    assert len([c for c in seen if c["coder"] == "tui"]) == 2
    assert [c["coder"] for c in seen].count("cli") == 1
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def start_driver(path: Path, coder: str, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.cli.tui_driver", str(path), coder, str(count)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO, env=env)


def test_kill_9_of_the_workbench_mid_coding_loses_no_acknowledged_coding(
        tmp_path: Path) -> None:
    """Each round: the workbench (its own process) codes; it is killed with SIGKILL after a
    random number of acknowledged codings, in the middle of the next; a command line codes in
    between. Every acknowledged coding of both must be in the project afterwards."""
    path = build(tmp_path / "killed.qualcode")
    rng = random.Random(9)
    acknowledged: set[tuple[int, int, int, int]] = set()
    cli_codings = 0
    for round_number in range(3):
        driver = start_driver(path, f"tui{round_number}", 12)
        assert driver.stdout is not None
        wanted, seen = rng.randint(1, 4), 0
        for line in driver.stdout:
            if line.startswith("ACK"):
                doc, code, start, end = map(int, line.split()[1:])
                acknowledged.add((doc, code, start, end))
                seen += 1
                if seen == wanted:
                    break
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait()
        assert seen == wanted, "the workbench stopped before coding"
        result = qualcode_process(path, "--coder", "cli", "code", "b.txt", "Funding", "--turn",
                                  str(2 + 2 * (round_number % 2)), check=False)
        cli_codings += result.returncode == 0
        with Store.open(path) as store:
            stored = {(c.document_id, c.code_id, c.start, c.end) for c in store.codings.all()
                      if c.coder.startswith("tui")}
            assert acknowledged <= stored
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert cli_codings == 2  # turns 2 and 4, the third round repeats turn 2 and is refused
    seen_cli = [c for c in codings_seen_by_another_process(path) if c["coder"] == "cli"]
    assert len(seen_cli) == 2


@pytest.mark.asyncio
async def test_the_workbench_on_a_newer_project_says_so_and_changes_nothing(
        tmp_path: Path) -> None:
    import hashlib
    import sqlite3

    path = build(tmp_path / "newer.qualcode")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    app = create_app(path, "tui")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("newer qualcode" in m and "read-only" in m for m in said)
        await pilot.press("enter", "J")
        await code_here(pilot, "Funding")
        said = [n.message for n in app._notifications]
        assert any("nothing was changed" in m for m in said)
        assert app.project.store.codings.all() == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
