"""The qualcode workbench app: one factory (:func:`create_app`) for the CLI and the tests.

Each area of work is a Textual mode with its own screen stack, listed in :data:`AREAS`
(opened by its key and from the command palette). A new area is one more ``Area`` line; its
screen reaches the project with ``project_of(self)`` (qualcode.tui.context), may define
``reload()`` (called on ctrl+r, undo/redo and when the terminal regains focus) and
``palette_commands()`` (else its key bindings are offered), and shows a place in a
transcript with ``self.app.jump_to(Location(document_id, start, end))``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from qualcode.core.errors import QualcodeError
from qualcode.services import history
from qualcode.services.project import open_project
from qualcode.tui.commands import QualcodeCommands
from qualcode.tui.context import Location, Project
from qualcode.tui.screens.analysis import AnalysisScreen
from qualcode.tui.screens.help import HelpScreen
from qualcode.tui.screens.privacy import PrivacyScreen
from qualcode.tui.screens.speakers import SpeakersScreen
from qualcode.tui.screens.suggestions import SuggestionsScreen
from qualcode.tui.screens.synthesis import SynthesisScreen
from qualcode.tui.screens.team import TeamScreen
from qualcode.tui.screens.workbench import WorkbenchScreen


@dataclass(frozen=True)
class Area:
    mode: str
    title: str
    key: str
    screen: Callable[[], Screen[None]]


AREAS: list[Area] = [
    Area("workbench", "Coding workbench", "f2", WorkbenchScreen),
    Area("suggestions", "Suggestions", "f3", SuggestionsScreen),
    Area("synthesis", "Synthesis", "f4", SynthesisScreen),
    Area("analysis", "Analysis", "f5", AnalysisScreen),
    Area("speakers", "Speakers", "f6", SpeakersScreen),
    Area("team", "Team: agreement and disagreements", "f7", TeamScreen),
    Area("privacy", "Privacy: identifiers and pseudonyms", "f8", PrivacyScreen),
]

DARK, LIGHT = "textual-dark", "textual-light"


class QualcodeApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "qualcode"
    MODES = {area.mode: area.screen for area in AREAS}
    DEFAULT_MODE = AREAS[0].mode
    COMMANDS = App.COMMANDS | {QualcodeCommands}
    BINDINGS = [
        Binding("ctrl+z", "undo", "Undo"),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("ctrl+r", "reload", "Reload", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        *[Binding(area.key, f"area('{area.mode}')", area.title, show=False) for area in AREAS],
    ]

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.theme = DARK

    # -- areas and places --------------------------------------------------------------------
    def action_area(self, mode: str) -> None:
        self.switch_mode(mode)
        self.call_after_refresh(self.action_reload)

    def jump_to(self, location: Location) -> None:
        """Show a place in a transcript from any area (e.g. a suggestion's source)."""
        self.switch_mode("workbench")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        screen = self.screen
        if isinstance(screen, WorkbenchScreen):
            screen.reload()
            screen.show_location(location)

    # -- the event log -----------------------------------------------------------------------
    def action_undo(self) -> None:
        self._step(history.undo)

    def action_redo(self) -> None:
        self._step(history.redo)

    def _step(self, step: Callable[..., history.Step]) -> None:
        """Undo or redo this coder's own action; the message says whose it was."""
        try:
            done = step(self.project.store, self.project.coder)
        except QualcodeError as err:
            self.notify(str(err), severity="warning", timeout=6)
            return
        self.action_reload()
        self.notify(done.message[:1].upper() + done.message[1:], timeout=3)

    # -- keeping up with the project file ------------------------------------------------------
    def action_reload(self) -> None:
        """Show what the project file holds now, e.g. after another qualcode changed it."""
        for screen in self.screen_stack[::-1]:
            reload = getattr(screen, "reload", None)
            if reload is not None:
                reload()
                break

    def on_app_focus(self, event: events.AppFocus) -> None:
        self.action_reload()

    # -- the rest ------------------------------------------------------------------------------
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        yield "Undo", "Undo the last change (same history as `qualcode undo`)", "undo"
        yield "Redo", "Redo the last undone change", "redo"
        yield "Reload", "Reload from the project file (picks up other processes' changes)", \
            "reload"
        yield "Help", "Show the keys", "help"
        yield "Light or dark theme", "Switch between the light and the dark theme", \
            "toggle_theme"
        for area in AREAS:
            yield f"Go to: {area.title}", f"Open the {area.title.lower()} ({area.key})", \
                f"area('{area.mode}')"

    def on_mount(self) -> None:
        if self.project.store.read_only:  # newer, corrupt or on a read-only disk
            self.notify(self.project.store.read_only, severity="warning", timeout=12)

    def on_unmount(self) -> None:
        self.project.store.close()


def create_app(project_path: Path, coder: str) -> QualcodeApp:
    """The workbench on an existing project; every change is saved as it is made."""
    store = open_project(Path(project_path))
    return QualcodeApp(Project(store=store, coder=coder, path=Path(project_path)))


def run(project_path: Path, coder: str) -> None:
    create_app(project_path, coder).run()
