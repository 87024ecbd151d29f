"""The dialog that starts a theme run: how many themes (blank: chosen automatically) and
whether to cluster only what nobody has coded yet."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label

MAX_THEMES = 50


@dataclass(frozen=True)
class ThemeOptions:
    k: int | None = None  # None: chosen by silhouette
    uncoded_only: bool = False


class FindThemesDialog(ModalScreen[ThemeOptions | None]):
    CSS_PATH = ["modals.tcss", "suggestion_dialogs.tcss"]
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, last: ThemeOptions | None = None) -> None:
        super().__init__()
        self.last = last or ThemeOptions()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="find-themes"):
            yield Label("Find themes in what respondents said", classes="title")
            with Horizontal(id="themes-k-row"):
                yield Label("How many themes ")
                yield Input("" if self.last.k is None else str(self.last.k), type="integer",
                            placeholder="automatic", id="themes-k", compact=True)
            yield Checkbox(_uncoded_label(self.last.uncoded_only), self.last.uncoded_only,
                           id="themes-uncoded", compact=True)
            with Horizontal():
                yield Button("Find themes", variant="primary", id="themes-find", compact=True)
                yield Button("Cancel", id="themes-cancel", compact=True)
            yield Label("Enter finds · Tab moves · space ticks · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#themes-k", Input).focus()

    @on(Input.Submitted, "#themes-k")
    @on(Button.Pressed, "#themes-find")
    def _find(self) -> None:
        text = self.query_one("#themes-k", Input).value.strip()
        try:
            k = int(text) if text else None
        except ValueError:  # e.g. a lone "-"
            k = 0
        if k is not None and not 2 <= k <= MAX_THEMES:
            self.notify(f"The number of themes must be from 2 to {MAX_THEMES}.",
                        severity="error")
            return
        self.dismiss(ThemeOptions(k, self.query_one("#themes-uncoded", Checkbox).value))

    @on(Checkbox.Changed, "#themes-uncoded")
    def _uncoded(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = _uncoded_label(event.value)

    @on(Button.Pressed, "#themes-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def _uncoded_label(on: bool) -> str:
    """The state in words too: the compact box alone looked ticked while off."""
    return f"Only passages nobody has coded yet: {'on' if on else 'off'}"
