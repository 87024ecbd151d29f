"""Asking where to write the Word report and how: the .docx path, pseudonymised or not, and
the case attribute to split the frequencies by."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select

from qualcode.tui.screens.type_ahead import TypeAhead


@dataclass(frozen=True)
class ReportRequest:
    path: Path
    pseudonymise: bool
    by: str  # "" lets the report choose


def pseudonymise_label(on: bool) -> str:
    """The checkbox's label says its state in words, whatever the theme does to the box."""
    if on:
        return "Pseudonymise: ON (quotes attributed by case only, names replaced)"
    return "Pseudonymise: OFF (speakers are named beside their quotes)"


def default_report_path(project: Path) -> Path:
    return project.with_name(f"{project.stem}-report.docx")


def resolve_report_path(typed: str, project: Path) -> Path | str:
    """The path to write, or what is wrong with ``typed`` (one line). A relative path is
    taken from the project file's folder."""
    text = typed.strip()
    if not text:
        return "Give the path of the .docx to write."
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = project.parent / path
    if path.suffix.lower() != ".docx":
        return f"{path.name} should end in .docx"
    if path.is_dir():
        return f"{path} is a folder"
    if not path.parent.is_dir():
        return f"{path.parent}: no such folder"
    return path


class ReportDialog(TypeAhead[ReportRequest | None], ModalScreen[ReportRequest | None]):
    TYPE_AHEAD = "#report-path"
    CSS_PATH = ["modals.tcss", "synthesis_dialogs.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "write", "Write"),
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def __init__(self, project: Path, attributes: Sequence[str]) -> None:
        super().__init__()
        self.project = project
        self.attributes = list(attributes)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="report-dialog"):
            yield Label("Write the Word report", classes="title")
            yield Label("Save as (.docx, relative to the project's folder)", classes="hint")
            yield Input(str(default_report_path(self.project)), id="report-path")
            yield Checkbox(pseudonymise_label(True), value=True, id="report-pseudonymise",
                           compact=True)
            with Horizontal(id="report-by-row"):
                yield Label("Split frequencies by", id="report-by-label")
                yield Select([(name, name) for name in self.attributes],
                             prompt="(chosen automatically)", id="report-by", compact=True)
            yield Label("", classes="hint error", id="report-problem")
            yield Label("Enter or ctrl+s write · Tab next · Esc cancel", classes="hint")

    @on(Checkbox.Changed, "#report-pseudonymise")
    def _pseudonymise_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = pseudonymise_label(event.value)
        event.checkbox.set_class(not event.value, "-off")

    def on_mount(self) -> None:
        field = self.query_one("#report-path", Input)
        field.focus()
        field.action_end()

    @on(Input.Submitted, "#report-path")
    def action_write(self) -> None:
        found = resolve_report_path(self.query_one("#report-path", Input).value, self.project)
        if isinstance(found, str):
            problem = self.query_one("#report-problem", Label)
            problem.update(found)
            problem.display = True
            return
        by = self.query_one("#report-by", Select).value
        self.dismiss(ReportRequest(found, self.query_one("#report-pseudonymise", Checkbox).value,
                                   by if isinstance(by, str) else ""))
