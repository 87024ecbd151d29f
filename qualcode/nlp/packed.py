"""The parse cache's compact form: a parse as a few flat arrays and one string table.

Same content as the JSON form (``ParseData``, see parsed.py) but read back without building
a list per token: integers come out of one ``array.frombytes`` and the lemmas and parts of
speech out of one ``str.split``, each distinct string once. Layout (little-endian int32):

    b"QP1" | counts: tokens, strings, chunks, sentences, entities |
    starts, ends, lemma ids, pos ids, flags (one int per token) |
    chunks (i, j) | sentences (start, end) | entities (start, end, label id) |
    the strings, UTF-8, separated by NUL

Stdlib only, so the store, the suggesters and worker processes can all use it.
"""

from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass

from qualcode.nlp.parsed import ParseData, data_from_json, data_to_json

MAGIC = b"QP1"
_COUNTS = 5
_SEP = "\x00"


@dataclass(frozen=True)
class PackedParse:
    """A parse in columns: per token its start, end, lemma, part of speech and flags; lemmas
    and parts of speech as ids into ``strings`` (each distinct string once), so a reader can
    judge a string once rather than once per token."""

    starts: list[int]
    ends: list[int]
    lemma_ids: list[int]
    pos_ids: list[int]
    flags: list[int]
    strings: list[str]
    chunks: list[tuple[int, int]]  # token index ranges [i, j)
    sentences: list[tuple[int, int]]  # character spans
    entities: list[tuple[int, int, str]]

    @property
    def lemmas(self) -> list[str]:
        return [self.strings[i] for i in self.lemma_ids]

    @property
    def pos(self) -> list[str]:
        return [self.strings[i] for i in self.pos_ids]

    @classmethod
    def of(cls, data: ParseData) -> PackedParse:
        """The columns of a parse's JSON form."""
        ids: dict[str, int] = {}
        tokens = data["t"]
        return cls(starts=[t[0] for t in tokens], ends=[t[1] for t in tokens],
                   lemma_ids=[ids.setdefault(t[2], len(ids)) for t in tokens],
                   pos_ids=[ids.setdefault(t[3], len(ids)) for t in tokens],
                   flags=[t[4] for t in tokens], strings=list(ids),
                   chunks=[(i, j) for i, j in data["nc"]],
                   sentences=[(s, e) for s, e in data["s"]],
                   entities=[(s, e, label) for s, e, label in data.get("e", [])])

    def to_data(self) -> ParseData:
        """The JSON form (lists), as the parser gave it."""
        return {"t": [list(t) for t in zip(self.starts, self.ends, self.lemmas, self.pos,
                                           self.flags, strict=True)],
                "nc": [list(c) for c in self.chunks], "s": [list(s) for s in self.sentences],
                "e": [list(e) for e in self.entities]}


def pack(data: ParseData) -> bytes | None:
    """``data`` in the compact form; None when a string holds a NUL (keep JSON then)."""
    ids: dict[str, int] = {}
    tokens = data["t"]

    def sid(s: str) -> int:
        found = ids.get(s)
        if found is None:
            found = ids[s] = len(ids)
        return found

    ints = array("i", [len(tokens), 0, len(data["nc"]), len(data["s"]), len(data.get("e", []))])
    ints.extend([t[0] for t in tokens])
    ints.extend([t[1] for t in tokens])
    ints.extend([sid(t[2]) for t in tokens])
    ints.extend([sid(t[3]) for t in tokens])
    ints.extend([t[4] for t in tokens])
    for pair in data["nc"]:
        ints.extend(pair)
    for pair in data["s"]:
        ints.extend(pair)
    for start, end, label in data.get("e", []):
        ints.extend((start, end, sid(label)))
    if any(_SEP in s for s in ids):
        return None
    ints[1] = len(ids)
    if sys.byteorder != "little":
        ints.byteswap()
    return MAGIC + ints.tobytes() + _SEP.join(ids).encode("utf-8")


def unpack(blob: bytes) -> PackedParse:
    """The columns of a packed parse (ValueError if it is not one)."""
    if blob[:3] != MAGIC or len(blob) < 3 + 4 * _COUNTS:
        raise ValueError("not a packed parse")
    counts = array("i", blob[3:3 + 4 * _COUNTS])
    if sys.byteorder != "little":
        counts.byteswap()
    n, n_strings, n_chunks, n_sentences, n_entities = counts
    size = 5 * n + 2 * n_chunks + 2 * n_sentences + 3 * n_entities
    body = 3 + 4 * _COUNTS
    ints = array("i", blob[body:body + 4 * size])
    if len(ints) != size:
        raise ValueError("truncated packed parse")
    if sys.byteorder != "little":
        ints.byteswap()
    tail = blob[body + 4 * size:]
    strings = tail.decode("utf-8").split(_SEP) if n_strings else []
    if len(strings) != n_strings:
        raise ValueError("packed parse has a wrong string table")
    values = ints.tolist()
    at = 5 * n
    chunks = list(zip(values[at:at + 2 * n_chunks:2], values[at + 1:at + 2 * n_chunks:2],
                      strict=True))
    at += 2 * n_chunks
    sentences = list(zip(values[at:at + 2 * n_sentences:2],
                         values[at + 1:at + 2 * n_sentences:2], strict=True))
    at += 2 * n_sentences
    ents = values[at:]
    entities = [(ents[i], ents[i + 1], strings[ents[i + 2]]) for i in range(0, len(ents), 3)]
    return PackedParse(
        starts=values[:n], ends=values[n:2 * n],
        lemma_ids=values[2 * n:3 * n], pos_ids=values[3 * n:4 * n], flags=values[4 * n:5 * n],
        strings=strings,
        chunks=chunks, sentences=sentences, entities=entities)


def encode(data: ParseData) -> bytes | str:
    """What the parse cache stores for a parse: the packed form, or JSON if it cannot be."""
    packed = pack(data)
    return packed if packed is not None else data_to_json(data)


def decode(stored: bytes | str) -> PackedParse:
    """A cached parse in either form: packed (bytes) or JSON (text, older caches)."""
    if isinstance(stored, bytes):
        return unpack(stored)
    return PackedParse.of(data_from_json(stored))
