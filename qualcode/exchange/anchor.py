"""Checking that a coding lands on its text, and finding it again when it does not.

Other tools' positions can be off (another counting scheme, an edited source, a truncated
name). A coding whose expected text is known is checked; one that does not fit is re-anchored
at the nearest place where its text occurs; one whose text cannot be found is reported.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

_SPACES = re.compile(r"\s+")
_ELLIPSIS = ("...", "…")
PREFIX = 12  # a name this long that starts the selected text is taken as its start


class Fit(StrEnum):
    EXACT = "exact"  # the text at the position is the expected text
    UNCHECKED = "unchecked"  # no expected text to check against
    REANCHORED = "re-anchored"  # found the text near the position
    MISFIT = "misfit"  # the text is not there nor anywhere; kept at the position
    OUTSIDE = "outside"  # the position is outside the text and the text was not found


class Placed(NamedTuple):
    start: int
    end: int
    fit: Fit


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\r\n", "\n")).strip()


def _truncated(hint: str) -> tuple[str, bool]:
    hint = hint.rstrip()
    for mark in _ELLIPSIS:
        if hint.endswith(mark):
            return hint[: -len(mark)].rstrip(), True
    return hint, False


def fits(found: str, hint: str) -> bool:
    """Does the text at a span match the expected text (or its truncated start)?"""
    if found == hint:
        return True
    want, cut = _truncated(hint)
    got, want = _squash(found), _squash(want)
    if not want:
        return False
    # Some tools name a selection by the start of its text, with or without an ellipsis.
    return got == want or (got.startswith(want) and (len(want) >= PREFIX or
                                                     (cut and len(want) >= 3)))


def place(text: str, start: int | None, end: int | None, hint: str) -> Placed:
    """Where a coding goes in ``text``: at ``[start, end)`` if its text is ``hint`` (or no hint
    is given), else at the occurrence of ``hint`` nearest ``start``."""
    inside = (start, end) if (start is not None and end is not None
                              and 0 <= start < end <= len(text)) else None
    if inside and (not hint.strip() or fits(text[inside[0]:inside[1]], hint)):
        return Placed(*inside, Fit.EXACT if hint.strip() else Fit.UNCHECKED)
    found = _nearest(text, hint, start or 0)
    if found is not None:
        a, b = found
        if _truncated(hint)[1] and start is not None and end is not None:
            b = min(len(text), max(b, a + (end - start)))  # a name cut short: keep the length
        return Placed(a, b, Fit.REANCHORED)
    if inside:
        return Placed(*inside, Fit.MISFIT)
    return Placed(start or 0, end or 0, Fit.OUTSIDE)


def _nearest(text: str, hint: str, near: int) -> tuple[int, int] | None:
    want, cut = _truncated(hint.replace("\r\n", "\n").replace("\r", "\n"))
    if not want.strip():
        return None
    spans = [(m.start(), m.start() + len(want)) for m in re.finditer(re.escape(want), text)]
    if not spans:
        # Line breaks and runs of spaces may differ between tools: match any white space.
        words = [re.escape(w) for w in want.split()]
        if not words:
            return None
        pattern = re.compile(r"\s+".join(words))
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not spans:
        return None
    start, end = min(spans, key=lambda s: abs(s[0] - near))
    if cut and len(want) < 3:
        return None
    return start, end
