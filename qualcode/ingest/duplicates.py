"""The same interview in two formats (.txt and .docx, a final newline apart) is one interview.

Texts are compared after normalising (case, white space, markdown emphasis, timestamps) by
their five-word shingles. Each text keeps a bottom-k sketch (the k smallest shingle hashes),
which estimates the Jaccard similarity of two texts' shingle sets from k numbers each.
"""

from __future__ import annotations

import hashlib
import heapq
import re

SHINGLE = 5
K = 128
SAME = 0.9  # estimated Jaccard similarity from which two texts are one interview
_NOISE = re.compile(r"[*_#>\[\]()]|\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?")


def normalised_words(text: str) -> list[str]:
    return _NOISE.sub(" ", text).casefold().split()


def sketch(text: str) -> list[int]:
    """The K smallest 64-bit hashes of the text's normalised shingles, sorted."""
    words = normalised_words(text)
    spans = [" ".join(words[i : i + SHINGLE])
             for i in range(max(1, len(words) - SHINGLE + 1))]
    hashes = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big")
              for s in spans}
    return sorted(heapq.nsmallest(K, hashes))


def resemblance(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two sketched shingle sets."""
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(K, set(a) | set(b))
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)
