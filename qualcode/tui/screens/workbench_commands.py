"""The workbench's entries in the command palette, made from the key bindings of the screen
and its widgets, so every key has its command: (title, help, action of the screen)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from qualcode.tui.commands import entries
from qualcode.tui.context import focus_now
from qualcode.tui.widgets.codebook_tree import CodebookTree
from qualcode.tui.widgets.coding_list import CodingList
from qualcode.tui.widgets.transcript import TranscriptView

if TYPE_CHECKING:
    from qualcode.tui.screens.hosts import WorkbenchHost

    Base = WorkbenchHost
else:
    Base = object


def palette(screen_bindings: list[BindingType]) -> list[tuple[str, str, str]]:
    return [
        *entries([b for b in screen_bindings
                  if isinstance(b, Binding) and not b.action.startswith("pinned")], "key"),
        *entries(TranscriptView.BINDINGS, "in the transcript",
                 "transcript('{action}')"),
        *entries(CodebookTree.BINDINGS, "in the codebook", "codebook('{action}')"),
        ("Memo on the code", "in the codebook: m", "codebook('memo')"),
        ("Filter by the code", "in the codebook: f", "codebook('filter')"),
        *entries(CodingList.BINDINGS, "in the codings list", "codings('{action}')"),
    ]


class PaletteActions(Base):
    """The workbench's palette entries, and the actions that reach into its widgets."""

    def action_codebook(self, command: str) -> None:
        tree = self.query_one(CodebookTree)
        tree.post_message(CodebookTree.Command(command, tree.highlighted_code))

    def action_transcript(self, action: str) -> None:
        focus_now(self.transcript)
        self.call_after_refresh(self.transcript.run_action, action)

    def action_codings(self, command: str) -> None:
        panel = self.query_one(CodingList)
        panel.post_message(CodingList.Command(command, panel.highlighted_coding))

    def palette_commands(self) -> Iterable[tuple[str, str, str]]:
        yield from palette(self.BINDINGS)
        for code in self.codes:
            if code.shortcut:
                yield (f"Code with {code.name}", f"pinned to key {code.shortcut}",
                       f"pinned('{code.shortcut}')")
