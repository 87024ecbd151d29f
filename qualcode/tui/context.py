"""What every screen and widget shares: the open project and who is coding.

Screens reach it as ``project_of(self)``; they pass it to services, which do every write in
one committed transaction before the screen shows the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from textual.dom import DOMNode
from textual.widget import Widget

from qualcode.core.errors import QualcodeError
from qualcode.store import Store

if TYPE_CHECKING:
    from qualcode.core.session import JumpList, Session

T = TypeVar("T")


@dataclass
class Project:
    store: Store
    coder: str
    path: Path


@dataclass(frozen=True)
class Location:
    """A place in a document to show: the workbench opens it and selects the span."""

    document_id: int
    start: int
    end: int


class WorkbenchApp(Protocol):
    """What screens ask of the running app (qualcode.tui.app.QualcodeApp, which they do not
    import: it imports them)."""

    project: Project
    session: Session  # where this coder was in each document
    jumps: JumpList

    def jump_to(self, location: Location, *, record: bool = True) -> None: ...
    def save_session(self) -> None: ...
    def action_area(self, mode: str) -> None: ...
    def action_reload(self) -> None: ...


def app_of(node: DOMNode) -> WorkbenchApp:
    # Textual types ``node.app`` as a plain App; ours is always the QualcodeApp.
    return cast("WorkbenchApp", node.app)


def project_of(node: DOMNode) -> Project:
    return app_of(node).project


def attempt(node: DOMNode, work: Callable[[], T]) -> T | None:
    """Run one service call; a user error becomes a notification instead of a crash."""
    try:
        return work()
    except QualcodeError as err:
        node.app.notify(str(err), severity="error", timeout=6)
        return None


def succeeds(node: DOMNode, work: Callable[[], object]) -> bool:
    """Run one service call for its effect: False (after the notification) on a user error."""

    def done() -> bool:
        work()
        return True

    return bool(attempt(node, done))


def focus_now(widget: Widget) -> None:
    """Focus ``widget`` at once (``Widget.focus`` waits a turn of the loop), so keys typed
    right after the key that moved the focus already go to the new place."""
    widget.screen.set_focus(widget)
