"""Palette entries of a screen whose keys depend on its view: only the key bindings the screen
allows now (its ``check_action``), so the palette never offers what would do nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from qualcode.tui.commands import entries

_ACTION = re.compile(r"(\w+)(?:\((.*)\))?")


def allowed_entries(node: DOMNode, bindings: Sequence[BindingType],
                    skip: Sequence[str] = ()) -> list[tuple[str, str, str]]:
    """(title, help, action) of ``bindings`` that ``node`` allows now, but those whose
    action name is in ``skip``."""
    allowed = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        found = _ACTION.fullmatch(binding.action)
        if found is None or found.group(1) in skip:
            continue
        params = tuple(p.strip().strip("'\"") for p in (found.group(2) or "").split(",")
                       if p.strip())
        if node.check_action(found.group(1), params):
            allowed.append(binding)
    return entries(allowed, "key")
