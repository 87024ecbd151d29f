"""Put codes in tree order: each parent, then its children, siblings in their given order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from qualcode.codebook.entry import CodebookEntry


def tree_order(entries: Iterable[CodebookEntry]) -> list[CodebookEntry]:
    """Entries in pre-order; a parent missing from ``entries`` is created with empty fields.

    A created parent takes the place where it is first needed, before the child that needed it,
    unless the parent itself comes later, in which case that later entry replaces it.
    """
    first: dict[tuple[str, ...], CodebookEntry] = {}
    implicit: set[tuple[str, ...]] = set()
    children: dict[tuple[str, ...], list[CodebookEntry]] = defaultdict(list)

    def place(entry: CodebookEntry) -> None:
        first[entry.path] = entry
        children[entry.parent_path].append(entry)

    for entry in entries:
        if not entry.path:
            raise ValueError("a codebook entry needs a non-empty path")
        for depth in range(1, len(entry.path)):
            prefix = entry.path[:depth]
            if prefix not in first:
                place(CodebookEntry(path=prefix, line=entry.line))
                implicit.add(prefix)
        if entry.path in implicit:
            siblings = children[entry.parent_path]
            siblings[siblings.index(first[entry.path])] = entry
            first[entry.path] = entry
            implicit.discard(entry.path)
        else:
            # A duplicate path is kept (validation reports it) but its subtree is walked once.
            if entry.path not in first:
                first[entry.path] = entry
            children[entry.parent_path].append(entry)

    ordered: list[CodebookEntry] = []
    stack = list(reversed(children[()]))
    while stack:
        entry = stack.pop()
        ordered.append(entry)
        if first[entry.path] is entry:
            stack.extend(reversed(children[entry.path]))
    return ordered
