"""Span arithmetic on a document's text: checking spans, trimming, sentences, words.

All spans are half-open ``(start, end)`` code-point offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualcode.core.errors import QualcodeError

Span = tuple[int, int]

# A sentence ends at . ! ? or … (with closing quotes/brackets), followed by white space, or at
# a line break. Good enough for speech transcripts; the NLP layer has a better splitter.
_SENTENCE_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)|\n+""")
_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)


def check_span(text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text):
        raise QualcodeError(
            f"span {start}:{end} is not inside the document (0:{len(text)}) or is empty")


def trim(text: str, start: int, end: int) -> Span:
    """The span without leading/trailing white space (unchanged if it is all white space)."""
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else (start, end)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside ``text[start:end]``, trimmed of white space."""
    end = len(text) if end is None else end
    found: list[Span] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end() if not match.group().startswith("\n") else match.start()
        span = trim(text, cursor, stop)
        if stop > cursor and not text[span[0]:span[1]].isspace():
            found.append(span)
        cursor = match.end()
    if cursor < end:
        span = trim(text, cursor, end)
        if not text[span[0]:span[1]].isspace():
            found.append(span)
    return found


def words(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def find_quote(text: str, quote: str) -> Iterator[Span]:
    """Every place ``quote`` occurs in ``text`` (white space matched loosely)."""
    parts = [re.escape(p) for p in quote.split()]
    if not parts:
        return iter(())
    pattern = re.compile(r"\s+".join(parts))
    return ((m.start(), m.end()) for m in pattern.finditer(text))
