"""Pseudonymisation: personal names replaced throughout the report's data.

Speaker labels that name a role ("Interviewer", "Q", "P1") are not names. A name is replaced
as a whole and by its parts ("Irina Ceban", "Irina", "Ceban"), with or without diacritics
("Kovač", "Kovac"), as whole words and with case as written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from qualcode.core.names import fold, is_role_label, name_variants

__all__ = ["REPLACEMENT", "Redactor", "fold", "is_role_label", "name_variants", "redact"]

REPLACEMENT = "[name]"

T = TypeVar("T")


class Redactor:
    """Replaces every listed name (and its parts) in text."""

    def __init__(self, names: Iterable[str], replacement: str = REPLACEMENT) -> None:
        variants: set[str] = set()
        for name in names:
            if name.strip() and not is_role_label(name):
                variants |= name_variants(name)
        self.names = frozenset(variants)
        self.replacement = replacement
        # Longest first, so "Irina Ceban" goes as one before "Irina" alone.
        ordered = sorted(self.names, key=lambda v: (-len(v), v))
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
                         if ordered else None)

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self.replacement, text)


def redact(value: T, redactor: Callable[[str], str]) -> T:
    """``value`` with every string inside it (dataclass fields, lists, tuples, dict keys and
    values) passed through ``redactor``."""
    return _walk(value, redactor)


def _walk(value: Any, redactor: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return redactor(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _walk(getattr(value, f.name), redactor)
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list | tuple):
        return type(value)(_walk(v, redactor) for v in value)
    if isinstance(value, dict):
        return {_walk(k, redactor): _walk(v, redactor) for k, v in value.items()}
    return value
