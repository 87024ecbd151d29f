"""The codebook as the synthesis sees it: each code marked ✎ when it has a finding and ★ with
the number of its key quotes. Enter on a code posts :class:`FindingTree.Edit` (the screen
opens its finding); a click only highlights it."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from qualcode.core.model import Code
from qualcode.tui.colours import SWATCH, code_colour
from qualcode.tui.widgets.code_nodes import fill_code_tree


class FindingTree(Tree[int]):
    BINDINGS = [Binding("enter", "edit", "Write the finding", show=False)]

    class Edit(Message):
        """Write the finding of ``code_id``."""

        def __init__(self, code_id: int) -> None:
            super().__init__()
            self.code_id = code_id

    def action_edit(self) -> None:
        if self.highlighted_code is not None:
            self.post_message(self.Edit(self.highlighted_code))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Codebook", id=id)
        self.show_root = False
        self.auto_expand = False  # space opens and closes a code

    @property
    def highlighted_code(self) -> int | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def show(self, codes: Sequence[Code], findings: Collection[int],
             quotes: Mapping[int, int], highlight: int | None = None) -> None:
        """Rebuild from ``codes`` (parents first), keeping what was open and highlighted.
        ``findings``: ids of codes with a finding; ``quotes``: key quotes per code id."""
        keep = highlight if highlight is not None else self.highlighted_code
        collapsed = {node.data for node in self._nodes_below(self.root)
                     if node.allow_expand and not node.is_expanded}
        self.clear()
        fill_code_tree(self, codes, lambda code: self.label_of(
            code, code.id in findings, quotes.get(code.id or 0, 0)), collapsed, keep)

    def _nodes_below(self, node: TreeNode[int]) -> list[TreeNode[int]]:
        found: list[TreeNode[int]] = []
        for child in node.children:
            found.append(child)
            found.extend(self._nodes_below(child))
        return found

    @staticmethod
    def label_of(code: Code, has_finding: bool, quotes: int) -> Text:
        """The marks first, so a long name cut at the panel's edge never hides them."""
        label = Text()
        label.append(f"{SWATCH} ", style=code_colour(code))
        if has_finding:
            label.append("✎", style="bold")
        if quotes:
            label.append(f"★{quotes}", style="bold dim")
        if has_finding or quotes:
            label.append(" ")
        label.append(code.name)
        return label
