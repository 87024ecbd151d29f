"""The synthesis dialogs: write a finding, edit a matrix cell (from a draft), define the
matrix. Each gives back what was entered; the screen saves it as one undoable action."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from qualcode.core.model import Code
from qualcode.tui.colours import SWATCH, code_colour
from qualcode.tui.screens.memo_editor import MemoEditor
from qualcode.tui.screens.type_ahead import TypeAhead

if TYPE_CHECKING:
    from textual.types import CSSPathType

DEFAULT_SCALE = "strong, partial, weak, absent"
DIALOG_CSS: CSSPathType = ["modals.tcss", "synthesis_dialogs.tcss"]


class FindingEditor(MemoEditor):
    """The finding of a code: ctrl+s saves (an empty finding is removed), Escape cancels."""

    FIELD = "finding-text"
    NOUN = "finding"
    TYPE_AHEAD = "#finding-text"
    CSS_PATH = DIALOG_CSS


@dataclass(frozen=True)
class CellEdit:
    summary: str
    rating: str  # "" for no rating


class CellEditor(TypeAhead[CellEdit | None], ModalScreen[CellEdit | None]):
    """A matrix cell: its summary (a draft from the case's coded segments is offered when
    there is none yet, and ctrl+d puts it in at any time) and its rating (Tab to reach it)."""

    TYPE_AHEAD = "#cell-summary"
    CSS_PATH = DIALOG_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+d", "use_draft", "Use the draft"),
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def __init__(self, title: str, summary: str, rating: str, scale: Sequence[str],
                 draft: str) -> None:
        super().__init__()
        self.title_text, self.summary, self.rating = title, summary, rating
        self.scale, self.draft = list(scale), draft

    def compose(self) -> ComposeResult:
        offered = not self.summary and bool(self.draft)
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="title")
            if offered:
                note = "A draft from the case's coded segments: edit it, or ctrl+s to accept it."
            elif self.draft:
                note = "ctrl+d replaces the text with a draft from the case's coded segments."
            else:
                note = "No coded segments of this case under this code to draft from."
            yield Label(note, classes="hint", id="cell-note")
            yield TextArea(self.draft if offered else self.summary, id="cell-summary",
                           soft_wrap=True, show_line_numbers=False)
            with Horizontal(id="cell-rating-row"):
                yield Label("Rating", id="cell-rating-label")
                levels = [(Text(level), level) for level in self.scale]
                yield Select(levels, prompt="no rating", id="cell-rating", compact=True,
                             value=self.rating if self.rating in self.scale else Select.NULL,
                             disabled=not self.scale)
            yield Label("ctrl+s save · Tab to the rating · ctrl+d draft · Esc cancel",
                        classes="hint")

    def on_mount(self) -> None:
        area = self.query_one("#cell-summary", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_use_draft(self) -> None:
        if self.draft:
            area = self.query_one("#cell-summary", TextArea)
            area.load_text(self.draft)
            area.move_cursor(area.document.end)

    def action_save(self) -> None:
        rating = self.query_one("#cell-rating", Select).value
        self.dismiss(CellEdit(self.query_one("#cell-summary", TextArea).text,
                              rating if isinstance(rating, str) else ""))


@dataclass(frozen=True)
class MatrixDraft:
    code_ids: tuple[int, ...]  # the columns, in order
    scale: str  # levels, best first, comma-separated


class MatrixDefinition(ModalScreen[MatrixDraft | None]):
    """Choose the matrix's codes (space ticks one) and name its rating scale."""

    CSS_PATH = DIALOG_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+a", "tick('all')", "All"),
        Binding("ctrl+n", "tick('none')", "None"),
        Binding("ctrl+l", "tick('top')", "Top level only"),
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def action_tick(self, which: str) -> None:
        """Shortcuts over dozens of codes: all, none, or only the top-level ones."""
        codes = self.query_one("#matrix-codes", SelectionList)
        codes.deselect_all()
        if which == "all":
            codes.select_all()
        elif which == "top":
            for code in self.codes:
                if code.parent_id is None:
                    codes.select(code.id or 0)

    def __init__(self, codes: Sequence[Code], paths: dict[int, str],
                 chosen: Sequence[int], scale: Sequence[str]) -> None:
        super().__init__()
        self.codes, self.paths, self.chosen = list(codes), paths, list(chosen)
        self.scale = ", ".join(scale) if scale else DEFAULT_SCALE

    def compose(self) -> ComposeResult:
        depth = {c.id: self.paths.get(c.id or 0, "").count(" > ") for c in self.codes}
        with Vertical(classes="dialog tall", id="matrix-dialog"):
            yield Label("The benchmarking matrix: its columns and rating scale",
                        classes="title")
            yield Label("Columns: the codes to compare the cases on (space ticks)",
                        classes="hint")
            selections = []
            for code in self.codes:
                prompt = Text("  " * depth[code.id])
                prompt.append(f"{SWATCH} ", style=code_colour(code))
                prompt.append(code.name, style="bold" if depth[code.id] == 0 else "")
                selections.append(Selection(prompt, code.id or 0, code.id in self.chosen))
            yield SelectionList[int](*selections, id="matrix-codes")
            yield Label("Rating scale, best first, comma-separated", classes="hint")
            yield Input(self.scale, id="matrix-scale")
            yield Label("", classes="hint error", id="matrix-problem")
            yield Label("space tick · ctrl+a all · ctrl+n none · ctrl+l top level only · "
                        "Tab next · ctrl+s save · Esc cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#matrix-codes", SelectionList).focus()

    @on(Input.Submitted, "#matrix-scale")
    def action_save(self) -> None:
        ticked = set(self.query_one("#matrix-codes", SelectionList).selected)
        if not ticked:
            problem = self.query_one("#matrix-problem", Label)
            problem.update("Tick at least one code.")
            problem.display = True
            return
        # Columns already in the matrix keep their order; new ones follow in codebook order.
        order = [i for i in self.chosen if i in ticked]
        order += [c.id or 0 for c in self.codes if c.id in ticked and c.id not in order]
        self.dismiss(MatrixDraft(tuple(order), self.query_one("#matrix-scale", Input).value))
