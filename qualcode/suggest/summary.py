"""Which sentences are central to a set: scikit-learn's TF-IDF (its English stop words plus
the speech fillers the suggesters leave out) and cosine similarity to their centroid.

Used by ``analysis/summary.py`` to draft a framework-matrix cell; kept here because
scikit-learn is imported only in this package.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from qualcode.suggest.terms import FILLERS

STOP_WORDS = sorted(ENGLISH_STOP_WORDS | FILLERS | {"don't", "i'm", "it's", "that's", "we're",
                                                    "they're", "you're", "can't", "didn't"})
WORD = r"(?u)[^\W\d_][\w'’-]*"  # words, with their apostrophes and hyphens; no numbers


def centrality(sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's cosine similarity to the centroid of all of them, and their pairwise
    similarities (all zero when no sentence has a content word)."""
    vectorizer = TfidfVectorizer(token_pattern=WORD, stop_words=STOP_WORDS)
    try:
        tfidf = vectorizer.fit_transform(sentences)
    except ValueError:  # nothing but stop words
        n = len(sentences)
        return np.zeros(n), np.zeros((n, n))
    centroid = np.asarray(tfidf.sum(axis=0))
    return cosine_similarity(tfidf, centroid).ravel(), cosine_similarity(tfidf)
