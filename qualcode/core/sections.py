"""The consultant's own sections of the report, and shortened quotes.

Each section kind has a heading and a place in the report; any may be empty, and an empty one
is left out. A shortened quote may drop words (marked by an ellipsis) and add words in square
brackets; every other word must come from the original, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# kind -> default heading, in report order. "findings" live per code (synthesis findings).
SECTION_KINDS: dict[str, str] = {
    "summary": "Executive summary",
    "background": "Background",
    "method": "Method",
    "limitations": "Limitations",
    "conclusions": "Conclusions",
    "recommendations": "Recommendations",
    "free": "Further section",
}
PROFILE = "profile"  # one per case, keyed by its case id

ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\])\s*")
BRACKETED = re.compile(r"\[[^\[\]]*\]")


@dataclass(frozen=True)
class Section:
    kind: str
    text: str
    title: str = ""  # "" uses the kind's own heading
    case_id: int = 0
    coder: str = ""
    updated_at: str = ""
    id: int | None = None

    @property
    def heading(self) -> str:
        return self.title or SECTION_KINDS.get(self.kind, self.kind.capitalize())


@dataclass(frozen=True)
class QuoteEdit:
    coding_id: int
    text: str
    coder: str = ""
    updated_at: str = ""
    id: int | None = None


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def shortening_problem(original: str, shortened: str) -> str:
    """What is wrong with ``shortened`` as a shortening of ``original``; "" if nothing.

    Pieces between ellipses, with bracketed insertions taken out, must each occur in the
    original, in order, so the reader can trust that the words are the speaker's."""
    if not shortened.strip():
        return "the shortened quote is empty"
    source = _squash(original)
    position = 0
    for piece in ELLIPSIS.split(shortened):
        for part in BRACKETED.split(piece):
            words = _squash(part).strip(" ,;:")
            if not words:
                continue
            found = source.find(words, position)
            if found < 0:
                shown = words if len(words) <= 40 else words[:37] + "..."
                return f"{shown!r} is not in the original quote (or not in this order)"
            position = found + len(words)
    return ""
