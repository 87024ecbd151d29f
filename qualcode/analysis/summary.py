"""Extractive summaries: the most central sentences of a set of coded segments.

Used to draft a framework-matrix cell. Sentences are cleaned of speech fillers here; how
central each is (TF-IDF cosine similarity to the centroid of all, with scikit-learn) is
``qualcode.suggest.summary``'s, imported when a draft is made. The most central sentences are
kept, near-duplicates skipped, in the order they were said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qualcode.core.spans import sentences

MIN_WORDS = 5  # shorter sentences ("Yes, exactly.") say little on their own
TOO_SIMILAR = 0.6  # cosine above which a sentence repeats one already chosen

_FILLER = re.compile(r"(?i)(?<![\w'’-])(?:um+|uh+|erm+|er|hmm+|mm+)(?![\w'’-])[,.]?\s*")
# "you know," / ", I mean" as asides, not "I mean the forum" or "you know them".
_ASIDE = re.compile(r"(?i),\s*(?:you know|i mean),|\b(?:you know|i mean),\s*"
                    r"|,\s*(?:you know|i mean)\b(?=[,.!?])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SPACES = re.compile(r"[ \t]+")


def clean(sentence: str) -> str:
    """Speech fillers out, white space tidied, first letter upper-case."""
    text = _ASIDE.sub("", _FILLER.sub("", sentence)).replace("\n", " ")
    text = _SPACES.sub(" ", text).strip(" ,;-–—")
    return text[:1].upper() + text[1:]


def central_sentences(texts: Sequence[str], *, max_sentences: int = 3,
                      max_words: int = 90) -> list[str]:
    """Up to ``max_sentences`` (and about ``max_words``) central sentences of ``texts``."""
    candidates: list[str] = []
    seen: set[str] = set()
    for text in texts:
        for start, end in sentences(text):
            sentence = clean(text[start:end])
            words = [w.lower() for w in _WORD.findall(sentence)]
            key = " ".join(words)
            if len(words) >= MIN_WORDS and key not in seen:
                seen.add(key)
                candidates.append(sentence)
    if not candidates:
        return []
    from qualcode.suggest.summary import centrality  # scikit-learn, only when drafting

    central, similar = centrality(candidates)
    ranked = sorted(range(len(candidates)), key=lambda i: (-central[i], i))
    chosen: list[int] = []
    chosen_words = 0
    for i in ranked:
        length = len(candidates[i].split())
        if chosen and chosen_words + length > max_words:
            continue
        if any(similar[i, c] > TOO_SIMILAR for c in chosen):
            continue
        chosen.append(i)
        chosen_words += length
        if len(chosen) == max_sentences:
            break
    return [candidates[i] for i in sorted(chosen)]
