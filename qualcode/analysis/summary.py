"""Extractive summaries: the most central sentences of a set of coded segments.

Used to draft a framework-matrix cell. Each sentence is a bag of content words weighted by
how rare the word is among the sentences (TF-IDF); its centrality is its cosine similarity to
the centroid of all sentences. The most central sentences are kept, near-duplicates skipped,
in the order they were said. Standard library only (scikit-learn lives in suggest/).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.analysis.stopwords import STOPWORDS
from qualcode.core.spans import sentences

MIN_WORDS = 5  # shorter sentences ("Yes, exactly.") say little on their own
TOO_SIMILAR = 0.6  # cosine above which a sentence repeats one already chosen

_FILLER = re.compile(r"(?i)(?<![\w'’-])(?:um+|uh+|erm+|er|hmm+|mm+)(?![\w'’-])[,.]?\s*")
# "you know," / ", I mean" as asides, not "I mean the forum" or "you know them".
_ASIDE = re.compile(r"(?i),\s*(?:you know|i mean),|\b(?:you know|i mean),\s*"
                    r"|,\s*(?:you know|i mean)\b(?=[,.!?])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class _Sentence:
    text: str
    order: int
    vector: dict[str, float]


def clean(sentence: str) -> str:
    """Speech fillers out, white space tidied, first letter upper-case."""
    text = _ASIDE.sub("", _FILLER.sub("", sentence)).replace("\n", " ")
    text = _SPACES.sub(" ", text).strip(" ,;-–—")
    return text[:1].upper() + text[1:]


def central_sentences(texts: Sequence[str], *, max_sentences: int = 3,
                      max_words: int = 90) -> list[str]:
    """Up to ``max_sentences`` (and about ``max_words``) central sentences of ``texts``."""
    candidates: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for text in texts:
        for start, end in sentences(text):
            sentence = clean(text[start:end])
            terms = [w.lower() for w in _WORD.findall(sentence)]
            key = " ".join(terms)
            if len(terms) >= MIN_WORDS and key not in seen:
                seen.add(key)
                candidates.append((sentence, [t for t in terms if t not in STOPWORDS]))
    if not candidates:
        return []
    weighted = _weigh(candidates)
    centroid: dict[str, float] = {}
    for s in weighted:
        for term, value in s.vector.items():
            centroid[term] = centroid.get(term, 0.0) + value
    ranked = sorted(weighted, key=lambda s: (-_cosine(s.vector, centroid), s.order))
    chosen: list[_Sentence] = []
    words = 0
    for s in ranked:
        length = len(s.text.split())
        if chosen and words + length > max_words:
            continue
        if any(_cosine(s.vector, c.vector) > TOO_SIMILAR for c in chosen):
            continue
        chosen.append(s)
        words += length
        if len(chosen) == max_sentences:
            break
    return [s.text for s in sorted(chosen, key=lambda s: s.order)]


def _weigh(candidates: list[tuple[str, list[str]]]) -> list[_Sentence]:
    df: Counter[str] = Counter()
    for _, terms in candidates:
        df.update(set(terms))
    n = len(candidates)
    found = []
    for order, (text, terms) in enumerate(candidates):
        tf = Counter(terms)
        vector = {t: count * math.log(1 + n / df[t]) for t, count in tf.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        found.append(_Sentence(text, order, {t: v / norm for t, v in vector.items()}))
    return found


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large.get(t, 0.0) for t, v in small.items())
    norm_a = math.sqrt(sum(v * v for v in a.values()))
    norm_b = math.sqrt(sum(v * v for v in b.values()))
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0
