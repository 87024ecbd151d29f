"""The Suggestions area while parsing ahead runs (qualcode/tui/parse_ahead.py): the progress
line says "parsing N of M documents", and the themes show as soon as they are found, with
no key pressed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qualcode.services.parse_ahead import FAILED, AheadState
from qualcode.tui.widgets.work_progress import WorkProgress

if TYPE_CHECKING:
    from qualcode.tui.screens.hosts import SuggestionsHost

    Base = SuggestionsHost
else:
    Base = object

WHAT = "Preparing suggestions"


class FollowsParsing(Base):
    """For a screen with a ``WorkProgress`` and a ``reload()``: follows the app's parse."""

    def follow_parsing(self) -> None:
        """Call once mounted: shows the parse if it runs, and each report from now on."""
        ahead = getattr(self.app, "parse_ahead", None)
        if ahead is None:
            return
        ahead.listeners.append(self.parse_reported)
        if ahead.running and ahead.state is not None:
            self.parse_reported(ahead.state)

    def parse_reported(self, state: AheadState) -> None:
        work = self.query_one(WorkProgress)
        if state.running:
            if not work.running:
                work.start(WHAT)
            work.step(WHAT, state.words, state.done, state.total)
            return
        work.stop()
        self.reload()
        if state.stage == FAILED:
            self.notify(state.message, severity="error", timeout=8)

    def parsing_busy(self) -> bool:
        """True (and says so) while parsing ahead runs: finding now would parse twice."""
        ahead = getattr(self.app, "parse_ahead", None)
        if ahead is None or not ahead.running or ahead.state is None:
            return False
        self.notify(f"{WHAT} ({ahead.state.words}); they show when ready.",
                    severity="warning")
        return True
