"""Undo and redo of the current coder's own actions (shared by the CLI and the TUI).

Every message says whose action was undone or redone; a step that would overwrite someone
else's later change is refused by the store with one line (``history.Conflict``). Actions that
cannot be undone (imports, suggestion runs) are passed over, and the message says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from qualcode.core.errors import QualcodeError
from qualcode.core.views import ActionInfo
from qualcode.store import Store
from qualcode.store.history import not_undoable_since, pending


@dataclass(frozen=True)
class Step:
    action: ActionInfo
    message: str  # e.g. "undid: code Funding @ a.txt:0-12 (ana's action)"

    # The TUI reads these off whatever undo/redo returns.
    @property
    def name(self) -> str:
        return self.action.name

    @property
    def detail(self) -> str:
        return self.action.detail


def undo(store: Store, coder: str | None = None) -> Step:
    """Undo ``coder``'s latest undoable action (anyone's when None)."""
    done = store.undo(coder)
    if done is None:
        raise QualcodeError(_nothing("undo", store, coder, "done"))
    message = f"undid: {_what(done)}"
    kept = not_undoable_since(store.conn, done.id, coder)
    if kept:
        names = ", ".join(f"'{_what(a)}'" for a in kept[-3:])
        message += (f"; the later {names} cannot be undone and stays" if len(kept) == 1 else
                    f"; the later {names} cannot be undone and stay")
    return Step(done, message)


def redo(store: Store, coder: str | None = None) -> Step:
    """Redo ``coder``'s earliest undone action (anyone's when None)."""
    done = store.redo(coder)
    if done is None:
        raise QualcodeError(_nothing("redo", store, coder, "undone"))
    return Step(done, f"redid: {_what(done)}")


def _nothing(verb: str, store: Store, coder: str | None, state: str) -> str:
    if coder is not None and pending(store.conn, state, None) is not None:
        return f"nothing of {coder}'s to {verb} (other coders' actions are theirs to {verb})"
    return f"nothing to {verb}"


def _what(action: ActionInfo) -> str:
    what = f"{action.name} {action.detail}".strip()
    return f"{what} ({action.coder}'s action)" if action.coder else what
