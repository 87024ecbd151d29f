"""Clock times in transcripts ("2:15", "0:01:02", "00:00:01.500") -> seconds."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?")


def parse_clock(text: str) -> float | None:
    """Seconds for ``[h:]m:ss[.fff]``; None when ``text`` is not such a time."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    total: float = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if fraction:
        total += int(fraction.ljust(3, "0")) / 1000
    return float(total)
