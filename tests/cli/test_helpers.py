"""The in-process runner tells what a real process would, and leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest

from qualcode.cli import cli
from qualcode.store import Store
from tests.cli.helpers import qualcode, qualcode_process


def test_in_process_output_matches_a_real_process(tmp_path: Path) -> None:
    project = tmp_path / "p.qualcode"
    for args in (("--help",), ("codebook", "--help"), ("stats",), ("stats", "--nope")):
        inside, outside = qualcode(project, *args), qualcode_process(project, *args)
        assert (inside.returncode, inside.stdout, inside.stderr) == (
            outside.returncode, outside.stdout, outside.stderr), args


def test_nothing_leaks_from_one_run_to_the_next(tmp_path: Path) -> None:
    project = tmp_path / "p.qualcode"
    environ, folder = dict(os.environ), os.getcwd()
    qualcode(project, "init", check=True)
    (tmp_path / "a.txt").write_text("FICTIONAL\nInterviewer: Hello?\nAna: Hello.\n")
    done = qualcode(project, "import", "a.txt", cwd=tmp_path, check=True)
    assert "imported 1 document(s)" in done.stdout
    assert dict(os.environ) == environ and os.getcwd() == folder
    stats = qualcode(project, "--coder", "ana", "stats", check=True)
    assert stats.stderr == "" and "1" in stats.stdout
    missing = qualcode(tmp_path / "none.qualcode", "stats")
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.startswith("qualcode: error: ") and "no such project" in missing.stderr


def test_a_connection_left_open_fails_the_run(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "p.qualcode"
    qualcode(project, "init", check=True)
    left: list[Store] = []

    @click.command("leaky")
    def leaky() -> None:
        left.append(Store.open(project))  # never closed

    monkeypatch.setitem(cli.commands, "leaky", leaky)
    with pytest.raises(AssertionError, match="left 1 connection"):
        qualcode(project, "leaky")
    left[0].close()
    assert qualcode(project, "stats").returncode == 0
