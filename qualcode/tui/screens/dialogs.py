"""Small dialogs: ask for a line of text, confirm, or choose one of a few things."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from qualcode.tui.screens.type_ahead import TypeAhead


class Prompt(TypeAhead[str | None], ModalScreen[str | None]):
    """One line of text; Enter gives it, Escape gives None."""

    TYPE_AHEAD = "#prompt-input"
    CSS_PATH = "modals.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder = title, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label("Enter to confirm · Esc to cancel", classes="hint")

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


class Confirm(ModalScreen[bool]):
    """Yes (y, Enter) or no (n, Escape)."""

    CSS_PATH = "modals.tcss"
    BINDINGS = [
        Binding("y,enter", "dismiss(True)", "Yes"),
        Binding("n,escape", "dismiss(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question, self.detail = question, detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="title")
            if self.detail:
                yield Label(self.detail, classes="hint")
            with Horizontal():
                yield Button("Yes (y)", variant="error", id="yes")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class Choose(ModalScreen[str | None]):
    """Pick one option (by id); Escape gives None."""

    CSS_PATH = "modals.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: str, options: Sequence[tuple[str, Text | str]]) -> None:
        super().__init__()
        self.title_text, self.options = title, list(options)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label(self.title_text, classes="title")
            yield OptionList(*[Option(prompt, id=key) for key, prompt in self.options],
                             id="choose-options")
            yield Label("↑↓ choose · Enter pick · Esc cancel", classes="hint")

    def on_mount(self) -> None:
        options = self.query_one("#choose-options", OptionList)
        options.highlighted = 0 if self.options else None
        options.focus()

    @on(OptionList.OptionSelected, "#choose-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
