"""The qualcode workbench app: one factory (:func:`create_app`) for the CLI and the tests.

Each area of work is a Textual mode with its own screen stack, listed in :data:`AREAS`
(opened by its key and from the command palette). A new area is one more ``Area`` line; its
screen reaches the project with ``project_of(self)`` (qualcode.tui.context), may define
``reload()`` (called on ctrl+r, undo/redo and when the terminal regains focus) and
``palette_commands()`` (else its key bindings are offered), and shows a place in a
transcript with ``self.app.jump_to(Location(document_id, start, end))``.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from qualcode.core.errors import QualcodeError
from qualcode.core.session import JumpList, Place
from qualcode.core.wording import action_words
from qualcode.services import history
from qualcode.services.project import open_project
from qualcode.services.session import load_session, project_stamp, save_session
from qualcode.tui.commands import QualcodeCommands
from qualcode.tui.context import Location, Project, WorkbenchApp
from qualcode.tui.keymap import keymap_path, load_keymap, name_bindings
from qualcode.tui.parse_ahead import POLL_SECONDS, ParseAhead, enabled
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
        Binding("ctrl+o,alt+left", "jump_back", "Back to the place before a jump", show=False),
        Binding("ctrl+f,alt+right", "jump_forward", "Forward again", show=False),
        *[Binding(area.key, f"area('{area.mode}')", area.title, show=False) for area in AREAS],
    ]

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.theme = DARK
        # Where this coder was last time (restored by the areas as they open) and the places
        # left by jumps (ctrl+o goes back).
        self.session = load_session(project.store, project.coder)
        self.jumps = JumpList()
        self._left_at: dict[str, int] = {}  # area -> project stamp when the user left it
        self.parse_ahead = ParseAhead(project.path, project.coder)

    def on_mount(self) -> None:
        if self.project.store.read_only:  # newer, corrupt or on a read-only disk
            self.notify(self.project.store.read_only, severity="warning", timeout=12)
        area = self.session.area
        if area != self.current_mode and area in self.MODES:
            self.switch_mode(area)
        self.call_after_refresh(settle_heap)
        if enabled() and self.parse_ahead.start_if_needed(self.project.store):
            self.set_interval(POLL_SECONDS, self.parse_ahead.poll)

    # -- areas and places --------------------------------------------------------------------
    def action_area(self, mode: str) -> None:
        """Open an area. Areas stay mounted: one re-reads the project only when it changed
        since the user left it (a first visit reads it as the area mounts)."""
        if mode == self.current_mode:
            return
        self._left_at[self.current_mode] = project_stamp(self.project.store)
        first_visit = mode not in self._left_at
        self.switch_mode(mode)
        if first_visit:
            self.call_after_refresh(settle_heap)
        self.session.area = mode  # saved on quitting (no disk write in a switch)
        left = self._left_at.get(mode)
        if left is not None and left != project_stamp(self.project.store):
            self.call_after_refresh(self.action_reload)

    def jump_to(self, location: Location, *, record: bool = True) -> None:
        """Show a place in a transcript from any area (e.g. a suggestion's source); ``record``
        leaves the place shown before on the jump list."""
        self.action_area("workbench")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        screen = self.screen
        if isinstance(screen, WorkbenchScreen):
            screen.reload()
            screen.show_location(location, record=record)

    def action_jump_back(self) -> None:
        self._go(self.jumps.go_back)

    def action_jump_forward(self) -> None:
        self._go(self.jumps.go_forward)

    def _go(self, step: Callable[[Place | None], Place | None]) -> None:
        workbench = self.get_screen("workbench") if self.current_mode != "workbench" \
            else self.screen_stack[0]
        here = workbench.current_place() if isinstance(workbench, WorkbenchScreen) else None
        target = step(here)
        if target is None:
            self.notify("No place to go back to." if step == self.jumps.go_back
                        else "No place to go forward to.", timeout=2)
            return
        self.jump_to(Location(target.document_id, target.start, target.end), record=False)

    def save_session(self) -> None:
        # If it cannot be written (e.g. the file went read-only), a place is lost, no data.
        with suppress(QualcodeError, sqlite3.Error):
            save_session(self.project.store, self.project.coder, self.session)

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
        verb = "Undone" if done.message.startswith("undid") else "Redone"
        words = action_words(done.name, done.detail)
        # Whose it was, and what undo passed over, as the command line says in full.
        extra = done.message.split(")", 1)[1].strip(" ;") if ")" in done.message else ""
        self.notify(f"{verb}: {words}" + (f". {extra[:1].upper()}{extra[1:]}" if extra else ""),
                    timeout=3)

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
        """? and F1 open the keys, and close them again."""
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:  # one help screen, built once and kept: it opens at once after the first time
            if not self.is_screen_installed("help"):
                self.install_screen(HelpScreen(), "help")
            self.push_screen("help")

    def action_toggle_key_panel(self) -> None:
        """A panel of the keys docked at the side, kept open while working."""
        if self.screen.query("KeyPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        yield "Undo", "Undo the last change (same history as `qualcode undo`)", "undo"
        yield "Redo", "Redo the last undone change", "redo"
        yield "Reload", "Reload from the project file (picks up other processes' changes)", \
            "reload"
        yield "Help", "Show the keys", "help"
        yield "Back", "Back to the place before the last jump (ctrl+o)", "jump_back"
        yield "Forward", "Forward again to the place of the jump (ctrl+f)", "jump_forward"
        yield "Key panel", "Show or hide a panel of the keys docked at the side", \
            "toggle_key_panel"
        yield "Light or dark theme", "Switch between the light and the dark theme", \
            "toggle_theme"
        for area in AREAS:
            yield f"Go to: {area.title}", f"Open the {area.title.lower()} ({area.key})", \
                f"area('{area.mode}')"

    def on_unmount(self) -> None:
        self.parse_ahead.stop()  # waits for the worker to store what it parsed
        self.save_session()
        self.project.store.close()


def settle_heap() -> None:
    """Keep what the app has built so far out of the garbage collector's full passes: with
    every area's widgets and a long transcript's lines on the heap, one full pass took
    0.3-0.4 s, a frozen frame whenever it fell. What is frozen is still freed when no longer
    used (only reference cycles among it stay); called at start and on each area's first
    visit, a bounded few times."""
    gc.freeze()


def create_app(project_path: Path, coder: str, keys: Path | None = None) -> QualcodeApp:
    """The workbench on an existing project; every change is saved as it is made. ``keys``:
    the user's key remapping file (default: see :mod:`qualcode.tui.keymap`)."""
    keymap = load_keymap(keys or keymap_path(), name_bindings())  # before the project opens
    store = open_project(Path(project_path))
    app = QualcodeApp(Project(store=store, coder=coder, path=Path(project_path)))
    app.set_keymap(keymap)
    return app


def run(project_path: Path, coder: str) -> None:
    create_app(project_path, coder).run()


if TYPE_CHECKING:
    def _serves_screens(app: QualcodeApp) -> WorkbenchApp:
        return app  # the type checker confirms the app is what app_of() promises the screens
