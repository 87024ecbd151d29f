"""Filling a tree with the codebook: the codebook and the findings trees build it alike."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from qualcode.core.model import Code


def fill_code_tree(tree: Tree[int], codes: Sequence[Code], label_of: Callable[[Code], Text],
                   collapsed: Collection[int | None], keep: int | None
                   ) -> dict[int | None, TreeNode[int]]:
    """Add ``codes`` (parents first) under the cleared ``tree``'s root, sub-codes open unless
    ``collapsed``, and put the cursor back on ``keep`` (else the first code). Returns the
    node of each code id (None: the root)."""
    nodes: dict[int | None, TreeNode[int]] = {None: tree.root}
    parents = {c.parent_id for c in codes}
    for code in codes:
        parent = nodes.get(code.parent_id, tree.root)
        if code.id in parents:
            nodes[code.id] = parent.add(label_of(code), data=code.id,
                                        expand=code.id not in collapsed)
        else:
            nodes[code.id] = parent.add_leaf(label_of(code), data=code.id)
    tree.root.expand()
    _ = tree.last_line  # lays the lines out now, so nodes know their line numbers
    target = nodes.get(keep) if keep is not None else None
    if target is not None:
        tree.move_cursor(target, animate=False)
    elif codes:
        tree.cursor_line = 0
    return nodes
