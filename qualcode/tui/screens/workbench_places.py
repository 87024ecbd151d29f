"""Where the coder is in the workbench: opening a document where they last were, the jump
list (ctrl+o back, ctrl+f forward, kept by the app across areas), and the session restored
when the project is opened again. Mixed into
:class:`~qualcode.tui.screens.workbench.WorkbenchScreen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qualcode.core.errors import NotFound
from qualcode.core.session import JumpList, Place, Session
from qualcode.tui.context import Location, focus_now

if TYPE_CHECKING:
    from qualcode.tui.screens.workbench import WorkbenchScreen

    Base = WorkbenchScreen
else:
    Base = object


class PlaceActions(Base):
    def open_chosen(self, document_id: int) -> None:
        """Open a document where this coder last was in it (ctrl+o goes back)."""
        if self.document is not None and self.document.id != document_id:
            self.jumps.jumped(self.current_place())
        self.set_filter_code(None)
        was = self.session.position_in(document_id)
        self.open_document(document_id, select=(was.start, was.end) if was else None)
        if was is not None:
            self.centre_selection()
        focus_now(self.transcript)
        self.save_place()

    @property
    def session(self) -> Session:
        session: Session = self.app.session  # type: ignore[attr-defined]
        return session

    @property
    def jumps(self) -> JumpList:
        jumps: JumpList = self.app.jumps  # type: ignore[attr-defined]
        return jumps

    def current_place(self) -> Place | None:
        sel = self.transcript.selection
        if self.document is None or sel is None:
            return None
        return Place(self.document.id or 0, sel.start, sel.end)

    def set_filter_code(self, code_id: int | None) -> None:
        self.filter_code = code_id
        self.session.filter_code = code_id

    def save_place(self) -> None:
        self.app.save_session()  # type: ignore[attr-defined]

    def restore_session(self) -> None:
        """Back where this coder left off: the document, the selection and the filter (each
        skipped if it is gone from the project)."""
        place, session = self.session.place, self.session
        if place is None:
            return
        if session.filter_code in self.code_by_id:
            self.filter_code = session.filter_code
        try:
            self.open_document(place.document_id, select=(place.start, place.end))
        except NotFound:
            self.filter_code = None
            return
        self.centre_selection()
        focus_now(self.transcript)

    def show_location(self, location: Location | None, *, record: bool = True) -> None:
        """Open a place, centred; ``record`` leaves the place before it on the jump list."""
        if location is None:
            return
        if record:
            self.jumps.jumped(self.current_place(), Place(location.document_id,
                                                          location.start, location.end))
        if self.filter_code is not None:
            self.set_filter_code(None)
        self.open_document(location.document_id, select=(location.start, location.end))
        focus_now(self.transcript)
        self.centre_selection()  # also when that place was selected already
        self.save_place()

    def centre_selection(self) -> None:
        """Centre the selection now and again once laid out (a screen just mounted or a
        document just opened knows its size only after the next refresh)."""
        self.transcript.scroll_to_selection(centre=True)
        self.call_after_refresh(lambda: self.transcript.scroll_to_selection(centre=True))
