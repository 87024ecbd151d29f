"""What every screen and widget shares: the open project and who is coding.

Screens reach it as ``project_of(self)``; they pass it to services, which do every write in
one committed transaction before the screen shows the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from textual.dom import DOMNode
from textual.widget import Widget

from qualcode.core.errors import QualcodeError
from qualcode.store import Store

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


def project_of(node: DOMNode) -> Project:
    project: Project = node.app.project  # type: ignore[attr-defined]
    return project


def attempt(node: DOMNode, work: Callable[[], T]) -> T | None:
    """Run one service call; a user error becomes a notification instead of a crash."""
    try:
        return work()
    except QualcodeError as err:
        node.app.notify(str(err), severity="error", timeout=6)
        return None


def focus_now(widget: Widget) -> None:
    """Focus ``widget`` at once (``Widget.focus`` waits a turn of the loop), so keys typed
    right after the key that moved the focus already go to the new place."""
    widget.screen.set_focus(widget)
