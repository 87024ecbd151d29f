"""Which code fits a passage: a linear model per well-used code, definition similarity for the rest.

``CodeSuggester`` follows scikit-learn's estimator contract. ``X`` is a sequence of term lists;
``Y`` is an (n_passages, n_codes) matrix with 1 where a passage carries a code, -1 where a
suggestion of that code for it was rejected, and 0 otherwise. A 0 counts as a negative example
only for passages that carry some code (an uncoded passage may simply not be coded yet).
``descriptions`` gives each code's terms from its name, definition, inclusion notes and
example.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from qualcode.suggest.terms import Terms, identity
from qualcode.suggest.threads import single_threaded

MODEL, SIMILARITY = "model", "similarity"


class CodeSuggester(ClassifierMixin, BaseEstimator):
    """Rank codes for passages.

    min_examples: codes with at least this many coded passages get their own logistic
        regression; the others are scored by similarity to their description and examples.
    model_weight: a regression's share in its code's score; the rest is the code's similarity
        score, which steadies models learnt from a handful of examples (1.0: regression alone).
    C, class_weight: of each logistic regression.
    random_state: seeds the solvers, so a fit is reproducible.
    """

    def __init__(self, *, min_examples: int = 5, model_weight: float = 0.5, C: float = 10.0,
                 class_weight: str | None = None, min_df: int = 1, max_df: float = 0.5,
                 random_state: int | None = 0) -> None:
        self.min_examples = min_examples
        self.model_weight = model_weight
        self.C = C
        self.class_weight = class_weight
        self.min_df = min_df
        self.max_df = max_df
        self.random_state = random_state

    @single_threaded
    def fit(self, X: Sequence[Terms], Y: np.ndarray,
            descriptions: Sequence[Terms] | None = None) -> CodeSuggester:
        Y = np.asarray(Y)
        if Y.ndim != 2 or Y.shape[0] != len(X):
            raise ValueError("Y must be an (n_passages, n_codes) matrix of -1, 0 and 1")
        n_codes = Y.shape[1]
        descriptions = list(descriptions) if descriptions is not None else [[]] * n_codes
        if len(descriptions) != n_codes:
            raise ValueError(f"{len(descriptions)} descriptions for {n_codes} codes")
        self.vectorizer_ = TfidfVectorizer(analyzer=identity, min_df=self.min_df,
                                           max_df=self.max_df, sublinear_tf=True)
        self.vectorizer_.fit(list(X) + descriptions)
        features = self._features(X)
        self.descriptions_ = self.vectorizer_.transform(descriptions)
        self.classes_ = np.arange(n_codes)
        coded = (Y == 1).any(axis=1)
        self.methods_: list[str] = []
        self.models_: list[LogisticRegression | None] = []
        prototypes = []
        for c in range(n_codes):
            positive = Y[:, c] == 1
            negative = (Y[:, c] == -1) | (coded & (Y[:, c] == 0))
            if positive.sum() >= self.min_examples and negative.any():
                rows = positive | negative
                model = LogisticRegression(C=self.C, class_weight=self.class_weight,
                                           random_state=self.random_state, max_iter=2000)
                model.fit(features[rows], positive[rows])
                self.methods_.append(MODEL)
                self.models_.append(model)
            else:
                self.methods_.append(SIMILARITY)
                self.models_.append(None)
            prototype = self.descriptions_[c]
            if positive.any():  # the description plus the code's own (few) examples
                prototype = prototype + sparse.csr_matrix(features[positive].sum(axis=0))
            prototypes.append(sparse.csr_matrix(prototype))
        self.prototypes_ = normalize(sparse.vstack(prototypes).tocsr())
        self.calibration_ = self._calibrate(features[coded], Y[coded] == 1)
        return self

    def _features(self, X: Sequence[Terms]) -> sparse.csr_matrix:
        if not len(X):  # nothing coded yet: the vectorizer refuses an empty batch
            return sparse.csr_matrix((0, len(self.vectorizer_.vocabulary_)))
        return self.vectorizer_.transform(X)

    def _calibrate(self, features: sparse.csr_matrix, truth: np.ndarray) -> LogisticRegression:
        """Map similarity to a description onto a chance of carrying the code, learned once
        over all codes from the coded passages, so both kinds of score rank together."""
        similarity = np.asarray((features @ normalize(self.descriptions_).T).todense())
        values, labels = similarity.reshape(-1, 1), truth.reshape(-1)
        if len(set(labels)) < 2:  # nothing to learn from: keep raw similarity
            values, labels = np.array([[0.0], [1.0]]), np.array([False, True])
        return LogisticRegression(random_state=self.random_state).fit(values, labels)

    @single_threaded
    def predict_proba(self, X: Sequence[Terms]) -> np.ndarray:
        """(n_passages, n_codes) confidences in 0..1; rows need not sum to one (a passage can
        carry several codes)."""
        check_is_fitted(self, "models_")
        features = self.vectorizer_.transform(X)
        similarity = np.asarray((features @ self.prototypes_.T).todense())
        scores = self.calibration_.predict_proba(similarity.reshape(-1, 1))[:, 1]
        scores = scores.reshape(similarity.shape)
        for c, model in enumerate(self.models_):
            if model is not None:
                scores[:, c] = (self.model_weight * model.predict_proba(features)[:, 1]
                                + (1 - self.model_weight) * scores[:, c])
        return scores

    def predict(self, X: Sequence[Terms]) -> np.ndarray:
        """The most likely code (column index) of each passage."""
        return np.asarray(np.argmax(self.predict_proba(X), axis=1))

    def explain(self, X: Sequence[Terms], pairs: Sequence[tuple[int, int]],
                n: int = 5) -> list[list[str]]:
        """For each (passage index, code) pair: the passage's words that pushed the code up
        most (its regression's weights, or its prototype for similarity codes)."""
        check_is_fitted(self, "models_")
        rows = self.vectorizer_.transform(X).tocsr()
        vocabulary = self.vectorizer_.get_feature_names_out()
        found = []
        for i, code in pairs:
            model = self.models_[code]
            row = rows[i]
            weights = (model.coef_.ravel()[row.indices] if model is not None
                       else self.prototypes_[code].toarray().ravel()[row.indices])
            contribution = row.data * weights
            order = np.argsort(-contribution)[:n]
            found.append([str(vocabulary[row.indices[j]]) for j in order
                          if contribution[j] > 0])
        return found


def description_similarity(corpus: Sequence[Terms], X: Sequence[Terms],
                           descriptions: Sequence[Terms]) -> np.ndarray:
    """Baseline: cosine similarity of each passage to each code's description alone (term
    weights learnt from ``corpus`` and the descriptions)."""
    vectorizer = TfidfVectorizer(analyzer=identity, sublinear_tf=True)
    vectorizer.fit(list(corpus) + list(descriptions))
    return np.asarray((vectorizer.transform(X) @ vectorizer.transform(descriptions).T).todense())


@dataclass(frozen=True)
class CodeRanking:
    """Scores of candidate passages, as plain data (it crosses process boundaries)."""

    scores: list[list[float]]  # (candidates, codes)
    methods: list[str]  # per code: MODEL or SIMILARITY
    evidence: dict[tuple[int, int], list[str]]  # (candidate, code) -> words, for the best few


def rank_codes(X: Sequence[Terms], Y: Sequence[Sequence[int]], descriptions: Sequence[Terms],
               candidates: Sequence[Terms], params: dict[str, Any], *,
               per_candidate: int = 2, min_score: float = 0.0) -> CodeRanking:
    """Fit a ``CodeSuggester(**params)`` and score ``candidates``, explaining each passage's
    ``per_candidate`` best codes scoring ``min_score`` or more; callable in a worker."""
    Y = np.asarray(Y).reshape(len(X), len(descriptions))  # also when nothing is coded yet
    fitted = CodeSuggester(**params).fit(X, Y, descriptions)
    scores = fitted.predict_proba(candidates) if candidates else np.zeros((0, Y.shape[1]))
    pairs = [(i, int(c)) for i, row in enumerate(scores)
             for c in np.argsort(-row)[:per_candidate] if row[c] >= min_score]
    words = fitted.explain(candidates, pairs) if pairs else []
    return CodeRanking(scores=scores.tolist(), methods=fitted.methods_,
                       evidence=dict(zip(pairs, words, strict=True)))
