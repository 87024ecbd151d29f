"""A parse's terms (``ParseTerms``) as bytes for the terms cache (store/parse_terms.py): its
span arrays as they are, and each distinct term once, so reading them back is a few
``array.frombytes`` and one ``str.split`` instead of a pass over every token.

Layout (little-endian int32): b"QT2" | spans, strings, end, length, cuts (8) | starts | ends |
term ids | the terms, UTF-8, separated by NUL. ``FORM`` names the rules the terms are made by
(terms.py: which words count, phrases; filler.py: the filler phrases): it carries a digest of
them, so that changing a rule makes the cached terms stale.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from sys import intern

import numpy as np

from qualcode.suggest.filler import RULES as FILLER_RULES
from qualcode.suggest.terms import (
    _KINDS,
    CONTENT_POS,
    FILLERS,
    NAME_POS,
    DocumentTerms,
    ParseTerms,
)

MAGIC = b"QT2"
DOCUMENT_MAGIC = b"QD1"
_RULES = repr((sorted(FILLERS), sorted(CONTENT_POS), sorted(NAME_POS), FILLER_RULES, _KINDS))
FORM = "terms-2-" + hashlib.sha256(_RULES.encode("utf-8")).hexdigest()[:12]
_HEAD = 4 + _KINDS + 1  # spans, strings, end, length, then the cuts
_SEP = "\x00"


def pack_terms(terms: ParseTerms) -> bytes | None:
    """``terms`` as bytes; None when a term holds a NUL (not cached then)."""
    head = array("i", [len(terms.values), 0, terms.end, terms.length, *terms.cuts])
    return _pack(MAGIC, head, [terms.starts, terms.ends], terms.values)


def pack_document(terms: DocumentTerms) -> bytes | None:
    """A document's terms as bytes (layout: b"QD1" | spans, strings, parts | offsets | reach |
    lengths | cuts | starts | ends | term ids | the terms); None when a term holds a NUL."""
    offsets, reach, lengths, cuts = terms.parts()
    head = array("i", [len(terms.values), 0, len(offsets)])
    return _pack(DOCUMENT_MAGIC, head, [offsets, reach, lengths, cuts, terms.starts, terms.ends],
                 terms.values)


def unpack_document(blob: bytes) -> DocumentTerms:
    """The document terms packed in ``blob`` (ValueError if it is not such a blob)."""
    if blob[:3] != DOCUMENT_MAGIC or len(blob) < 3 + 12:
        raise ValueError("not packed document terms")
    n, n_strings, parts = _ints(blob, 3, 3)
    at = 3 + 12
    sizes = [parts, parts, parts, (_KINDS + 1) * parts, n, n, n]
    arrays = []
    for size in sizes:
        arrays.append(_ints(blob, at, size))
        at += 4 * size
    strings = _strings(blob[at:], n_strings)
    offsets, reach, lengths, cuts, starts, ends, value_ids = arrays
    return DocumentTerms.from_parts((offsets, reach, lengths, cuts), starts, ends,
                                    _values(strings, value_ids))


def _pack(magic: bytes, head: array[int], spans: list[array[int]],
          values: list[str]) -> bytes | None:
    """``magic``, ``head`` (its second number set to the count of distinct terms), the span
    arrays, each term's id, then each distinct term once."""
    ids: dict[str, int] = {}
    value_ids = array("i", [ids.setdefault(v, len(ids)) for v in values])
    if any(_SEP in s for s in ids):
        return None
    head[1] = len(ids)
    parts = [head, *spans, value_ids]
    if sys.byteorder != "little":
        parts = [array("i", p) for p in parts]
        for p in parts:
            p.byteswap()
    return magic + b"".join(p.tobytes() for p in parts) + _SEP.join(ids).encode("utf-8")


def _strings(tail: bytes, count: int) -> list[str]:
    """The distinct terms (interned: the same lemma from every text is one string)."""
    strings = list(map(intern, tail.decode("utf-8").split(_SEP))) if count else []
    if len(strings) != count:
        raise ValueError("damaged packed terms")
    return strings


def _values(strings: list[str], value_ids: array[int]) -> list[str]:
    """Each term by its id, gathered by numpy from an object array: one C loop, no int made
    per term (three times faster than a map over the ids). Ids are read unsigned, so a
    damaged one is an IndexError (never a count from the end)."""
    table = np.empty(len(strings), dtype=object)
    table[:] = strings
    try:
        values: list[str] = table[np.frombuffer(value_ids, dtype=np.uint32)].tolist()
    except IndexError:
        raise ValueError("damaged packed terms") from None
    return values


def unpack_terms(blob: bytes) -> ParseTerms:
    """The terms packed in ``blob`` (ValueError if it is not such a blob)."""
    if blob[:3] != MAGIC or len(blob) < 3 + 4 * _HEAD:
        raise ValueError("not packed terms")
    head = _ints(blob, 3, _HEAD)
    n, n_strings, end, length, cuts = head[0], head[1], head[2], head[3], tuple(head[4:])
    at = 3 + 4 * _HEAD
    starts, ends, value_ids = (_ints(blob, at + 4 * n * i, n) for i in range(3))
    strings = _strings(blob[at + 12 * n:], n_strings)
    if len(cuts) != _KINDS + 1 or cuts[-1] != n:
        raise ValueError("damaged packed terms")
    terms = ParseTerms.__new__(ParseTerms)
    terms.starts, terms.ends = starts, ends
    terms.values = _values(strings, value_ids)
    terms.cuts, terms.end, terms.length = cuts, end, length
    return terms


def _ints(blob: bytes, at: int, count: int) -> array[int]:
    values = array("i", blob[at:at + 4 * count])
    if len(values) != count:
        raise ValueError("truncated packed terms")
    if sys.byteorder != "little":
        values.byteswap()
    return values
