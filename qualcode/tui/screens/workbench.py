"""The coding workbench: documents and codebook on the left, the transcript and the codings of
the current turn on the right.

The screen owns the layout and the orchestration: widgets post messages, the screen calls the
services (each one committed transaction) and then shows what the project now holds. Coding
actions live in :mod:`.coding_actions`, codebook editing in :mod:`.codebook_actions`, code
suggestions in :mod:`.suggestion_actions`, the command palette in :mod:`.workbench_commands`,
each of those seeing this screen only through
:class:`~qualcode.tui.screens.hosts.WorkbenchHost` (no import back to this module); places and
the jump list are an object the screen owns (:class:`.workbench_places.Places`).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Header, OptionList, Tree

from qualcode.core.errors import NotFound
from qualcode.core.model import Code, Coding, Document, MemoTarget, Turn
from qualcode.core.session import Place
from qualcode.core.spans import overlaps
from qualcode.services.codes import code_paths, path_text
from qualcode.tui.context import Location, focus_now, project_of
from qualcode.tui.describe import document_rows, excerpt
from qualcode.tui.screens.area import AreaScreen
from qualcode.tui.screens.codebook_actions import CodebookActions
from qualcode.tui.screens.coder_filter import shown
from qualcode.tui.screens.coding_actions import CodingActions
from qualcode.tui.screens.suggestion_actions import SuggestionActions
from qualcode.tui.screens.workbench_commands import PaletteActions
from qualcode.tui.screens.workbench_places import Places
from qualcode.tui.widgets.code_detail import CodeDetail
from qualcode.tui.widgets.codebook_tree import CodebookTree
from qualcode.tui.widgets.coding_list import CodingList
from qualcode.tui.widgets.document_list import DocumentList
from qualcode.tui.widgets.key_footer import KeyFooter
from qualcode.tui.widgets.memo_panel import MemoPanel
from qualcode.tui.widgets.transcript import TranscriptView


class WorkbenchScreen(CodingActions, CodebookActions, SuggestionActions, PaletteActions,
                      AreaScreen):
    CSS_PATH = "workbench.tcss"
    AUTO_FOCUS = "#documents"
    BINDINGS = [
        # y and u show (first) in the footer while the selection is on a code suggestion.
        Binding("y", "accept_suggestion", "Accept", tooltip="Accept the code suggested here"),
        Binding("u", "reject_suggestion", "Reject", tooltip="Reject the code suggested here"),
        # Keys that open a dialog to type in, or move the focus, are priority bindings: they
        # act as the key arrives, so the keys typed right after go to the new place (see
        # screens/type_ahead.py). Keys a focused widget also binds (Enter, x, r, i, g) are
        # not, so the widget's meaning wins there.
        Binding("c", "code", "Code", priority=True, tooltip="Code the selection"),
        Binding("enter", "code", "Code", show=False),
        *[Binding(str(n), f"pinned('{n}')", f"Pinned code {n}", show=False)
          for n in range(1, 10)],
        Binding("x,delete", "remove", "Remove a coding here", show=False),
        Binding("r", "resize", "Resize a coding to the selection", show=False),
        Binding("m", "memo", "Memo", priority=True,
                tooltip="Memo on a coding (or on the highlighted code)"),
        Binding("D", "document_memo", "Memo on the document", show=False, priority=True),
        Binding("i", "important", "Key quote", tooltip="Mark or unmark a key quote"),
        Binding("f", "filter", "Filter", priority=True,
                tooltip="Show only one code's segments"),
        Binding("F", "unfilter", "Show the whole transcript", show=False),
        Binding("slash", "search", "Search", priority=True,
                tooltip="Search the project"),
        Binding("g", "retrieve", "Retrieve", tooltip="Retrieve a code's segments"),
        Binding("Y", "accept_suggestions_above", "Accept the suggestions above a confidence",
                show=False, priority=True),
        Binding("o", "next_suggestion(1)", "Next code suggestion", show=False),
        Binding("O", "next_suggestion(-1)", "Previous code suggestion", show=False),
        Binding("d", "focus('documents')", "Focus the documents", show=False, priority=True),
        Binding("b", "focus('codebook')", "Focus the codebook", show=False, priority=True),
        Binding("escape", "focus('transcript')", "Focus the transcript", show=False,
                priority=True),
        Binding("z", "maximise", "Maximise the transcript", show=False),
        Binding("V", "coders", "Whose codings to show", show=False,
                tooltip="Show or hide each coder's codings"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None
        self.turns: list[Turn] = []
        self.codings: list[Coding] = []
        self.codes: list[Code] = []
        self.code_by_id: dict[int, Code] = {}
        self.paths: dict[int, str] = {}
        self.filter_code: int | None = None
        self.hidden_coders: set[str] = set()  # colleagues whose codings are not shown
        self.places = Places(self)  # where the coder is, was, and jumped from
        self._documents_timer: Timer | None = None
        self._recount_all = False  # the pending recount is of every document

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="side"):
                yield DocumentList(id="documents")
                yield CodebookTree(id="codebook")
                yield CodeDetail(id="code-detail")
            with Vertical(id="centre"):
                yield TranscriptView(id="transcript")
                with Horizontal(id="turn-panel"):
                    yield CodingList(id="codings")
                    yield MemoPanel(id="memo")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#documents").border_title = "Documents"
        self.query_one("#codebook").border_title = "Codebook"
        self.query_one("#codings").border_title = "Codings in this turn"
        self.query_one("#memo").border_title = "Memo"
        self.transcript.border_title = "Transcript"
        self.reload()
        self.places.restore_session()

    def on_resize(self) -> None:
        self.set_class(self.size.height < 32, "-short")
        self.set_class(self.size.width < 100, "-narrow")

    def current_place(self) -> Place | None:
        return self.places.current()

    def show_location(self, location: Location | None, *, record: bool = True) -> None:
        self.places.show_location(location, record=record)

    @property
    def transcript(self) -> TranscriptView:
        return self.query_one("#transcript", TranscriptView)

    async def action_focus(self, target: str) -> None:  # async as Screen's: an override
        if target != "transcript":
            self.remove_class("-maximised")  # the documents or codebook are wanted: show them
        focus_now(self.query_one(f"#{target}"))

    def action_maximise(self) -> None:
        """The transcript on the whole screen (for 80x24), or the panels back."""
        self.toggle_class("-maximised")
        focus_now(self.transcript)
        self.call_after_refresh(self.transcript.scroll_to_selection)

    # -- loading from the project ----------------------------------------------------------
    def reload(self) -> None:
        """Show what the project holds now (also picks up a second process's changes)."""
        store = project_of(self).store
        self.load_codes()
        if self.query_one(DocumentList).shown_infos:  # coverage may follow a moment later
            self.refresh_documents_soon(every=True)
        else:
            self.refresh_documents()
        if self.document is not None:
            doc_id = self.document.id or 0
            try:
                turns = store.turns.all(doc_id)
                if not turns:
                    store.documents.get(doc_id)  # NotFound when it is gone
            except NotFound:  # another process deleted it
                self.document = None
                self.transcript.clear()
            else:
                if turns == self.turns:  # the usual case (undo, redo): only codings changed;
                    self.reload_codings()  # the text never does, so no new layout
                    self.show_suggestions()
                    self.update_status()
                else:  # e.g. a speaker's role changed elsewhere
                    self.open_document(doc_id, keep=True)
        self.refresh_panel(self.query_one(CodingList).highlighted_coding)
        self.sub_title = store.path.name

    def load_codes(self) -> None:
        store = project_of(self).store
        self.codes = store.codes.all()
        self.code_by_id = {c.id or 0: c for c in self.codes}
        self.paths = {i: path_text(p) for i, p in code_paths(self.codes).items()}
        if self.filter_code is not None and self.filter_code not in self.code_by_id:
            self.filter_code = None
        tree = self.query_one(CodebookTree)
        tree.show(self.codes, store.codings.count_by_code())
        self.show_code_detail(tree.highlighted_code)

    def refresh_documents(self, *, only_open: bool = False) -> None:
        """Reload the documents list; ``only_open`` recounts just the open document (a coding
        there changed), keeping the others as shown."""
        listed, current = self.query_one(DocumentList), self.document.id if self.document else None
        infos, details = document_rows(project_of(self).store, listed.shown_infos,
                                       current if only_open else None)
        listed.show(infos, details, current)

    def refresh_documents_soon(self, *, every: bool = False) -> None:
        """Coverage shares change with every coding; recount once typing pauses (``every``:
        all documents, e.g. after undo or ctrl+r, not just the open one)."""
        self._recount_all = self._recount_all or every
        if self._documents_timer is not None:
            self._documents_timer.stop()
        self._documents_timer = self.set_timer(0.4, self._recount_documents)

    def _recount_documents(self) -> None:
        every, self._recount_all = self._recount_all, False
        self.refresh_documents(only_open=not every)

    def open_document(self, document_id: int, *, keep: bool = False,
                      select: tuple[int, int] | None = None) -> None:
        store = project_of(self).store
        changed = self.document is None or self.document.id != document_id
        self.document = store.documents.get(document_id)
        self.turns = store.turns.all(document_id)
        self.codings = shown(store.codings.all(document_id=document_id), self.hidden_coders)
        self.transcript.show_document(self.document, self.turns, self.codings,
                                      self.code_by_id, self.visible_turns())
        self.show_suggestions()
        if select is not None:
            self.transcript.select_span(*select)
        self.transcript.border_title = self.document.name
        if changed and not keep:
            self.refresh_documents()
        self.update_status()

    def coding_changed(self, coding_id: int) -> None:
        """After one coding was added, changed or removed: read just that one back from the
        project (what was committed) and show it, highlighted in the panel."""
        store = project_of(self).store
        try:
            fresh: Coding | None = store.codings.get(coding_id)
        except NotFound:  # removed
            fresh = None
        if fresh is not None and (self.document is None
                                  or fresh.document_id != self.document.id
                                  or fresh.coder in self.hidden_coders):
            fresh = None  # not in the open document, or its coder is hidden
        kept = [c for c in self.codings if c.id != coding_id]
        if fresh is not None:
            kept.append(fresh)
        if self.document is None or self.filter_code is not None:
            self.reload_codings(coding_id, codings=kept)
            return
        # The usual case: repaint just that coding's lines, update just the counts that moved.
        self.codings = kept
        self.transcript.replace_coding(coding_id, fresh, self.code_by_id)
        self.refresh_counts()
        self.refresh_panel(coding_id)
        self.refresh_documents_soon()

    def reload_codings(self, changed: int | None = None, *,
                       codings: list[Coding] | None = None) -> None:
        """After codings changed: the transcript, the panel (highlighting the ``changed``
        coding), counts and coverage. ``codings``: the document's codings if already known."""
        store = project_of(self).store
        if self.document is not None:
            self.codings = shown(codings if codings is not None else store.codings.all(
                document_id=self.document.id), self.hidden_coders)
            visible = self.visible_turns()
            if visible is not None:
                self.transcript.show_document(self.document, self.turns, self.codings,
                                              self.code_by_id, visible)
            else:
                self.transcript.set_codings(self.codings, self.code_by_id)
        self.refresh_counts()
        self.refresh_panel(changed)
        self.refresh_documents_soon()

    def refresh_counts(self) -> None:
        """The codebook's codings counts (the tree relabels only the codes whose count moved)."""
        self.query_one(CodebookTree).show(self.codes,
                                          project_of(self).store.codings.count_by_code())

    # -- what the widgets say --------------------------------------------------------------
    @on(OptionList.OptionSelected, "#documents")
    def _document_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.places.open_chosen(int(event.option.id))

    def action_open_highlighted(self) -> None:
        chosen = self.query_one(DocumentList).highlighted_document
        if chosen is not None:
            self.places.open_chosen(chosen)

    @on(TranscriptView.SelectionChanged)
    def _selection_changed(self) -> None:
        self.refresh_panel()
        self.update_status()
        place = self.places.current()
        if place is not None:
            self.places.session.remember(place)

    @on(Tree.NodeHighlighted, "#codebook")
    def _code_highlighted(self, event: Tree.NodeHighlighted[int]) -> None:
        self.show_code_detail(event.node.data)

    @on(OptionList.OptionHighlighted, "#codings")
    def _coding_highlighted(self) -> None:
        self.show_memo()

    def show_code_detail(self, code_id: int | None) -> None:
        code = self.code_by_id.get(code_id) if code_id is not None else None
        memo = ""
        if code is not None:
            memos = project_of(self).store.memos.all(MemoTarget.CODE, code.id)
            memo = memos[0].text if memos else ""
        self.query_one(CodeDetail).show(code, self.paths.get(code_id or 0, ""), memo)

    def refresh_panel(self, prefer: int | None = None) -> None:
        sel = self.transcript.selection
        panel = self.query_one(CodingList)
        if sel is None or not self.turns:
            panel.show([], self.code_by_id, set())
        else:
            here = self.transcript.codings_in_turn(sel.turn)
            under = {c.id or 0 for c in here if overlaps((c.start, c.end), sel.span)}
            panel.show(here, self.code_by_id, under, prefer)
        self.show_memo()

    def show_memo(self) -> None:
        coding_id = self.query_one(CodingList).highlighted_coding
        coding = next((c for c in self.codings if c.id == coding_id), None)
        if coding is not None:  # say which coding: its code and how it begins
            code = self.code_by_id.get(coding.code_id)
            self._set_memo(f"Memo on {code.name if code else '?'} · "
                           f"“{excerpt(coding.text, 24)}”",
                           coding.memo or "No memo (m to write one).")
        elif self.document is not None:
            memos = project_of(self).store.memos.all(MemoTarget.DOCUMENT, self.document.id)
            self._set_memo("Memo on this document",
                           memos[0].text if memos else "No memo (D to write one).")
        else:
            self._set_memo("Memo", "")

    def _set_memo(self, title: str, text: str) -> None:
        self.query_one(MemoPanel).show(title, text)

    def update_status(self) -> None:
        sel = self.transcript.selection
        parts = []
        if sel is not None and self.turns:
            turn = self.turns[sel.turn]
            who = turn.speaker or "note"
            parts.append(f"turn {turn.index} · {who} · {sel.start}–{sel.end}")
        if self.filter_code is not None:
            parts.append(f"filter: {self.paths.get(self.filter_code, '?')} (F: show all)")
        suggested = self.suggestion_status()
        if suggested:
            parts.append(suggested)
        self.show_suggestion_keys(suggested is not None)
        self.transcript.border_subtitle = " · ".join(parts)

