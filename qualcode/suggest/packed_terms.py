"""A parse's terms (``ParseTerms``) as bytes for the terms cache (store/parse_terms.py): its
span arrays as they are, and each distinct term once, so reading them back is a few
``array.frombytes`` and one ``str.split`` instead of a pass over every token.

Layout (little-endian int32): b"QT1" | spans, strings, end, cuts (6) | starts | ends |
term ids | the terms, UTF-8, separated by NUL. ``FORM`` names the rules the terms are made by
(terms.py: which words count, fillers, phrases); change it when they change.
"""

from __future__ import annotations

import sys
from array import array
from sys import intern

from qualcode.suggest.terms import _KINDS, ParseTerms

FORM = "terms-1"
MAGIC = b"QT1"
_HEAD = 3 + _KINDS + 1  # spans, strings, end, then the cuts
_SEP = "\x00"


def pack_terms(terms: ParseTerms) -> bytes | None:
    """``terms`` as bytes; None when a term holds a NUL (not cached then)."""
    ids: dict[str, int] = {}
    value_ids = array("i", [ids.setdefault(v, len(ids)) for v in terms.values])
    if any(_SEP in s for s in ids):
        return None
    head = array("i", [len(terms.values), len(ids), terms.end, *terms.cuts])
    parts = [head, terms.starts, terms.ends, value_ids]
    if sys.byteorder != "little":
        parts = [array("i", p) for p in parts]
        for p in parts:
            p.byteswap()
    return MAGIC + b"".join(p.tobytes() for p in parts) + _SEP.join(ids).encode("utf-8")


def unpack_terms(blob: bytes) -> ParseTerms:
    """The terms packed in ``blob`` (ValueError if it is not such a blob)."""
    if blob[:3] != MAGIC or len(blob) < 3 + 4 * _HEAD:
        raise ValueError("not packed terms")
    head = _ints(blob, 3, _HEAD)
    n, n_strings, end, cuts = head[0], head[1], head[2], tuple(head[3:])
    at = 3 + 4 * _HEAD
    starts, ends, value_ids = (_ints(blob, at + 4 * n * i, n) for i in range(3))
    tail = blob[at + 12 * n:]
    strings = [intern(s) for s in tail.decode("utf-8").split(_SEP)] if n_strings else []
    if len(strings) != n_strings or len(cuts) != _KINDS + 1 or cuts[-1] != n:
        raise ValueError("damaged packed terms")
    terms = ParseTerms.__new__(ParseTerms)
    terms.starts, terms.ends = starts, ends
    terms.values = [strings[i] for i in value_ids]
    terms.cuts, terms.end = cuts, end
    return terms


def _ints(blob: bytes, at: int, count: int) -> array[int]:
    values = array("i", blob[at:at + 4 * count])
    if len(values) != count:
        raise ValueError("truncated packed terms")
    if sys.byteorder != "little":
        values.byteswap()
    return values
