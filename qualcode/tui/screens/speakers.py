"""Speakers: review who said what across the project and correct it in one place.

One row per speaker name (names compared ignoring case): in how many documents they speak,
their turns, their share of the words, their role and a line they said; below the table, why
the highlighted speaker has their role. i and r make
the selected speaker the interviewer or a respondent in every document, n renames them (to a
name that already speaks there, it merges); each is one undoable action (ctrl+z).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Label, Static

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Role
from qualcode.core.speaker_views import ProjectSpeaker
from qualcode.services import speakers
from qualcode.tui.context import project_of
from qualcode.tui.loading import read_then_show
from qualcode.tui.screens.area import AreaScreen
from qualcode.tui.screens.area_palette import allowed_entries
from qualcode.tui.screens.dialogs import Prompt
from qualcode.tui.widgets.key_footer import KeyFooter

COLUMNS = ("Speaker", "Documents", "Turns", "Words", "Role", "Sample")
SAMPLE_CHARS = 60


class SpeakersScreen(AreaScreen):
    CSS_PATH = "speakers.tcss"
    AUTO_FOCUS = "#speakers-table"
    BINDINGS = [
        Binding("i", "set_role('interviewer')", "Interviewer",
                tooltip="Make the selected speaker the interviewer in every document"),
        Binding("r", "set_role('respondent')", "Respondent",
                tooltip="Make the selected speaker a respondent in every document"),
        Binding("n", "rename", "Rename/merge",
                tooltip="Rename the selected speaker everywhere (an existing name merges)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ProjectSpeaker] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Label("", id="speakers-status")
        yield DataTable(id="speakers-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="speakers-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*COLUMNS)
        self.reload()

    def reload(self) -> None:
        """Read every document's speakers in a worker (all turns of the project), the table
        showing a loading indicator meanwhile (on opening, undo, redo, ctrl+r)."""
        read_then_show(self, [self.query_one(DataTable)], speakers.project_speakers,
                       self.show)

    def recount(self) -> None:
        """Read again at once, after a change made here (the next key acts on it)."""
        self.show(speakers.project_speakers(project_of(self).store))

    def show(self, rows: list[ProjectSpeaker]) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        self.rows = rows
        table.clear()
        for s in self.rows:
            sample = s.sample if len(s.sample) <= SAMPLE_CHARS else (
                s.sample[: SAMPLE_CHARS - 1] + "…")
            table.add_row(s.name, str(s.documents), str(s.turns), f"{s.share:.0%}", s.role,
                          sample, key=s.name)
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        mixed = sum(1 for s in self.rows if len(s.roles) > 1)
        status = f"{len(self.rows)} speakers across the project"
        if mixed:
            status += f" · {mixed} with different roles in different documents"
        self.query_one("#speakers-status", Label).update(
            status if self.rows else "No speakers yet: import transcripts first.")
        self._show_detail()

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        speaker = self.selected
        detail = self.query_one("#speakers-detail", Static)
        if speaker is None:
            detail.update("")
            return
        text = Text()
        text.append(f"{speaker.name}", style="bold")
        text.append(f"  {speaker.role} · {speaker.documents} document(s) · "
                    f"{speaker.turns} turns · {speaker.share:.0%} of the words\n")
        text.append("Why: ", style="bold")
        text.append(f"{speaker.evidence or 'no evidence recorded'}\n")
        text.append("Said: ", style="bold")
        text.append(f"“{speaker.sample}”" if speaker.sample else "(nothing long enough)")
        detail.update(text)

    @property
    def selected(self) -> ProjectSpeaker | None:
        row = self.query_one(DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def action_set_role(self, role: str) -> None:
        speaker = self.selected
        if speaker is None:
            return
        project = project_of(self)
        try:
            done = speakers.set_role_everywhere(project.store, speaker.name, Role(role),
                                                coder=project.coder)
        except QualcodeError as err:
            self.notify(str(err), severity="warning")
            return
        self.recount()
        self.notify(f"{speaker.name} is now {role} in {done.documents} document(s)",
                    timeout=3)

    def action_rename(self) -> None:
        speaker = self.selected
        if speaker is None:
            return

        def renamed(name: str | None) -> None:
            if not name or not name.strip() or name.strip() == speaker.name:
                return
            project = project_of(self)
            try:
                done = speakers.rename(project.store, speaker.name, name, coder=project.coder)
            except QualcodeError as err:
                self.notify(str(err), severity="warning")
                return
            self.recount()
            self.notify(f"{speaker.name} is now {name.strip()} in {done.documents} "
                        "document(s)", timeout=3)

        self.app.push_screen(Prompt(f"Rename {speaker.name} (an existing name merges)",
                                    speaker.name), renamed)

    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        return allowed_entries(self, self.BINDINGS)
