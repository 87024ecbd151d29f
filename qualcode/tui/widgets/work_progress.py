"""A one-line progress bar for work running in the background; hidden when nothing runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class WorkProgress(Horizontal):
    DEFAULT_CSS = """
    WorkProgress { height: 1; display: none; padding: 0 1; }
    WorkProgress.-running { display: block; }
    WorkProgress > Label { width: 1fr; color: $text-muted; }
    WorkProgress > ProgressBar { width: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Label(id="work-stage")
        yield ProgressBar(total=None, show_eta=False, id="work-bar")

    @property
    def running(self) -> bool:
        return self.has_class("-running")

    def start(self, what: str) -> None:
        self.add_class("-running")
        self.query_one("#work-stage", Label).update(f"{what}: starting…")
        self.query_one("#work-bar", ProgressBar).update(total=None, progress=0)

    def step(self, what: str, stage: str, done: int, total: int) -> None:
        """``total`` 0 or unknown shows a bar that only says "busy"."""
        self.query_one("#work-stage", Label).update(f"{what}: {stage}…")
        self.query_one("#work-bar", ProgressBar).update(total=total or None, progress=done)

    def stop(self) -> None:
        self.remove_class("-running")
