"""Running the command line in tests.

``qualcode`` runs a command in this process through click's ``CliRunner`` (no new Python, no
re-import: command logic). ``qualcode_process`` runs ``python -m qualcode.cli`` as a real
process, for tests about processes: ``kill -9``, two processes on one project file, serving.
Both take the same arguments and give ``returncode``, ``stdout`` and ``stderr``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from click import formatting
from click.testing import CliRunner

from qualcode.cli import main
from qualcode.store import registry

ENV = {"QUALCODE_CODER": "tester", "COLUMNS": "200"}


@dataclass(frozen=True)
class Ran:
    """What a command did, as ``subprocess.CompletedProcess`` tells it."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def qualcode(project: Path, *args: str, cwd: Path | None = None, check: bool = False) -> Ran:
    """Run the command line in this process, as a user would from a shell.

    Click >= 8.2 keeps stdout and stderr apart (``mix_stderr`` is gone). What one run sets up
    is undone before the next: the environment, the standard streams, click's forced help
    width (``CliRunner`` pins it to 80; a terminal of ``COLUMNS`` wide decides instead, as in
    a process), the working folder and logging handlers; a connection the command left open
    on the project fails the call.
    """
    argv = ["--project", str(project), *args]
    open_before = registry.open_connections(Path(project))
    handlers = list(logging.root.handlers)
    runner = CliRunner()
    with runner.isolation(env=ENV) as (out, err, _), contextlib.chdir(cwd or os.getcwd()):
        formatting.FORCED_WIDTH = None  # restored by isolation()
        try:
            code = main(argv)
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        except Exception:  # what an uncaught error does to a process: a traceback, exit 1
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = _text(out.getvalue()), _text(err.getvalue())
    logging.root.handlers[:] = handlers
    left_open = registry.open_connections(Path(project)) - open_before
    assert left_open <= 0, f"qualcode {' '.join(args)} left {left_open} connection(s) open"
    if check and code != 0:
        raise AssertionError(f"qualcode {' '.join(args)} failed:\n{stderr}")
    return Ran(argv, code, stdout, stderr)


def qualcode_process(project: Path, *args: str, cwd: Path | None = None,
                     check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a subprocess, as a user would."""
    env = {**os.environ, **ENV}
    result = subprocess.run(
        [sys.executable, "-m", "qualcode.cli", "--project", str(project), *args],
        capture_output=True, text=True, env=env, cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"qualcode {' '.join(args)} failed:\n{result.stderr}")
    return result


def _text(data: bytes) -> str:
    """As ``subprocess.run(text=True)`` reads a pipe: UTF-8, universal newlines."""
    return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
