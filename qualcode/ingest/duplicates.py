"""The same interview in two formats (.txt and .docx, a final newline apart) is one interview.

Texts are compared after normalising (case, white space, markdown emphasis, timestamps) by
their sets of five-word shingles: near-identical texts share almost all of them.
"""

from __future__ import annotations

import re

SHINGLE = 5
SAME = 0.9  # Jaccard similarity of shingle sets from which two texts are one interview
_NOISE = re.compile(r"[*_#>\[\]()]|\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?")


def normalised_words(text: str) -> list[str]:
    return _NOISE.sub(" ", text).casefold().split()


def shingles(text: str) -> set[int]:
    words = normalised_words(text)
    if len(words) < SHINGLE:
        return {hash(" ".join(words))}
    return {hash(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def similarity(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def word_window(words: int) -> tuple[int, int]:
    """Word counts a near-identical text can have (headers and labels differ a little)."""
    return int(words * 0.8), int(words * 1.25) + 20
