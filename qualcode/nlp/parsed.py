"""A spaCy parse as plain, serialisable data: what the suggesters need and nothing else.

Offsets are code-point indices into the parsed text. Kept free of spaCy so that the suggest
layer, the store's cache and worker processes can pass parses around cheaply.

A parse has two forms. ``ParsedText`` (token objects) is convenient to read; ``ParseData``,
the decoded JSON the cache stores, is what bulk work passes around: it costs a few lists per
text instead of an object per token.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

STOP, ALPHA = 1, 2  # bits of a token's flags in ParseData

# {"t": [[start, end, lemma, pos, flags], ...], "nc": [[i, j], ...], "s": [[start, end], ...],
#  "e": [[start, end, label], ...]}: tokens, noun chunks (token ranges), sentences, entities.
ParseData = dict[str, list[Any]]


@dataclass(frozen=True)
class ParsedToken:
    start: int
    end: int
    lemma: str  # lower case; the word itself when the pipeline has no lemmatizer
    pos: str  # universal part of speech, "" without a tagger
    is_stop: bool
    is_alpha: bool


@dataclass(frozen=True)
class ParsedText:
    tokens: tuple[ParsedToken, ...]
    noun_chunks: tuple[tuple[int, int], ...]  # token index ranges [i, j)
    sentences: tuple[tuple[int, int], ...]  # character spans, trimmed
    entities: tuple[tuple[int, int, str], ...] = ()  # character spans and labels

    def to_data(self) -> ParseData:
        return {
            "t": [[t.start, t.end, t.lemma, t.pos, STOP * t.is_stop + ALPHA * t.is_alpha]
                  for t in self.tokens],
            "nc": [list(c) for c in self.noun_chunks],
            "s": [list(s) for s in self.sentences],
            "e": [list(e) for e in self.entities],
        }

    @classmethod
    def from_data(cls, data: ParseData) -> ParsedText:
        return cls(
            tokens=tuple(ParsedToken(s, e, lemma, pos, bool(f & STOP), bool(f & ALPHA))
                         for s, e, lemma, pos, f in data["t"]),
            noun_chunks=tuple((i, j) for i, j in data["nc"]),
            sentences=tuple((s, e) for s, e in data["s"]),
            entities=tuple((s, e, label) for s, e, label in data.get("e", [])),
        )

    def to_json(self) -> str:
        return data_to_json(self.to_data())

    @classmethod
    def from_json(cls, text: str) -> ParsedText:
        return cls.from_data(data_from_json(text))


# One encoder for every parse (json.dumps with options builds a new one per call); parses
# are plain lists and dicts, so the check for cycles is skipped.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def data_to_json(data: ParseData) -> str:
    """The cache's text form of a parse."""
    return _ENCODER.encode(data)


def data_from_json(text: str) -> ParseData:
    data: ParseData = json.loads(text)
    data.setdefault("e", [])
    return data


def text_key(text: str) -> str:
    """The parse cache key of a text (with the model name and version beside it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
