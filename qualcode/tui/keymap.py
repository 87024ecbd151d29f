"""Keys the user remaps in a config file, and the ids that name every binding.

Each binding of the app, its screens and widgets gets the id ``<Class>.<action>`` (e.g.
``WorkbenchScreen.code``, ``CodebookTree.command('rename')``, ``QualcodeApp.undo``), and
Textual's keymap rebinds by id. The file is TOML::

    [keys]
    "WorkbenchScreen.code" = "c,k"     # comma-separated keys, Textual's key names
    "QualcodeApp.undo" = "ctrl+z,u"

It is read from ``$QUALCODE_KEYS``, else ``$XDG_CONFIG_HOME/qualcode/keys.toml`` (by default
``~/.config/qualcode/keys.toml``); a missing file means the default keys.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

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


def name_bindings() -> set[str]:
    """Give every binding of our classes its id (once); returns all the ids."""
    ids: set[str] = set()
    for cls in our_classes():
        merged = cls._merged_bindings
        if merged is None:
            continue
        for key, bindings in merged.key_to_bindings.items():
            named = [b if b.id else replace(b, id=binding_id(cls, b.action)) for b in bindings]
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
            raise InputError(path, f"no binding has the id {name!r} (ids look like "
                             "\"WorkbenchScreen.code\"; see the README)")
        if not isinstance(value, str) or not value.strip():
            raise InputError(path, f"{name!r} needs keys as a string, e.g. \"ctrl+k\"")
    return {name: ",".join(k.strip() for k in value.split(",")) for name, value in keys.items()}
