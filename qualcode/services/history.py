"""Undo and redo, through the project's event log (shared by the CLI and the TUI)."""

from __future__ import annotations

from qualcode.core.errors import QualcodeError
from qualcode.core.views import ActionInfo
from qualcode.store import Store


def undo(store: Store) -> ActionInfo:
    done = store.undo()
    if done is None:
        raise QualcodeError("nothing to undo")
    return done


def redo(store: Store) -> ActionInfo:
    done = store.redo()
    if done is None:
        raise QualcodeError("nothing to redo")
    return done
