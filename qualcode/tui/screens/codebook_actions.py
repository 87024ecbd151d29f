"""Editing the codebook from its tree: add, rename, move, recolour, pin, memo, merge, delete.

Every edit is one undoable service call (ctrl+z undoes it, as ``qualcode undo`` would).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from qualcode.codebook import normalise_colour
from qualcode.core.model import Code, MemoTarget
from qualcode.core.wording import plural
from qualcode.services import codes as code_service
from qualcode.services.retrieval import subtree_ids
from qualcode.tui.colours import PALETTE, SWATCH
from qualcode.tui.context import attempt, project_of, succeeds
from qualcode.tui.screens.code_picker import CodePicker, Picked
from qualcode.tui.screens.dialogs import Choose, Confirm, Prompt
from qualcode.tui.widgets.codebook_tree import CodebookTree

if TYPE_CHECKING:
    from qualcode.tui.screens.hosts import WorkbenchHost

    Base = WorkbenchHost
else:
    Base = object

PIN_KEYS = "123456789"
TYPE_COLOUR = "type"  # the colour chooser's last line: type one instead


class CodebookActions(Base):
    def on_codebook_tree_command(self, message: CodebookTree.Command) -> None:
        code = self.code_by_id.get(message.code_id) if message.code_id is not None else None
        if message.command == "add_top" or (message.command == "add_child" and code is None):
            self.add_code_under(None)
        elif code is None:
            self.notify("The codebook is empty: press A to add a code.", severity="warning")
        else:
            getattr(self, f"code_{message.command}")(code)

    def codebook_changed(self, highlight: int | None = None, message: str = "") -> None:
        self.load_codes()
        if highlight is not None:
            self.query_one(CodebookTree).show(self.codes,
                                              project_of(self).store.codings.count_by_code(),
                                              highlight)
            self.show_code_detail(highlight)
        self.reload_codings()
        if message:
            self.notify(message, timeout=3)

    def code_apply(self, code: Code) -> None:
        self.apply(code.id or 0)

    def add_code_under(self, parent: Code | None) -> None:
        where = f"under {self.paths.get(parent.id or 0)}" if parent else "at the top level"

        def named(name: str | None) -> None:
            if name and name.strip():
                made = self.create_code(name.strip(), parent)
                if made is not None:
                    self.codebook_changed(made.id)

        self.app.push_screen(Prompt(f"New code {where}", placeholder="name"), named)

    def code_add_child(self, code: Code) -> None:
        self.add_code_under(code)

    def code_rename(self, code: Code) -> None:
        def renamed(name: str | None) -> None:
            project = project_of(self)
            if name is None or name.strip() == code.name:
                return
            if attempt(self, lambda: code_service.update_code(
                    project.store, code, name=name, coder=project.coder)):
                self.codebook_changed(code.id, f"Renamed to {name.strip()}")

        self.app.push_screen(Prompt(f"Rename {self.paths.get(code.id or 0)}", code.name),
                             renamed)

    def code_move(self, code: Code) -> None:
        def moved(choice: Picked | None) -> None:
            if choice is None or (choice.code_id is None and not choice.top_level):
                return
            project = project_of(self)
            parent = self.code_by_id.get(choice.code_id) if choice.code_id else None
            if attempt(self, lambda: code_service.move_code(project.store, code, parent,
                                                            coder=project.coder)):
                self.codebook_changed(code.id, "Code moved.")

        store = project_of(self).store
        self.app.push_screen(CodePicker(
            f"Move {self.paths.get(code.id or 0)} under…", self.codes, self.paths,
            allow_new=False, top_level=True, exclude=subtree_ids(store, code.id or 0)), moved)

    def code_colour(self, code: Code) -> None:
        def coloured(text: str | None) -> None:
            if text is None:
                return
            colour = normalise_colour(text)
            if colour is None:
                self.notify(f"{text!r} is not a colour: use #rrggbb or a name like teal.",
                            severity="error")
                return
            project = project_of(self)
            if attempt(self, lambda: code_service.update_code(
                    project.store, code, colour=colour, coder=project.coder)):
                self.codebook_changed(code.id, "Colour changed.")

        def chosen(key: str | None) -> None:
            if key == TYPE_COLOUR:
                self.app.push_screen(Prompt(f"Colour of {code.name}", code.colour,
                                            "#rrggbb or a name (teal, navy, …)"), coloured)
            elif key is not None:
                coloured(key)

        options: list[tuple[str, Text | str]] = [
            (colour, Text.assemble((f"{SWATCH * 3} ", colour), colour))
            for colour in PALETTE]
        options.append((TYPE_COLOUR, "Another colour: type #rrggbb or a name…"))
        self.app.push_screen(Choose(f"Colour of {code.name}", options), chosen)

    def code_pin(self, code: Code) -> None:
        def pinned(key: str | None) -> None:
            if key is None:
                return
            key = key.strip()
            if key and key not in PIN_KEYS:
                self.notify("Pin to a key from 1 to 9 (empty to unpin).", severity="error")
                return
            taken = next((c for c in self.codes if key and c.shortcut == key
                          and c.id != code.id), None)
            if taken is not None:
                self.notify(f"{key} is pinned to {taken.name}; unpin it first.",
                            severity="error")
                return
            project = project_of(self)
            if attempt(self, lambda: code_service.update_code(
                    project.store, code, shortcut=key, coder=project.coder)):
                self.codebook_changed(code.id, f"{code.name} pinned to {key}." if key
                                      else f"{code.name} unpinned.")

        self.app.push_screen(Prompt(f"Number key for {code.name} (1-9, empty to unpin)",
                                    code.shortcut), pinned)

    def code_memo(self, code: Code) -> None:
        memos = project_of(self).store.memos.all(MemoTarget.CODE, code.id)
        self.edit_memo(MemoTarget.CODE, code.id or 0, memos[0].text if memos else "",
                       f"Memo on the code {self.paths.get(code.id or 0)}")

    def code_merge(self, code: Code) -> None:
        def target_chosen(choice: Picked | None) -> None:
            target = self.code_by_id.get(choice.code_id) if choice and choice.code_id else None
            if target is None:
                return
            count = project_of(self).store.codings.count_by_code().get(code.id or 0, 0)

            def confirmed(yes: bool | None) -> None:
                project = project_of(self)
                if yes and succeeds(self, lambda: code_service.merge_codes(
                        project.store, code, target, coder=project.coder)):
                    self.codebook_changed(target.id, f"Merged {code.name} into {target.name}.")

            self.app.push_screen(Confirm(
                f"Merge {self.paths.get(code.id or 0)} into {self.paths.get(target.id or 0)}?",
                f"{plural(count, 'coding')} move to {target.name}; {code.name} is deleted "
                "(ctrl+z undoes)."), confirmed)

        self.app.push_screen(CodePicker(
            f"Merge {self.paths.get(code.id or 0)} into…", self.codes, self.paths,
            allow_new=False, exclude=[code.id or 0]), target_chosen)

    def code_delete(self, code: Code) -> None:
        store = project_of(self).store
        doomed = subtree_ids(store, code.id or 0)
        counts = store.codings.count_by_code()
        codings = sum(counts.get(i, 0) for i in doomed)
        subs = f" and its {plural(len(doomed) - 1, 'sub-code')}" if len(doomed) > 1 else ""

        def confirmed(yes: bool | None) -> None:
            project = project_of(self)
            if yes and succeeds(self, lambda: code_service.delete_code(
                    project.store, code, coder=project.coder)):
                if self.filter_code in doomed:
                    self.filter_code = None
                self.codebook_changed(None, f"Deleted {code.name} (ctrl+z undoes).")

        self.app.push_screen(Confirm(f"Delete {self.paths.get(code.id or 0)}{subs}?",
                                     f"{plural(codings, 'coding')} will be removed "
                                     "(ctrl+z undoes)."),
                             confirmed)

    def code_filter(self, code: Code) -> None:
        self.action_filter(code.id)

    def code_retrieve(self, code: Code) -> None:
        self.action_retrieve(code.id)
