"""Pseudonymisation: personal names replaced throughout the report's data.

Speaker labels that name a role ("Interviewer", "Q", "P1") are not names. A name is replaced
as a whole and by its parts ("Irina Ceban", "Irina", "Ceban"), with or without diacritics
("Kovač", "Kovac"), as whole words and with case as written.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, TypeVar

REPLACEMENT = "[name]"

# Role and placeholder labels transcripts use instead of names.
_ROLE = re.compile(
    r"(?i)(?:interviewer|interviewee|researcher|moderator|facilitator|respondent|participant"
    r"|speaker|int|note|notes|unknown|audience|group|all|[a-z])\s*\.?\s*\d*")
_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "rev"})
MIN_PART = 3  # shorter name parts ("Al", "Li") would hit ordinary words

T = TypeVar("T")


def is_role_label(label: str) -> bool:
    return bool(_ROLE.fullmatch(label.strip()))


def fold(text: str) -> str:
    """Diacritics removed: "Kovač" -> "Kovac"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_variants(name: str) -> set[str]:
    """The name, its parts (titles and initials left out), and their unaccented forms."""
    name = " ".join(name.split())
    parts = [p.strip(".,;:()[]\"'") for p in name.split()]
    kept = [p for p in parts if p.casefold() not in _TITLES and len(p) >= MIN_PART
            and not is_role_label(p)]
    found = {name, " ".join(kept), *kept} - {""}
    found |= {v.title() for v in found if v.isupper()}  # "IRINA" as a label, "Irina" in text
    return found | {fold(v) for v in found}


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


def redact(value: T, redactor: Redactor) -> T:
    """``value`` with every string inside it (dataclass fields, lists, tuples, dict keys and
    values) passed through ``redactor``."""
    return _walk(value, redactor)  # type: ignore[no-any-return]


def _walk(value: Any, redactor: Redactor) -> Any:
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
