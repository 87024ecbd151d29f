"""Blocks of a subtitle file: runs of non-blank lines, with the line number they start on."""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualcode.ingest.timecode import parse_clock

TIMING = re.compile(r"[ \t]*(?P<start>\S+)[ \t]+-->[ \t]+(?P<end>\S+)")


def blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """(1-based line number, lines) for each block separated by blank lines."""
    block: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def cue_start(line: str) -> float | None:
    """Start time in seconds from a timing line ("00:00:01.000 --> 00:00:04.000 ...")."""
    match = TIMING.match(line)
    return parse_clock(match["start"]) if match else None
