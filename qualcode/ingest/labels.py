"""Find candidate speaker labels at the start of lines of plain text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from qualcode.ingest.names import is_speaker
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.timecode import parse_clock


class Family(StrEnum):
    """Label conventions; a transcript normally sticks to one family."""

    COLON = "colon"  # "Maja: ...", "**Maja:** ...", "Q: ...", bold "Maja:" in Word
    HEADING = "heading"  # "### Maja", a paragraph holding only a bold name
    BRACKET = "bracket"  # "[Maja] ..."
    STAMP = "stamp"  # "Maja  2:15" or "P1 0:35" alone on a line (Otter and similar)


@dataclass(frozen=True)
class Label:
    """A speaker label: the turn starts at ``start``; what was said follows ``end``."""

    start: int
    end: int
    speaker: str
    family: Family
    timestamp: float | None = None
    formatted: bool = False  # found from formatting (bold run, voice tag), not text alone
    certain: bool = False  # markup that only names speakers (WebVTT voice tag): always kept


_NAME = r"(?P<name>[^\s:\[\]*_#][^\n:\[\]*]{0,39}?)"
_CLOCK = r"(?P<clock>\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)"
_BOLD = r"(?:\*\*|__)"

# Tried in order at the start of each line; the first whose name is a plausible speaker wins.
_PATTERNS: tuple[tuple[re.Pattern[str], Family], ...] = (
    # **Maja:** text   /   **Maja**: text
    (
        re.compile(rf"[ \t]*{_BOLD}[ \t]*{_NAME}[ \t]*(?::[ \t]*{_BOLD}|{_BOLD}[ \t]*:)"),
        Family.COLON,
    ),
    # **Maja** alone on its line
    (re.compile(rf"[ \t]*{_BOLD}[ \t]*{_NAME}[ \t]*{_BOLD}[ \t]*$"), Family.HEADING),
    # ### Maja
    (re.compile(rf"[ \t]{{0,3}}#{{1,6}}[ \t]+{_NAME}[ \t]*:?[ \t]*#*[ \t]*$"), Family.HEADING),
    # [Maja] text   /   [Maja] alone
    (re.compile(rf"[ \t]*\[[ \t]*{_NAME}[ \t]*\][ \t]*:?"), Family.BRACKET),
    # Maja  2:15   /   P1 0:35   /   Maja (0:01:02):   alone on the line
    (re.compile(rf"[ \t]*{_NAME}[ \t]+\(?{_CLOCK}\)?[ \t]*:?[ \t]*$"), Family.STAMP),
    # [00:01:02] Maja: text   /   0:15 Maja: text
    (re.compile(rf"[ \t]*[\[(]?{_CLOCK}[\])]?[ \t]+{_NAME}[ \t]*:(?=\s|$)"), Family.COLON),
    # Maja: text   (the colon must be followed by white space, so "10:30" is no label)
    (re.compile(rf"[ \t]*{_NAME}[ \t]*:(?=\s|$)"), Family.COLON),
)


def line_label(line: str, offset: int, rules: SpeakerRules) -> Label | None:
    """The label at the start of ``line`` (which begins at ``offset`` in the text), if any."""
    line = line.rstrip("\r")
    for pattern, family in _PATTERNS:
        match = pattern.match(line)
        if match is None:
            continue
        name = match["name"].strip()
        if not is_speaker(name, rules):
            continue
        clock = match.groupdict().get("clock")
        timestamp = parse_clock(clock) if clock else None
        if clock and timestamp is None:
            continue
        return Label(offset, offset + match.end(), name, family, timestamp)
    return None


def iter_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line; only LF ends a line (text is normalised at import)."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def find_labels(text: str, rules: SpeakerRules) -> list[Label]:
    """Every candidate label in ``text``, in order; ``choose_labels`` filters them."""
    labels = []
    for offset, line in iter_lines(text):
        label = line_label(line, offset, rules)
        if label is not None:
            labels.append(label)
    return labels
