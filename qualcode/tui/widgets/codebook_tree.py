"""The codebook as a tree: each code with its colour, pinned number key and codings count.

Keys act on the highlighted code by posting :class:`CodebookTree.Command`; the screen does
the work (through the codebook services) and rebuilds the tree.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from qualcode.core.model import Code
from qualcode.tui.colours import SWATCH, code_colour
from qualcode.tui.widgets.code_nodes import fill_code_tree


class CodebookTree(Tree[int]):
    # Keys that open a dialog to type in are priority bindings (see screens/type_ahead.py);
    # m (memo) and f (filter) are the screen's, which act on the highlighted code here.
    BINDINGS = [
        Binding("enter", "command('apply')", "Code selection",
                tooltip="Code the selection with the highlighted code"),
        Binding("a", "command('add_child')", "Add sub-code", priority=True,
                tooltip="Add a code under the highlighted one"),
        Binding("A", "command('add_top')", "Add a top-level code", show=False, priority=True),
        Binding("e", "command('rename')", "Rename", priority=True, tooltip="Rename the code"),
        Binding("v", "command('move')", "Move the code under another", show=False, priority=True),
        Binding("C", "command('colour')", "Recolour the code", show=False, priority=True),
        Binding("p", "command('pin')", "Pin the code to a number key", show=False, priority=True),
        Binding("M", "command('merge')", "Merge", priority=True,
                tooltip="Merge the code into another"),
        Binding("x,delete", "command('delete')", "Delete", tooltip="Delete the code"),
        Binding("g", "command('retrieve')", "Retrieve the code's segments", show=False),
    ]

    class Command(Message):
        """Do ``command`` with ``code_id`` (None when the codebook is empty)."""

        def __init__(self, command: str, code_id: int | None) -> None:
            super().__init__()
            self.command = command
            self.code_id = code_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Codebook", id=id)
        self.show_root = False
        self.auto_expand = False
        self._collapsed: set[int] = set()
        # What the tree was last built from, to relabel in place when only counts moved.
        self._built: list[Code] | None = None
        self._counts: dict[int, int] = {}
        self._code_nodes: dict[int, TreeNode[int]] = {}

    @property
    def highlighted_code(self) -> int | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def action_command(self, command: str) -> None:
        self.post_message(self.Command(command, self.highlighted_code))

    def on_tree_node_collapsed(self, event: Tree.NodeCollapsed[int]) -> None:
        if event.node.data is not None:
            self._collapsed.add(event.node.data)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[int]) -> None:
        self._collapsed.discard(event.node.data or 0)

    def show(self, codes: Sequence[Code], counts: dict[int, int],
             highlight: int | None = None) -> None:
        """Rebuild from ``codes`` (parents first), keeping what was open and highlighted; when
        only counts changed, relabel those codes in place (no new layout)."""
        if list(codes) == self._built and (highlight is None
                                           or highlight == self.highlighted_code) \
                and self._relabel(counts):
            return
        keep = highlight if highlight is not None else self.highlighted_code
        self._built, self._counts = list(codes), dict(counts)
        self.clear()
        nodes = fill_code_tree(
            self, codes, lambda code: self.label_of(code, counts.get(code.id or 0, 0)),
            self._collapsed, keep)
        self._code_nodes = {i: n for i, n in nodes.items() if i is not None}

    def _relabel(self, counts: dict[int, int]) -> bool:
        """Relabel the codes whose count changed; False when a label would change width (the
        tree's width is worked out on a rebuild)."""
        changed = [code for code in self._built or []
                   if counts.get(code.id or 0, 0) != self._counts.get(code.id or 0, 0)]
        labels = {}
        for code in changed:
            node = self._code_nodes.get(code.id or 0)
            label = self.label_of(code, counts.get(code.id or 0, 0))
            if node is None or label.cell_len != cell_len(str(node.label)):
                return False
            labels[code.id or 0] = label
        for code_id, label in labels.items():
            self._code_nodes[code_id].set_label(label)
        self._counts = dict(counts)
        return True

    # -- names fit the panel: cut with an ellipsis, never a sideways scrollbar ----------------
    def _label_room(self, node: TreeNode[int]) -> int | None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return None
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        return max(4, width - depth * self.guide_depth - 1)

    def render_label(self, node: TreeNode[int], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        room = self._label_room(node)
        if room is None or label.cell_len <= room:
            return label
        code = next((c for c in self._built or [] if c.id == node.data), None)
        if code is not None:  # shorten the name, keep the count
            full = node._label
            name_room = max(1, cell_len(code.name) - (label.cell_len - room))
            node._label = self.label_of(code, self._counts.get(code.id or 0, 0), name_room)
            try:
                label = super().render_label(node, base_style, style)
            finally:
                node._label = full
        label.truncate(room, overflow="ellipsis")
        return label

    def get_label_width(self, node: TreeNode[int]) -> int:
        room = self._label_room(node)
        width = super().get_label_width(node)
        return width if room is None else min(width, room)

    def on_resize(self) -> None:
        self._invalidate()  # lines are measured at the new width

    @staticmethod
    def label_of(code: Code, count: int, name_room: int | None = None) -> Text:
        label = Text()
        if code.shortcut:
            label.append(f"{code.shortcut} ", style="bold reverse")
        label.append(f"{SWATCH} ", style=code_colour(code))
        name = Text(code.name)
        if name_room is not None and name.cell_len > name_room:
            name.truncate(name_room, overflow="ellipsis")
        label.append_text(name)
        if count:
            label.append(f" {count}", style="dim")
        return label
