"""Find candidate speaker labels at the start of lines of plain text."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from qualcode.ingest.names import is_speaker
from qualcode.ingest.roles import is_role_label
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.timecode import parse_clock


class Family(StrEnum):
    """Label conventions; a transcript normally sticks to one family."""

    COLON = "colon"  # "Maja: ...", "**Maja:** ...", "Q: ...", bold "Maja:" in Word
    HEADING = "heading"  # "### Maja", a paragraph holding only a bold name
    BRACKET = "bracket"  # "[Maja] ..."
    STAMP = "stamp"  # "Maja  2:15" or "P1 0:35" alone on a line (Otter and similar)
    DOT = "dot"  # "Q. ..." / "A. ..." (older typed transcripts): kept only in pairs


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label: the turn starts at ``start``; what was said follows ``end``."""

    start: int
    end: int
    speaker: str
    family: Family
    timestamp: float | None = None
    formatted: bool = False  # found from formatting (bold run, voice tag), not text alone
    certain: bool = False  # markup that only names speakers (WebVTT voice tag): always kept
    paragraph_start: bool = False  # after a blank line (or at the start of the text)


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
    # **Maja**  00:12   (Otter's markdown export: bold name, then its time)
    (re.compile(rf"[ \t]*{_BOLD}[ \t]*{_NAME}[ \t]*{_BOLD}[ \t]+\(?{_CLOCK}\)?[ \t]*$"),
     Family.STAMP),
    # **Maja** text   (bold name, no colon)
    (re.compile(rf"[ \t]*{_BOLD}[ \t]*{_NAME}[ \t]*{_BOLD}[ \t]+(?=\S)"), Family.COLON),
    # ### Maja
    (re.compile(rf"[ \t]{{0,3}}#{{1,6}}[ \t]+{_NAME}[ \t]*:?[ \t]*#*[ \t]*$"), Family.HEADING),
    # [Maja] text   /   [Maja] alone
    (re.compile(rf"[ \t]*\[[ \t]*{_NAME}[ \t]*\][ \t]*:?"), Family.BRACKET),
    # Maja  2:15   /   P1 0:35   /   Speaker 1 (00:00):   alone on the line (Otter, Rev, Teams)
    (re.compile(rf"[ \t]*{_NAME}[ \t]+\(?{_CLOCK}\)?[ \t]*:?[ \t]*$"), Family.STAMP),
    # Maja [00:01:02] text   /   Speaker 2 (00:00:13): text   (Trint, Descript, Rev)
    (re.compile(rf"[ \t]*{_NAME}[ \t]+[\[(]{_CLOCK}[\])][ \t]*:?[ \t]*(?=\S)"), Family.STAMP),
    # 00:00:05 Speaker 1   alone on the line (NVivo transcription)
    (re.compile(rf"[ \t]*[\[(]?{_CLOCK}[\])]?[ \t]+{_NAME}[ \t]*$"), Family.STAMP),
    # [00:01:02] Maja: text   /   0:15 Maja: text   /   00:03:40.5Zack: text (MAXQDA import)
    (re.compile(rf"[ \t]*[\[(]?{_CLOCK}[\])]?(?:[ \t]+|(?=[^\W\d_])){_NAME}[ \t]*:(?=\s|$)"),
     Family.COLON),
    # Maja: text   (the colon must be followed by white space, so "10:30" is no label)
    (re.compile(rf"[ \t]*{_NAME}[ \t]*:(?=\s|$)"), Family.COLON),
    # Q. text   /   A. text   /   Q1. text
    (re.compile(r"[ \t]*(?P<name>[QA]\d{0,2})\.[ \t]+(?=\S)"), Family.DOT),
    # Maja<TAB>text   (a two-column layout pasted from a table or a hanging indent)
    (re.compile(rf"{_NAME}[ ]*\t+[ \t]*(?=\S)"), Family.COLON),
)
# A time right after a label ("Maja: [00:00:03] text", Sonix) belongs to the label.
_AFTER_CLOCK = re.compile(rf"[ \t]*[\[(]{_CLOCK}[\])]")
_CUE_TIMING = re.compile(r"[ \t]*(?P<start>\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?)[ \t]*-->")
_REST_CLOCK = re.compile(rf"[ \t]*{_CLOCK}[ \t]*$")


# A line number before the label, as in line-numbered transcripts (PDF appendices, QDA
# exports): "12  Interviewer: ...". Only a colon label may follow it.
_LINE_NUMBER = re.compile(r"[ \t]*\d{1,5}[ \t]+(?=[^\d\s])")


def line_label(line: str, offset: int, rules: SpeakerRules) -> Label | None:
    """The label at the start of ``line`` (which begins at ``offset`` in the text), if any."""
    line = line.rstrip("\r")
    label = _pattern_label(line, offset, rules)
    if label is None and (number := _LINE_NUMBER.match(line)) is not None:
        found = _pattern_label(line[number.end() :], offset + number.end(), rules)
        if found is not None and found.family is Family.COLON:
            label = Label(offset, found.end, found.speaker, found.family, found.timestamp)
    if label is None and is_role_label(line.strip()) and len(line.strip()) > 1:
        # "INTERVIEWER" or "Speaker 2" alone on its line, the text below it
        label = Label(offset, offset + len(line), line.strip(), Family.HEADING)
    return label


def _pattern_label(line: str, offset: int, rules: SpeakerRules) -> Label | None:
    for pattern, family in _PATTERNS:
        match = pattern.match(line)
        if match is None:
            continue
        # One string per speaker, not per label: a long transcript has 300,000 of them.
        name = sys.intern(match["name"].strip())
        if not is_speaker(name, rules):
            continue
        end = match.end()
        clock = match.groupdict().get("clock")
        if clock is None and (after := _AFTER_CLOCK.match(line, end)) is not None:
            clock, end = after["clock"], after.end()
        elif clock is None and (after := _REST_CLOCK.match(line, end)) is not None:
            clock, end = after["clock"], after.end()  # "[Dana Whitfield] 10:02:03" (Zoom)
        timestamp = parse_clock(clock) if clock else None
        if clock and timestamp is None:
            continue
        return Label(offset, offset + end, name, family, timestamp)
    return None


def iter_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line; only LF ends a line (text is normalised at import).
    Found one at a time, never a list of every line of a long transcript."""
    offset = 0
    while True:
        end = text.find("\n", offset)
        if end < 0:
            yield offset, text[offset:]
            return
        yield offset, text[offset:end]
        offset = end + 1


def _loose_seconds(clock: str) -> float:
    """ "0:0:5.100" (Teams writes no leading zeros) -> 5.1."""
    total = 0.0
    for part in clock.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def find_labels(text: str, rules: SpeakerRules) -> list[Label]:
    """Every candidate label in ``text``, in order; ``choose_labels`` filters them."""
    labels = []
    blank_before = True
    cue: tuple[int, float] | None = None  # (offset, start) of a timing line just before
    for offset, line in iter_lines(text):
        label = line_label(line, offset, rules)
        if label is None and cue is not None and is_speaker(line.strip(), rules):
            # "0:0:5.100 --> 0:0:8.250" then "Name" then the text (older Teams .docx)
            label = Label(cue[0], offset + len(line), line.strip(), Family.STAMP, cue[1])
        if label is not None:
            labels.append(replace(label, paragraph_start=blank_before))
        blank_before = not line.strip()
        timing = _CUE_TIMING.match(line)
        cue = (offset, _loose_seconds(timing["start"])) if timing else None
    return labels
