"""Keys the user remaps in a config file, and the ids that name every binding.

Each binding of the app, its screens and widgets gets the id ``<Class>.<action>`` (e.g.
``WorkbenchScreen.code[c]``, ``CodebookTree.command('rename')``, ``QualcodeApp.undo``), and
Textual's keymap rebinds by id. The file is TOML::

    [keys]
    "WorkbenchScreen.code[c]" = "c,k"  # comma-separated keys, Textual's key names
    "QualcodeApp.undo" = "ctrl+z,u"

It is read from ``$QUALCODE_KEYS``, else ``$XDG_CONFIG_HOME/qualcode/keys.toml`` (by default
``~/.config/qualcode/keys.toml``); a missing file means the default keys.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from difflib import get_close_matches
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

from qualcode.core.errors import InputError

ENV = "QUALCODE_KEYS"


def keymap_path() -> Path:
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "qualcode" / "keys.toml"


def our_classes(root: type[DOMNode] = DOMNode) -> Iterator[type[DOMNode]]:
    """Every app, screen and widget class of qualcode's TUI imported so far."""
    seen: set[type] = set()
    stack = [root]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                if sub.__module__.startswith("qualcode.tui"):
                    yield sub


def binding_id(cls: type[DOMNode], action: str) -> str:
    return f"{cls.__name__}.{action}"


def _group(binding: Binding) -> tuple[object, ...]:
    """What the keys of one declared binding share (Textual splits "x,delete" in two)."""
    return binding.action, binding.description, binding.priority, binding.show, \
        binding.tooltip


def name_bindings() -> set[str]:
    """Give every binding of our classes its id (once); returns all the ids. An action bound
    twice in a class (e.g. c and Enter, with different priorities) gets its keys in brackets
    on each id: ``WorkbenchScreen.code[c]``, ``WorkbenchScreen.code[enter]``."""
    ids: set[str] = set()
    for cls in our_classes():
        merged = cls._merged_bindings
        if merged is None:
            continue
        keys: dict[tuple[object, ...], list[str]] = {}
        for key, bindings in merged.key_to_bindings.items():
            for b in bindings:
                keys.setdefault(_group(b), []).append(key)
        per_action: dict[str, int] = {}
        for group in keys:
            per_action[str(group[0])] = per_action.get(str(group[0]), 0) + 1
        for key, bindings in merged.key_to_bindings.items():
            named = []
            for b in bindings:
                if not b.id:
                    suffix = f"[{','.join(keys[_group(b)])}]" if per_action[b.action] > 1 else ""
                    b = replace(b, id=binding_id(cls, b.action) + suffix)
                named.append(b)
            merged.key_to_bindings[key] = named
            ids.update(b.id for b in named if b.id)
    return ids


def load_keymap(path: Path, known: set[str]) -> dict[str, str]:
    """The remapped keys in ``path`` (none when it does not exist)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise InputError(path, f"not a readable keys file ({err})") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        raise InputError(path, "[keys] must be a table of \"<id>\" = \"<keys>\"")
    for name, value in keys.items():
        if name not in known:
            near = get_close_matches(name, sorted(known), n=1)
            hint = f"did you mean {near[0]!r}?" if near else \
                "ids look like \"WorkbenchScreen.code[c]\"; see the README"
            raise InputError(path, f"no binding has the id {name!r} ({hint})")
        if not isinstance(value, str) or not value.strip():
            raise InputError(path, f"{name!r} needs keys as a string, e.g. \"ctrl+k\"")
    return {name: ",".join(k.strip() for k in value.split(",")) for name, value in keys.items()}
