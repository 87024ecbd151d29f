"""A spaCy parse as plain, serialisable data: what the suggesters need and nothing else.

Offsets are code-point indices into the parsed text. Kept free of spaCy so that the suggest
layer, the store's cache and worker processes can pass parses around cheaply.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

_STOP, _ALPHA = 1, 2


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

    def to_json(self) -> str:
        return json.dumps({
            "t": [[t.start, t.end, t.lemma, t.pos, _STOP * t.is_stop + _ALPHA * t.is_alpha]
                  for t in self.tokens],
            "nc": [list(c) for c in self.noun_chunks],
            "s": [list(s) for s in self.sentences],
            "e": [list(e) for e in self.entities],
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ParsedText:
        data = json.loads(text)
        return cls(
            tokens=tuple(ParsedToken(s, e, lemma, pos, bool(f & _STOP), bool(f & _ALPHA))
                         for s, e, lemma, pos, f in data["t"]),
            noun_chunks=tuple((i, j) for i, j in data["nc"]),
            sentences=tuple((s, e) for s, e in data["s"]),
            entities=tuple((s, e, label) for s, e, label in data.get("e", [])),
        )


def text_key(text: str) -> str:
    """The parse cache key of a text (with the model name and version beside it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
