"""Reading the project off the main thread: an area's figures are read in a worker thread on
its own connection while the panels that wait for them show Textual's loading indicator; the
rest of the screen (and every key) keeps answering. A newer read of the same screen replaces
an older one that has not finished.

Reads that follow the user's own change on this screen stay on the main thread: what they
did must show before the next key acts on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import partial
from typing import TypeVar

from textual.screen import Screen
from textual.widget import Widget
from textual.worker import get_current_worker

from qualcode.core.errors import QualcodeError
from qualcode.store import Store
from qualcode.tui.context import project_of

T = TypeVar("T")
READS = "area-read"  # the worker group of these reads (one at a time per screen)


def read_then_show(screen: Screen[None], panels: Sequence[Widget],
                   read: Callable[[Store], T], show: Callable[[T], None]) -> None:
    """``read`` the project in a worker, then ``show`` what it found on the main thread."""
    path = project_of(screen).path
    for panel in panels:
        panel.loading = True

    def done(found: T) -> None:
        for panel in panels:
            panel.loading = False
        show(found)

    def failed(err: QualcodeError) -> None:
        for panel in panels:
            panel.loading = False
        screen.notify(str(err), severity="error", timeout=6)

    def work() -> None:
        answer: Callable[[], None]
        try:
            with Store.open(path) as store:
                answer = partial(done, read(store))
        except QualcodeError as err:
            answer = partial(failed, err)
        if get_current_worker().is_cancelled:  # a newer read replaced this one
            return
        with suppress(RuntimeError):  # the app closed meanwhile: nothing to show
            screen.app.call_from_thread(answer)

    screen.run_worker(work, thread=True, exclusive=True, group=READS)
