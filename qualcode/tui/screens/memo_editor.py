"""Writing a memo: a text area; ctrl+s saves (an empty memo is removed), Escape cancels."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from qualcode.tui.screens.type_ahead import TypeAhead

if TYPE_CHECKING:
    from textual.types import CSSPathType


class MemoEditor(TypeAhead[str | None], ModalScreen[str | None]):
    """A free text (a memo; subclasses: a finding) written in a text area."""

    FIELD = "memo-text"  # id of the text area
    NOUN = "memo"
    TYPE_AHEAD = "#memo-text"
    CSS_PATH: ClassVar[CSSPathType | None] = "modals.tcss"  # subclasses add their own files
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),  # not priority: keys typed before it come first
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def __init__(self, title: str, text: str = "", context: str = "") -> None:
        super().__init__()
        self.title_text, self.text, self.context = title, text, context

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="title")
            if self.context:
                yield Label(self.context, classes="hint")
            yield TextArea(self.text, id=self.FIELD, soft_wrap=True, show_line_numbers=False)
            yield Label(f"ctrl+s save · Esc cancel · an empty {self.NOUN} is removed",
                        classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(f"#{self.FIELD}", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(f"#{self.FIELD}", TextArea).text)
