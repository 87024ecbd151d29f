"""Plain words for what the user sees: counts with the right plural, actions by their name."""

from __future__ import annotations

import re

# Names in the event log (services) -> what the user did, for "Undone: ..." messages.
_ACTION_WORDS = {
    "code": "coding", "uncode": "removing a coding", "resize coding": "resizing a coding",
    "mark important": "key-quote mark", "add code": "new code", "edit code": "code change",
    "move code": "moving a code", "merge codes": "merging codes",
    "delete code": "deleting a code", "accept theme": "accepting a theme",
    "merge theme": "merging a theme", "reject theme": "rejecting a theme",
    "accept suggestion": "accepting a suggestion", "reject suggestion": "rejecting a suggestion",
    "accept suggestions": "accepting suggestions", "pick quote": "key-quote pick",
    "unpick quote": "key-quote unpick", "matrix cell": "matrix cell",
}
_INTERNAL = re.compile(r"^(coding|code|suggestion|document|project)?\s*\d+$|^T\d+$")
_OFFSETS = re.compile(r":\d+-\d+$|^T\d+ (as|into) ")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 coding``, ``2 codings``, ``0 codings`` (``nouns`` for an irregular plural)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def action_words(name: str, detail: str = "") -> str:
    """An event-log action as the user knows it: "key-quote mark" rather than
    "mark important coding 309"; the detail only when it is not an internal id."""
    words = _ACTION_WORDS.get(name, name)
    shown = _OFFSETS.sub("", detail.strip())
    if not shown or _INTERNAL.match(shown):
        return words
    return f"{words} ({shown})"
