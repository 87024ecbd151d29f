"""The process pool the interface hands heavy work to (spaCy parsing, clustering, fitting).

Textual-free, so a worker process imports only this module to start. Workers are spawned
(not forked from a process running threads) and write nothing on the terminal the
interface is drawing on.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import resource_tracker

WORKERS = 2  # parsing is split in chunks; each worker loads the spaCy pipeline once


def process_pool() -> ProcessPoolExecutor:
    """A pool for one run. Call :func:`prepare` first, from the interface's thread."""
    return ProcessPoolExecutor(max_workers=min(WORKERS, os.cpu_count() or 1),
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_quiet)


def prepare() -> None:
    """Start multiprocessing's resource tracker (once) with a stderr it can use: under
    Textual ``sys.stderr`` is a capture whose ``fileno()`` is -1, which starting a process
    rejects ("bad value(s) in fds_to_keep"); the tracker's warnings go nowhere instead."""
    saved = sys.stderr
    with open(os.devnull, "w") as sink:
        sys.stderr = sink
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _quiet() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
