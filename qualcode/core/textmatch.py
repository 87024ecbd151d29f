"""Finding words in a document's text as a reader means them: case-insensitive, composed and
decomposed Unicode alike (NFC), and widened to whole words.

A document's text is never normalised (offsets index it as stored), so matching works on an
NFC copy with a map back to the stored offsets.
"""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _folded(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """``text[start:end]`` in NFC, lower case, and for each of its characters the stored
    offset of the cluster (a base character and its combining marks) it came from."""
    folded: list[str] = []
    origin: list[int] = []
    i = start
    while i < end:
        j = i + 1
        while j < end and unicodedata.combining(text[j]):
            j += 1
        chunk = nfc(text[i:j]).lower()
        folded.append(chunk)
        origin.extend([i] * len(chunk))
        i = j
    origin.append(end)
    return "".join(folded), origin


def find_text(text: str, needle: str, start: int = 0, end: int | None = None
              ) -> tuple[int, int] | None:
    """The first ``[start, end)`` span of ``text`` that reads as ``needle``, ignoring case and
    Unicode composition; None when absent."""
    end = len(text) if end is None else end
    wanted = nfc(needle).lower()
    if not wanted:
        return None
    at = text.lower().find(needle.lower(), start, end)  # the usual case, cheap
    if at >= 0:
        return at, at + len(needle)
    folded, origin = _folded(text, start, end)
    at = folded.find(wanted)
    if at < 0:
        return None
    stop = at + len(wanted)
    # The end: the start of the next cluster (so a mark after the last letter comes along).
    return origin[at], next((o for o in origin[stop:] if o > origin[stop - 1]), end)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’" or unicodedata.combining(ch) > 0


def whole_words(text: str, start: int, end: int, *, lo: int = 0, hi: int | None = None
                ) -> tuple[int, int]:
    """``[start, end)`` widened to the words it touches (within ``[lo, hi)``): a hit on
    ``translat*`` becomes "translation", never half a word."""
    hi = len(text) if hi is None else hi
    while start > lo and _is_word(text[start - 1]) and _is_word(text[start]):
        start -= 1
    while end < hi and _is_word(text[end]) and end > 0 and _is_word(text[end - 1]):
        end += 1
    while end > start and text[end - 1] in "'’":  # a closing quote is not part of the word
        end -= 1
    return start, end
