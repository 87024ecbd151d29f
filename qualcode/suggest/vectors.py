"""TF-IDF over term lists, counted once: TfidfVectorizer's matrices without recounting.

Cross-validation fits a vectorizer per fold on a subset of the same passages, and each fit
and each transform after it counted the passages' terms again (35 counting passes for five
folds). Here the texts are counted once over their whole sorted vocabulary (``TermCounts``).
A fit on some of them keeps the columns TfidfVectorizer would keep (its vocabulary is sorted
too, and pruned by the same document-frequency limits), and weighs them with scikit-learn's
own TfidfTransformer fitted on the same counts, so each matrix equals
``TfidfVectorizer(analyzer=identity, sublinear_tf=True, min_df=, max_df=)``'s, entry for
entry (tests/suggest/test_vectors.py holds them side by side).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, repeat
from numbers import Integral

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from qualcode.suggest.terms import Terms


class TermCounts:
    """How often each term occurs in each of ``texts``: a (texts, terms) matrix whose columns
    are the terms in sorted order and whose rows hold their columns ascending."""

    def __init__(self, texts: Sequence[Terms]) -> None:
        self.terms = sorted({term for text in texts for term in text})
        self.matrix = count(texts, dict(zip(self.terms, range(len(self.terms)), strict=True)))


def count(texts: Sequence[Terms], column: dict[str, int]) -> sparse.csr_matrix:
    """How often each term of ``column`` occurs in each text (others left out), with each
    row's columns ascending: what CountVectorizer makes, but looked up and summed in C
    rather than term by term in Python."""
    lengths = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts))
    found = np.fromiter(map(column.get, chain.from_iterable(texts), repeat(-1)),
                        dtype=np.intp, count=int(lengths.sum()))
    rows = np.repeat(np.arange(len(texts)), lengths)
    known = found >= 0  # -1: outside the vocabulary
    matrix = sparse.coo_matrix(
        (np.ones(int(known.sum()), dtype=np.int64), (rows[known], found[known])),
        shape=(len(texts), len(column))).tocsr()
    matrix.sum_duplicates()  # a term's occurrences in one text: its count
    matrix.sort_indices()
    return matrix


class TfidfTerms:
    """A TF-IDF weighting fitted on rows of a ``TermCounts``; transforms its rows by slicing,
    and other texts by counting them over its vocabulary."""

    def __init__(self, counts: TermCounts, *, min_df: float = 1, max_df: float = 1.0) -> None:
        self.counts = counts
        self.min_df = min_df
        self.max_df = max_df

    def fit(self, rows: np.ndarray) -> TfidfTerms:
        """Learn the vocabulary and the weights from ``rows``, as TfidfVectorizer.fit on their
        texts would (the same errors too)."""
        fitted = self.counts.matrix[rows]
        found = np.bincount(fitted.indices, minlength=fitted.shape[1])  # document frequency
        if not found.any():
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        n = fitted.shape[0]
        high = self.max_df if isinstance(self.max_df, Integral) else self.max_df * n
        low = self.min_df if isinstance(self.min_df, Integral) else self.min_df * n
        if high < low:
            raise ValueError("max_df corresponds to < documents than min_df")
        self.columns_ = np.flatnonzero((found > 0) & (found <= high) & (found >= low))
        if not len(self.columns_):
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher "
                             "max_df.")
        terms = [self.counts.terms[c] for c in self.columns_.tolist()]
        self.vocabulary_ = dict(zip(terms, range(len(terms)), strict=True))
        self.tfidf_ = TfidfTransformer(sublinear_tf=True).fit(self._kept(fitted))
        return self

    def rows(self, rows: np.ndarray) -> sparse.csr_matrix:
        """The weighted terms of some of the counted texts."""
        return self.tfidf_.transform(self._kept(self.counts.matrix[rows]))

    def transform(self, texts: Sequence[Terms]) -> sparse.csr_matrix:
        """The weighted terms of any texts (terms outside the vocabulary left out)."""
        return self.tfidf_.transform(count(texts, self.vocabulary_))

    def get_feature_names_out(self) -> np.ndarray:
        return np.asarray(list(self.vocabulary_), dtype=object)

    def _kept(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        kept = counts[:, self.columns_].tocsr()
        kept.sort_indices()  # as counting makes them
        return kept
