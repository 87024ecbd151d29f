"""Keys typed before a dialog's field has focus (e.g. "c" then "peer", typed fast) reach the
dialog's screen; this mixin hands them to the field instead of dropping them.

It works with keys that open the dialog through a *priority* binding: those run as the key
arrives, so the keys after it are routed to the new screen rather than the old one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual import events
from textual.widgets import Input, TextArea

ResultT = TypeVar("ResultT")

if TYPE_CHECKING:
    from textual.screen import Screen

    class _Base(Screen[ResultT]):
        pass
else:
    # A plain mixin at run time: Textual inherits CSS along the first DOMNode base only, so a
    # Screen base here would hide ModalScreen's styles from the dialogs that use this mixin.
    class _Base(Generic[ResultT]):
        pass


class TypeAhead(_Base[ResultT]):
    """Generic in the dialog's result, so that ``push_screen`` checks the callback against
    the dialog's own result type (name it in the bases: ``TypeAhead[str | None]``)."""

    TYPE_AHEAD = "Input"  # selector of the field that receives early keys

    def on_key(self, event: events.Key) -> None:
        if self.focused is not None:
            return
        field = self.query_one(self.TYPE_AHEAD)
        if event.character and event.character.isprintable():
            if isinstance(field, TextArea):
                field.insert(event.character)
            elif isinstance(field, Input):
                field.insert_text_at_cursor(event.character)
        elif event.key == "backspace" and isinstance(field, Input | TextArea):
            field.action_delete_left()
        elif event.key == "enter" and isinstance(field, Input):
            # Input's submit action is a coroutine: schedule it rather than drop it unawaited.
            self.call_later(field.action_submit)
        else:
            return
        event.stop()
        event.prevent_default()
        self.set_focus(field)
