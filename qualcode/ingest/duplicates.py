"""The same interview in two formats (.txt and .docx, a final newline apart) is one interview.

Texts are compared after normalising (case, white space, markdown emphasis, timestamps) by
their five-word shingles. Each text keeps a bottom-k sketch (the k smallest shingle hashes),
which estimates the Jaccard similarity of two texts' shingle sets from k numbers each.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import deque
from collections.abc import Iterator

SHINGLE = 5
K = 128
SAME = 0.9  # estimated Jaccard similarity from which two texts are one interview
_NOISE = re.compile(r"[*_#>\[\]()]|\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?")


def normalised_words(text: str) -> list[str]:
    return _NOISE.sub(" ", text).casefold().split()


def sketch(text: str) -> list[int]:
    """The K smallest 64-bit hashes of the text's normalised shingles, sorted. Streams: a
    100 MB transcript never becomes a list of its words or of its shingles, and only the K
    smallest hashes so far are kept."""
    window: deque[str] = deque(maxlen=SHINGLE)
    smallest: list[int] = []  # a max-heap (negated) of the K smallest distinct hashes
    kept: set[int] = set()
    seen = 0
    for word in _streamed_words(text):
        window.append(word)
        seen += 1
        if seen >= SHINGLE:
            _offer(" ".join(window), smallest, kept)
    if seen < SHINGLE:  # a short text is one shingle (as ``words[0:SHINGLE]``)
        _offer(" ".join(window), smallest, kept)
    return sorted(kept)


def _offer(shingle: str, smallest: list[int], kept: set[int]) -> None:
    h = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
    if h in kept:
        return
    if len(smallest) < K:
        heapq.heappush(smallest, -h)
        kept.add(h)
    elif h < -smallest[0]:
        kept.discard(-heapq.heapreplace(smallest, -h))
        kept.add(h)


def _streamed_words(text: str, chunk: int = 1 << 20) -> Iterator[str]:
    """``normalised_words(text)`` a megabyte at a time, cut just after a space or newline
    (noise and timestamps hold none, so no word or timestamp is cut)."""
    at = 0
    while at < len(text):
        end = at + chunk
        if end < len(text):
            cut = min((c for c in (text.find(" ", end), text.find("\n", end)) if c >= 0),
                      default=-1)
            end = len(text) if cut < 0 else cut + 1
        yield from normalised_words(text[at:end])
        at = end


def resemblance(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two sketched shingle sets."""
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(K, set(a) | set(b))
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)
