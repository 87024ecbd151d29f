"""From parses to the terms the suggesters count: content lemmas and noun-chunk phrases.

A document's turns are parsed one by one; ``DocumentTerms`` places those parses at their
offsets in the document, so the terms of any span (a coding, a sentence, a turn) can be read
without parsing again. Plain Python: no spaCy, no scikit-learn.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.nlp.parsed import ParsedText, ParsedToken

Terms = list[str]

# Speech that carries no topic: fillers, back-channels, courtesies and transcribers' stage
# directions. Without them, greetings and sign-offs form a "theme" of their own.
FILLERS = frozenset({
    "um", "uh", "erm", "er", "hmm", "mm", "mhm", "ah", "oh", "yeah", "yes", "okay", "ok",
    "laugh", "laughs", "laughter", "pause", "inaudible", "crosstalk", "like", "know", "mean",
    "think", "say", "thing", "lot", "bit", "kind", "sort", "actually", "really", "maybe", "just",
    "right", "sure", "well", "guess", "honestly", "basically", "hello", "hi", "bye", "thank",
    "thanks", "sorry", "hear", "luck", "pleasure", "welcome", "morning", "afternoon", "evening",
    "fine", "perfect", "great", "nice", "lovely", "want", "ask", "tell", "let", "come", "go",
    "get", "way", "time", "year", "month", "week", "day",
})


# Nouns, verbs and adjectives carry topics. Names (PROPN) are left out of themes, where they
# would cluster passages by interview, but help to recognise codes (COVID, Viber, EU).
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
NAME_POS = frozenset({"PROPN"})


def is_content(token: ParsedToken, names: bool = False) -> bool:
    """A word worth counting (without a tagger, "" part of speech, every non-stop word)."""
    return (token.is_alpha and not token.is_stop and len(token.lemma) > 1
            and token.lemma not in FILLERS
            and (not token.pos or token.pos in CONTENT_POS or (names and token.pos in NAME_POS)))


def phrase(tokens: Sequence[ParsedToken], names: bool = False) -> str | None:
    """A noun chunk as a phrase term ("case management"), or None if under two content words."""
    words = [t.lemma for t in tokens if is_content(t, names)]
    return " ".join(words) if len(words) >= 2 else None


@dataclass(frozen=True)
class PlacedParse:
    offset: int  # where the parsed text starts in the document
    parsed: ParsedText


class DocumentTerms:
    """Terms of any span of one document, from the parses of its turns."""

    def __init__(self, parts: Sequence[PlacedParse]) -> None:
        self.parts = sorted(parts, key=lambda p: p.offset)
        self._starts = [p.offset for p in self.parts]

    def terms(self, start: int, end: int, *, names: bool = False) -> Terms:
        """Content lemmas and noun-chunk phrases inside ``[start, end)`` (with proper names
        when ``names``)."""
        found: Terms = []
        for part in self._parts_over(start, end):
            tokens = part.parsed.tokens
            inside = [start <= part.offset + t.start and part.offset + t.end <= end
                      for t in tokens]
            found += [t.lemma for t, ok in zip(tokens, inside, strict=True)
                      if ok and is_content(t, names)]
            for i, j in part.parsed.noun_chunks:
                if all(inside[i:j]):
                    term = phrase(tokens[i:j], names)
                    if term:
                        found.append(term)
        return found

    def sentences(self, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence spans (document offsets) lying inside ``[start, end)``."""
        return [(part.offset + s, part.offset + e)
                for part in self._parts_over(start, end)
                for s, e in part.parsed.sentences
                if start <= part.offset + s and part.offset + e <= end]

    def _parts_over(self, start: int, end: int) -> list[PlacedParse]:
        first = max(0, bisect_left(self._starts, start) - 1)
        found = []
        for part in self.parts[first:]:
            if part.offset >= end:
                break
            last = part.parsed.tokens[-1].end if part.parsed.tokens else 0
            if part.offset + last > start:
                found.append(part)
        return found


def text_terms(parsed: ParsedText, *, names: bool = False) -> Terms:
    """Terms of a whole parsed text (a code's definition, say)."""
    return DocumentTerms([PlacedParse(0, parsed)]).terms(0, 1 << 62, names=names)


def identity(terms: Terms) -> Terms:
    """The analyzer the vectorizers use: terms are already made (module-level so it pickles)."""
    return terms


def theme_label(keywords: Sequence[str], size: int = 3) -> str:
    """A readable theme label: its most distinctive phrases first, no word said twice."""
    chosen: list[str] = []
    for term in sorted(keywords, key=lambda t: (" " not in t, keywords.index(t))):
        words = set(term.split())
        if any(words & set(c.split()) for c in chosen):
            continue
        chosen.append(term)
        if len(chosen) == size:
            break
    return " / ".join(chosen) if chosen else "(no distinctive words)"
