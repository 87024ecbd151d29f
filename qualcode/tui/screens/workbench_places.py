"""Where the coder is in the workbench: opening a document where they last were, the jump
list (ctrl+o back, ctrl+f forward, kept by the app across areas), and the session restored
when the project is opened again.

:class:`Places` is an object the workbench owns, built with :class:`PlacesHost`: the little
it needs of the screen (no import of the screen, so no import cycle).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from qualcode.core.errors import NotFound
from qualcode.core.model import Code, Document
from qualcode.core.session import JumpList, Place, Session
from qualcode.tui.context import Location, focus_now
from qualcode.tui.widgets.transcript import TranscriptView


class PlacesHost(Protocol):
    """What :class:`Places` needs of the workbench screen."""

    document: Document | None
    code_by_id: dict[int, Code]
    filter_code: int | None

    @property
    def app(self) -> Any: ...  # the QualcodeApp: its session, jump list and saving
    @property
    def transcript(self) -> TranscriptView: ...
    def open_document(self, document_id: int, *, keep: bool = False,
                      select: tuple[int, int] | None = None) -> None: ...
    def call_after_refresh(self, callback: Callable[..., object], *args: Any) -> bool: ...


class Places:
    def __init__(self, screen: PlacesHost) -> None:
        self.screen = screen

    @property
    def session(self) -> Session:
        session: Session = self.screen.app.session
        return session

    @property
    def jumps(self) -> JumpList:
        jumps: JumpList = self.screen.app.jumps
        return jumps

    def open_chosen(self, document_id: int) -> None:
        """Open a document where this coder last was in it (ctrl+o goes back)."""
        screen = self.screen
        if screen.document is not None and screen.document.id != document_id:
            self.jumps.jumped(self.current())
        self.set_filter_code(None)
        was = self.session.position_in(document_id)
        screen.open_document(document_id, select=(was.start, was.end) if was else None)
        if was is not None:
            self.centre_selection()
        focus_now(screen.transcript)
        self.save()

    def current(self) -> Place | None:
        sel, document = self.screen.transcript.selection, self.screen.document
        if document is None or sel is None:
            return None
        return Place(document.id or 0, sel.start, sel.end)

    def set_filter_code(self, code_id: int | None) -> None:
        self.screen.filter_code = code_id
        self.session.filter_code = code_id

    def save(self) -> None:
        self.screen.app.save_session()

    def restore_session(self) -> None:
        """Back where this coder left off: the document, the selection and the filter (each
        skipped if it is gone from the project)."""
        place, session, screen = self.session.place, self.session, self.screen
        if place is None:
            return
        if session.filter_code in screen.code_by_id:
            screen.filter_code = session.filter_code
        try:
            screen.open_document(place.document_id, select=(place.start, place.end))
        except NotFound:
            screen.filter_code = None
            return
        self.centre_selection()
        focus_now(screen.transcript)

    def show_location(self, location: Location | None, *, record: bool = True) -> None:
        """Open a place, centred; ``record`` leaves the place before it on the jump list."""
        if location is None:
            return
        if record:
            self.jumps.jumped(self.current(), Place(location.document_id,
                                                    location.start, location.end))
        if self.screen.filter_code is not None:
            self.set_filter_code(None)
        self.screen.open_document(location.document_id,
                                  select=(location.start, location.end))
        focus_now(self.screen.transcript)
        self.centre_selection()  # also when that place was selected already
        self.save()

    def centre_selection(self) -> None:
        """Centre the selection now and again once laid out (a screen just mounted or a
        document just opened knows its size only after the next refresh)."""
        transcript = self.screen.transcript
        transcript.scroll_to_selection(centre=True)
        self.screen.call_after_refresh(lambda: transcript.scroll_to_selection(centre=True))
