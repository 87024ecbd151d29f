"""Parsing ahead from the interface: when the app opens on a project with documents not parsed
yet (e.g. just imported), a worker process parses them and finds the first themes
(qualcode/services/parse_ahead.py) while the user goes on coding.

A process, not a thread: spaCy holds the GIL and would freeze the screen. The app polls its
reports a few times a second; the Suggestions area follows them (:class:`FollowsParsing`).
Quitting asks the worker to stop at its next parse and waits for it, so every finished parse
is stored. ``QUALCODE_PARSE_AHEAD=0`` turns it off (the tests of other screens do).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event
from pathlib import Path

from qualcode.services import parse_ahead
from qualcode.services.parse_ahead import AheadState
from qualcode.store import Store
from qualcode.tui.background import prepare

ENV = "QUALCODE_PARSE_AHEAD"
POLL_SECONDS = 0.2
STOP_SECONDS = 15.0  # a parse batch ends well within it; then the worker is ended by force


def enabled() -> bool:
    return os.environ.get(ENV, "1") != "0"


class ParseAhead:
    """The app's one worker parsing ahead, and the last state it reported."""

    def __init__(self, path: Path, coder: str) -> None:
        self.path, self.coder = path, coder
        self.state: AheadState | None = None
        self._process: BaseProcess | None = None
        self._reports: Connection | None = None
        self._stop: Event | None = None
        self.listeners: list[Callable[[AheadState], None]] = []

    @property
    def running(self) -> bool:
        return self.state is not None and self.state.running

    def start_if_needed(self, store: Store) -> bool:
        """Start the worker when a document is not parsed yet (or no themes were found);
        True if it started."""
        if self._process is not None and self._process.is_alive():
            return False
        first = None if store.read_only else parse_ahead.pending(store)
        if first is None:
            return False
        prepare()  # the tracker of the stop flag's semaphore needs a usable stderr
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        self._reports, sending = context.Pipe(duplex=False)
        self._stop = context.Event()
        self._process = context.Process(target=parse_ahead.worker, name="qualcode-parse-ahead",
                                        args=(str(self.path), sending, self._stop, self.coder),
                                        daemon=True)
        self._process.start()
        sending.close()  # the worker holds the sending end now
        self.state = first
        return True

    def poll(self) -> None:
        """Read what the worker reported since the last poll and tell the listeners."""
        reports, latest = self._reports, None
        if reports is None:
            return
        try:
            while reports.poll():
                latest = reports.recv()
        except (EOFError, OSError):  # the pipe closed: the worker ended
            if latest is None or latest.running:  # without a last word (killed)
                latest = AheadState(parse_ahead.FAILED, message="Parsing ahead ended early.")
        if latest is None:
            return
        self.state = latest
        if not latest.running:
            self._close()
        for listener in list(self.listeners):
            listener(latest)

    def stop(self) -> None:
        """Ask the worker to stop and wait for it to store what it parsed."""
        if self._stop is not None:
            self._stop.set()
        if self._process is not None:
            self._process.join(STOP_SECONDS)
            if self._process.is_alive():  # stuck (e.g. loading the pipeline): parses are
                self._process.terminate()  # stored every few seconds, little is lost
                self._process.join(STOP_SECONDS)
        self._close()

    def _close(self) -> None:
        if self._reports is not None:
            self._reports.close()
        self._reports = None
        if self._process is not None and not self._process.is_alive():
            self._process.close()
            self._process = None
