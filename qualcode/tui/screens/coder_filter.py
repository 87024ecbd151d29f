"""Whose codings the workbench shows: every coder ticked by default; untick a colleague to
code without seeing their work (independent coding), tick again to compare."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from qualcode.core.model import Coding


def shown(codings: Iterable[Coding], hidden: set[str]) -> list[Coding]:
    """The codings of the coders not hidden."""
    return [c for c in codings if c.coder not in hidden]


class CoderFilter(ModalScreen[set[str] | None]):
    """Tick the coders whose codings to show; gives the set of coders to hide."""

    CSS_PATH = "modals.tcss"
    BINDINGS = [
        Binding("enter", "save", "Show these", priority=True),  # space ticks, Enter applies
        Binding("ctrl+s", "save", "Show these", show=False),
        Binding("ctrl+a", "tick(True)", "All"),
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def __init__(self, coders: Sequence[tuple[str, int]], hidden: set[str], me: str) -> None:
        super().__init__()
        self.coders, self.hidden, self.me = list(coders), set(hidden), me

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Whose codings to show", classes="title")
            yield SelectionList[str](*[
                Selection(f"{name}{' (you)' if name == self.me else ''} · {count} coding"
                          f"{'s' if count != 1 else ''}", name, name not in self.hidden)
                for name, count in self.coders], id="coder-list")
            yield Label("space tick · ctrl+a all · Enter show · Esc cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#coder-list", SelectionList).focus()

    def action_tick(self, _everyone: bool) -> None:
        self.query_one("#coder-list", SelectionList).select_all()

    def action_save(self) -> None:
        ticked = set(self.query_one("#coder-list", SelectionList).selected)
        self.dismiss({name for name, _ in self.coders} - ticked)
