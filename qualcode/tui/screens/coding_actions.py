"""Coding from the workbench: apply a code (picker or pinned key), remove, resize, memo, key
quote, filter, search and retrieval. Each change is one service call, committed before the
screen reloads what the project holds."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code, Coding, MemoTarget
from qualcode.core.spans import overlaps
from qualcode.core.suggestions import CodeSuggestion
from qualcode.services import codes as code_service
from qualcode.services import coding as coding_service
from qualcode.services.retrieval import recent_code_ids, subtree_ids
from qualcode.tui.colours import SWATCH, code_colour
from qualcode.tui.context import Location, attempt, focus_now, project_of, succeeds
from qualcode.tui.describe import excerpt
from qualcode.tui.screens.code_picker import CodePicker, Picked
from qualcode.tui.screens.coder_filter import CoderFilter
from qualcode.tui.screens.dialogs import Choose
from qualcode.tui.screens.memo_editor import MemoEditor
from qualcode.tui.screens.retrieval import RetrievalScreen
from qualcode.tui.screens.search import SearchScreen
from qualcode.tui.widgets.codebook_tree import CodebookTree
from qualcode.tui.widgets.coding_list import CodingList

if TYPE_CHECKING:
    from qualcode.tui.screens.hosts import WorkbenchHost

    Base = WorkbenchHost
else:
    Base = object


CODING_PICKER = "coding-picker"  # the installed picker that c opens
T = TypeVar("T", Coding, CodeSuggestion)  # a coded span the user may choose among


class CodingActions(Base):
    # -- applying codes --------------------------------------------------------------------
    def action_code(self) -> None:
        sel = self.transcript.selection
        if sel is None or self.document is None:
            self.notify("Open a document and select some text first.", severity="warning")
            return
        store = project_of(self).store
        text = excerpt(self.document.text[sel.start:sel.end], 50)
        title, recent = f"Code “{text}”", recent_code_ids(store, project_of(self).coder)
        if not self.app.is_screen_installed(CODING_PICKER):  # one picker, kept: see reopen
            self.app.install_screen(CodePicker(title, self.codes, self.paths, recent),
                                    CODING_PICKER)
        picker = self.app.get_screen(CODING_PICKER)
        assert isinstance(picker, CodePicker)
        picker.reopen(title, self.codes, self.paths, recent)
        self.app.push_screen(picker, self._picked_for_coding)

    def _picked_for_coding(self, picked: Picked | None) -> None:
        if picked is None:
            return
        code_id = picked.code_id
        if picked.new_name is not None:
            created = self.create_code(picked.new_name)
            if created is None:
                return
            code_id = created.id
        if code_id is not None:
            self.apply(code_id)

    def create_code(self, name: str, parent: Code | None = None) -> Code | None:
        """A new code; ``"Parent > Child"`` puts it under an existing code."""
        project = project_of(self)
        head, sep, tail = name.rpartition(code_service.PATH_SEPARATOR.strip())
        if sep and head.strip() and parent is None:
            found = attempt(self, lambda: code_service.find_code(project.store, head.strip()))
            if found is None:
                return None
            parent, name = found, tail
        made = attempt(self, lambda: code_service.add_code(
            project.store, name, parent=parent, coder=project.coder))
        if made is not None:
            self.load_codes()
            self.notify(f"New code: {self.paths.get(made.id or 0, made.name)}")
        return made

    def apply(self, code_id: int) -> None:
        sel, doc = self.transcript.selection, self.document
        code = self.code_by_id.get(code_id)
        if sel is None or doc is None or code is None:
            self.notify("Select some text in a transcript first.", severity="warning")
            return
        project = project_of(self)
        done = attempt(self, lambda: coding_service.apply_code(
            project.store, doc, code, sel.start, sel.end, coder=project.coder))
        if done is not None:
            self.coding_changed(done.id or 0)
            self.notify(f"Coded: {self.paths.get(code_id, code.name)}", timeout=2)

    def action_pinned(self, key: str) -> None:
        code = next((c for c in self.codes if c.shortcut == key), None)
        if code is None:
            self.notify(f"No code is pinned to {key} (pin one with p in the codebook).",
                        severity="warning")
            return
        self.apply(code.id or 0)

    # -- codings under the selection -------------------------------------------------------
    def on_coding_list_command(self, message: CodingList.Command) -> None:
        """A key on the codings list: act on its highlighted coding."""
        coding = next((c for c in self.codings if c.id == message.coding_id), None)
        if coding is None:
            return
        if message.command == "show":
            self.transcript.select_span(coding.start, coding.end)
            focus_now(self.transcript)
        else:
            getattr(self, f"action_{message.command}")(coding.id)

    def codings_here(self) -> list[Coding]:
        sel = self.transcript.selection
        if sel is None:
            return []
        return [c for c in self.codings if overlaps((c.start, c.end), sel.span)]

    def with_coding(self, title: str, then: Callable[[Coding], None],
                    coding_id: int | None = None) -> None:
        """Act on one coding: the given one, the only one here, or one the user chooses."""
        if coding_id is not None:
            found = [c for c in self.codings if c.id == coding_id]
        else:
            found = self.codings_here()
            sel = self.transcript.selection
            exact = [c for c in found if sel is not None and (c.start, c.end) == sel.span]
            mine = [c for c in exact if c.coder == project_of(self).coder]
            # The coding that is exactly the selection (e.g. the one just made) goes first.
            found = mine if len(mine) == 1 else exact if len(exact) == 1 else found
        if not found:
            self.notify("No coding here.", severity="warning")
        else:
            self.choose_span(title, found, "", then)

    def choose_span(self, title: str, items: list[T], detail: str,
                    then: Callable[[T], None]) -> None:
        """``then`` the only item, or the one the user picks; each item (a coding or a code
        suggestion) is shown by its code, ``detail`` formatted with it, and its text."""
        if len(items) == 1:
            then(items[0])
            return
        options = []
        for item in items:
            code = self.code_by_id.get(item.code_id)
            prompt = Text()
            prompt.append(f"{SWATCH} ", style=code_colour(code) if code else "")
            prompt.append(self.paths.get(item.code_id, "?"), style="bold")
            prompt.append(f"  {detail.format(item=item)}“{excerpt(item.text, 50)}”", style="dim")
            options.append((str(item.id), prompt))

        def chosen(key: str | None) -> None:
            match = next((i for i in items if str(i.id) == key), None)
            if match is not None:
                then(match)

        self.app.push_screen(Choose(title, options), chosen)

    def action_remove(self, coding_id: int | None = None) -> None:
        def remove(coding: Coding) -> None:
            project = project_of(self)
            if succeeds(self, lambda: coding_service.remove_coding(
                    project.store, coding, coder=project.coder)):
                self.coding_changed(coding.id or 0)
                self.notify(f"Removed: {self.paths.get(coding.code_id, '?')} (ctrl+z undoes)",
                            timeout=3)

        self.with_coding("Remove which coding?", remove, coding_id)

    def action_resize(self, coding_id: int | None = None) -> None:
        sel = self.transcript.selection
        if sel is None:
            return

        def resize(coding: Coding) -> None:
            project = project_of(self)
            if (coding.start, coding.end) == sel.span:
                self.notify("The coding already covers the selection.", severity="warning")
                return
            if attempt(self, lambda: coding_service.resize_coding(
                    project.store, coding, sel.start, sel.end, coder=project.coder)):
                self.coding_changed(coding.id or 0)
                self.notify("Coding resized to the selection.", timeout=2)

        self.with_coding("Resize which coding to the selection?", resize, coding_id)

    def action_important(self, coding_id: int | None = None) -> None:
        def toggle(coding: Coding) -> None:
            project = project_of(self)
            if attempt(self, lambda: coding_service.set_important(
                    project.store, coding, not coding.important, coder=project.coder)):
                self.coding_changed(coding.id or 0)
                self.notify("Marked as a key quote." if not coding.important
                            else "No longer a key quote.", timeout=2)

        self.with_coding("Mark which coding as a key quote?", toggle, coding_id)

    def action_memo(self, coding_id: int | None = None) -> None:
        """A memo on what has focus: the highlighted code or coding, else a coding here."""
        focused = self.focused
        if coding_id is None and isinstance(focused, CodebookTree):
            code = self.code_by_id.get(focused.highlighted_code or 0)
            if code is not None:
                self.code_memo(code)
            return
        if coding_id is None and isinstance(focused, CodingList):
            coding_id = focused.highlighted_coding

        def edit(coding: Coding) -> None:
            self.edit_memo(MemoTarget.CODING, coding.id or 0, coding.memo,
                           f"Memo on {self.paths.get(coding.code_id, '?')}",
                           f"“{excerpt(coding.text, 70)}”")

        self.with_coding("Memo on which coding?", edit, coding_id)

    def action_document_memo(self) -> None:
        if self.document is None:
            return
        memos = project_of(self).store.memos.all(MemoTarget.DOCUMENT, self.document.id)
        self.edit_memo(MemoTarget.DOCUMENT, self.document.id or 0,
                       memos[0].text if memos else "", f"Memo on {self.document.name}")

    def edit_memo(self, target: MemoTarget, target_id: int, text: str, title: str,
                  context: str = "") -> None:
        changed = target_id if target is MemoTarget.CODING else None

        def save(new: str | None) -> None:
            if new is None or new.strip() == text.strip():
                return
            project = project_of(self)
            try:
                coding_service.set_memo(project.store, target, target_id, new,
                                        coder=project.coder)
            except QualcodeError as err:
                self.notify(str(err), severity="error")
                return
            if changed is not None:
                self.coding_changed(changed)
            else:
                self.reload_codings()
            if target is MemoTarget.CODE:
                self.show_code_detail(target_id)
            self.notify("Memo saved." if new.strip() else "Memo removed.", timeout=2)

        self.app.push_screen(MemoEditor(title, text, context), save)

    def action_coders(self) -> None:
        """Choose whose codings to show (your own always show: what you code must appear)."""
        project = project_of(self)
        counts: dict[str, int] = {}
        for coding in project.store.codings.all():
            counts[coding.coder] = counts.get(coding.coder, 0) + 1
        coders = sorted(counts.items(), key=lambda kv: (kv[0] != project.coder, kv[0]))

        def chosen(hidden: set[str] | None) -> None:
            if hidden is None:
                return
            if project.coder in hidden:
                hidden.discard(project.coder)
                self.notify("Your own codings always show.", timeout=3)
            self.hidden_coders = hidden
            self.reload_codings()
            self.update_status()

        self.app.push_screen(CoderFilter(coders, self.hidden_coders, project.coder), chosen)

    # -- finding things --------------------------------------------------------------------
    def action_filter(self, code_id: int | None = None) -> None:
        """Filter by a code: the one given or highlighted in the tree, else one picked."""
        if code_id is None and isinstance(self.focused, CodebookTree):
            code_id = self.focused.highlighted_code
        if code_id is not None:
            self.set_filter(code_id)
            return

        def picked(choice: Picked | None) -> None:
            if choice is not None and choice.code_id is not None:
                self.set_filter(choice.code_id)

        self.app.push_screen(CodePicker("Show only the segments of…", self.codes, self.paths,
                                        allow_new=False), picked)

    def set_filter(self, code_id: int | None) -> None:
        self.places.set_filter_code(code_id)
        if self.document is not None:
            visible = self.visible_turns()
            if visible is not None and not visible:
                self.notify("That code has no codings in this document.", severity="warning")
            self.transcript.show_document(self.document, self.turns, self.codings,
                                          self.code_by_id, visible)
        self.update_status()

    def visible_turns(self) -> set[int] | None:
        """With a code filter: only the turns holding that code's codings."""
        if self.filter_code is None or self.document is None:
            return None
        ids = set(subtree_ids(project_of(self).store, self.filter_code))
        starts = [t.start for t in self.turns]
        shown: set[int] = set()
        for c in self.codings:
            if c.code_id in ids:
                first = max(0, bisect_right(starts, c.start) - 1)
                shown.update(range(first, max(first, bisect_right(starts, c.end - 1) - 1) + 1))
        return shown

    def action_unfilter(self) -> None:
        self.set_filter(None)

    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(), self.show_location)

    def action_retrieve(self, code_id: int | None = None) -> None:
        if code_id is None:
            here = self.codings_here()
            code_id = here[0].code_id if here else self.query_one(CodebookTree).highlighted_code
        self.app.push_screen(RetrievalScreen(code_id), self._retrieved)

    def _retrieved(self, location: Location | None) -> None:
        self.load_codes()  # the retrieval screen may have shown codes changed elsewhere
        self.show_location(location)
