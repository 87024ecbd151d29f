"""Accepting a theme as a review: every passage of the theme listed with its text, ticked;
untick the ones that do not belong (or keep only those nobody has coded yet), then code the
rest. Gives the passages kept, or None when cancelled."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Label, SelectionList
from textual.widgets.selection_list import Selection

from qualcode.core.suggestions import Passage
from qualcode.core.wording import plural
from qualcode.tui.describe import excerpt

PASSAGE_CHARS = 160  # of each passage's text in the list (whole turns can be 600+)


class ThemeReview(ModalScreen[list[Passage] | None]):
    CSS_PATH = ["modals.tcss", "suggestion_dialogs.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "done", "Code the ticked passages"),
        Binding("ctrl+a", "tick(True)", "Tick all"),
        Binding("ctrl+n", "tick(False)", "Tick none"),
        Binding("ctrl+u", "toggle_uncoded", "Only uncoded"),
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def __init__(self, title: str, members: Sequence[Passage], texts: Sequence[str],
                 documents: dict[int, str], coded: Sequence[bool]) -> None:
        super().__init__()
        self.title_text = title
        self.members, self.texts = list(members), list(texts)
        self.documents, self.coded = documents, list(coded)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall", id="theme-review"):
            yield Label(self.title_text, classes="title")
            yield Checkbox(self._uncoded_label(False), False, id="review-uncoded", compact=True)
            yield SelectionList[int](*[self._selection(i) for i in range(len(self.members))],
                                     id="review-passages")
            yield Label(id="review-count", classes="hint")
            yield Label("space ticks · ctrl+a all · ctrl+n none · ctrl+u only uncoded · "
                        "ctrl+s code the ticked · Esc cancel", classes="hint")

    def _selection(self, i: int) -> Selection[int]:
        doc_id, start, end = self.members[i]
        prompt = Text()
        prompt.append(f"{self.documents.get(doc_id, '?')} {start}–{end}", style="bold")
        if self.coded[i]:
            prompt.append("  coded already", style="italic")
        prompt.append("\n")
        prompt.append(excerpt(self.texts[i], PASSAGE_CHARS), style="dim")
        return Selection(prompt, i, True)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self._count()

    @staticmethod
    def _uncoded_label(on: bool) -> str:
        # The state in words as well as the box: the compact box alone looked ticked when off.
        return f"Only passages nobody has coded yet: {'on' if on else 'off'}"

    @property
    def kept(self) -> list[Passage]:
        chosen = set(self.query_one(SelectionList).selected)
        return [m for i, m in enumerate(self.members) if i in chosen]

    @on(SelectionList.SelectedChanged)
    def _count(self) -> None:
        kept = len(self.query_one(SelectionList).selected)
        self.query_one("#review-count", Label).update(
            f"{kept} of {plural(len(self.members), 'passage')} ticked")

    @on(Checkbox.Changed, "#review-uncoded")
    def _uncoded(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = self._uncoded_label(event.value)
        passages = self.query_one(SelectionList)
        for i, coded in enumerate(self.coded):
            if event.value and coded:
                passages.deselect(i)
            elif not event.value:
                passages.select(i)

    def action_toggle_uncoded(self) -> None:
        self.query_one("#review-uncoded", Checkbox).toggle()

    def action_tick(self, on: bool) -> None:
        passages = self.query_one(SelectionList)
        passages.select_all() if on else passages.deselect_all()

    def action_done(self) -> None:
        kept = self.kept
        if not kept:
            self.notify("No passage is ticked: tick some (space), or Esc to cancel.",
                        severity="warning")
            return
        self.dismiss(kept)
