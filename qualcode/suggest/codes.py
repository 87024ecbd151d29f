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
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from qualcode.suggest.terms import Terms
from qualcode.suggest.threads import single_threaded
from qualcode.suggest.vectors import TermCounts, TfidfTerms

MODEL, SIMILARITY = "model", "similarity"


class CodeSuggester(BaseEstimator):
    """Rank codes for passages.

    Not a scikit-learn classifier (no ClassifierMixin): a passage can carry several codes,
    ``Y`` holds rejections as -1, and the output is a score per code, a multi-label ranking
    that ``ClassifierMixin.score`` (accuracy of one label) would misjudge. The estimator
    contract otherwise holds: parameters untouched in ``__init__``, work in ``fit``, learned
    attributes ending in ``_``, ``random_state`` honoured.

    min_examples: codes with at least this many coded passages get their own logistic
        regression; the others are scored by similarity to their description and examples.
    model_weight: a regression's share in its code's score; the rest is the code's similarity
        score, which steadies models learnt from a handful of examples (1.0: regression alone).
    C, class_weight, solver: of each logistic regression.
    random_state: seeds the solvers, so a fit is reproducible.
    """

    def __init__(self, *, min_examples: int = 5, model_weight: float = 0.5, C: float = 10.0,
                 class_weight: str | None = None, min_df: int = 1, max_df: float = 0.5,
                 solver: str = "lbfgs", random_state: int | None = 0) -> None:
        self.min_examples = min_examples
        self.model_weight = model_weight
        self.C = C
        self.class_weight = class_weight
        self.min_df = min_df
        self.max_df = max_df
        self.solver = solver
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
        counts = TermCounts([*X, *descriptions])
        return self.fit_counted(counts, np.arange(len(X)),
                                np.arange(len(X), len(X) + n_codes), Y)

    @single_threaded
    def fit_counted(self, counts: TermCounts, rows: np.ndarray, described: np.ndarray,
                    Y: np.ndarray) -> CodeSuggester:
        """``fit`` on texts counted already: the passages ``rows`` of ``counts`` (with ``Y``
        their rows) and the codes' descriptions ``described``. Cross-validation counts every
        passage once for all its folds."""
        self.vectorizer_ = TfidfTerms(counts, min_df=self.min_df, max_df=self.max_df)
        self.vectorizer_.fit(np.concatenate([rows, described]))
        features = (self.vectorizer_.rows(rows) if len(rows)  # none coded yet: an empty batch
                    else sparse.csr_matrix((0, len(self.vectorizer_.vocabulary_))))
        self.descriptions_ = self.vectorizer_.rows(described)
        n_codes = Y.shape[1]
        self.classes_ = np.arange(n_codes)
        coded = (Y == 1).any(axis=1)
        self.methods_: list[str] = choose_methods(Y, self.min_examples)
        self.models_: list[LogisticRegression | None] = []
        prototypes = []
        for c in range(n_codes):
            positive = Y[:, c] == 1
            if self.methods_[c] == MODEL:
                training = positive | _negative(Y, c, coded)
                model = LogisticRegression(C=self.C, class_weight=self.class_weight,
                                           solver=self.solver, random_state=self.random_state,
                                           max_iter=2000)
                model.fit(features[training], positive[training])
                self.models_.append(model)
            else:
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
        return self._proba(self.vectorizer_.transform(X))

    def _proba(self, features: sparse.csr_matrix) -> np.ndarray:
        similarity = np.asarray((features @ self.prototypes_.T).todense())
        scores = self.calibration_.predict_proba(similarity.reshape(-1, 1))[:, 1]
        scores = scores.reshape(similarity.shape)
        for c, model in enumerate(self.models_):
            if model is not None:
                scores[:, c] = (self.model_weight * model.predict_proba(features)[:, 1]
                                + (1 - self.model_weight) * scores[:, c])
        return scores

    @single_threaded
    def predict_counted(self, rows: np.ndarray) -> np.ndarray:
        """``predict_proba`` of the texts ``rows`` of the counts it was fitted on."""
        check_is_fitted(self, "models_")
        return self._proba(self.vectorizer_.rows(rows))

    def predict(self, X: Sequence[Terms]) -> np.ndarray:
        """The most likely code (column index) of each passage."""
        return np.asarray(np.argmax(self.predict_proba(X), axis=1))

    def explain(self, X: Sequence[Terms], pairs: Sequence[tuple[int, int]],
                n: int = 5) -> list[list[str]]:
        """For each (passage index, code) pair: the passage's words that pushed the code up
        most (its regression's weights, or its prototype for similarity codes)."""
        check_is_fitted(self, "models_")
        if not len(pairs):
            return []
        return self._explain(self.vectorizer_.transform(X).tocsr(), pairs, n)

    def _explain(self, rows: sparse.csr_matrix, pairs: Sequence[tuple[int, int]],
                 n: int) -> list[list[str]]:
        vocabulary = self.vectorizer_.get_feature_names_out()
        passage = np.fromiter((i for i, _ in pairs), dtype=np.intp, count=len(pairs))
        code = np.fromiter((c for _, c in pairs), dtype=np.intp, count=len(pairs))
        # every pair's stored entries of its passage's row, one flat run per pair
        lengths = (rows.indptr[passage + 1] - rows.indptr[passage]).astype(np.intp)
        firsts = np.cumsum(lengths) - lengths  # where each pair's run begins
        owner = np.repeat(np.arange(len(pairs)), lengths)
        entry = np.repeat(rows.indptr[passage].astype(np.intp) - firsts, lengths) + np.arange(
            int(lengths.sum()))
        terms = rows.indices[entry]
        contribution = rows.data[entry].astype(float)
        entry_code = code[owner]
        for c in np.unique(code):  # one code's weights at a time: a dense row of the vocabulary
            mine = entry_code == c
            contribution[mine] *= self._weights(int(c))[terms[mine]]
        order = np.lexsort((-contribution, owner))  # by pair, then strongest first
        rank = np.arange(len(order)) - np.repeat(firsts, lengths)
        kept = order[(rank < n) & (contribution[order] > 0)]
        found: list[list[str]] = [[] for _ in pairs]
        for pair, term in zip(owner[kept].tolist(), terms[kept].tolist(), strict=True):
            found[pair].append(str(vocabulary[term]))
        return found

    def _weights(self, code: int) -> np.ndarray:
        """Each term's weight for ``code``: its regression's coefficients, or its prototype."""
        model = self.models_[code]
        return (model.coef_.ravel() if model is not None
                else self.prototypes_[code].toarray().ravel())


def choose_methods(Y: np.ndarray, min_examples: int) -> list[str]:
    """Per code: MODEL when it has ``min_examples`` coded passages and some negative example,
    else SIMILARITY (what ``CodeSuggester.fit`` chooses, known without fitting)."""
    Y = np.asarray(Y)
    coded = (Y == 1).any(axis=1)
    return [MODEL if (Y[:, c] == 1).sum() >= min_examples and _negative(Y, c, coded).any()
            else SIMILARITY for c in range(Y.shape[1])]


def _negative(Y: np.ndarray, c: int, coded: np.ndarray) -> np.ndarray:
    """Negative examples of code ``c``: rejected for it, or coded with something else only."""
    return (Y[:, c] == -1) | (coded & (Y[:, c] == 0))


def description_similarity(counts: TermCounts, corpus: np.ndarray, rows: np.ndarray,
                           described: np.ndarray) -> np.ndarray:
    """Baseline: cosine similarity of each passage ``rows`` of ``counts`` to each code's
    description ``described`` alone (term weights learnt from ``corpus`` and the
    descriptions)."""
    vectorizer = TfidfTerms(counts).fit(np.concatenate([corpus, described]))
    return np.asarray((vectorizer.rows(rows) @ vectorizer.rows(described).T).todense())


@dataclass(frozen=True)
class CodeRanking:
    """Each candidate passage's best codes, as plain data (it crosses process boundaries)."""

    codes: np.ndarray  # (candidates, per_candidate): their best codes (column indices)
    scores: np.ndarray  # their scores, best first
    methods: list[str]  # per code: MODEL or SIMILARITY
    suggester: CodeSuggester  # fitted: explains the few pairs a run keeps
    features: sparse.csr_matrix  # the candidates' term weights

    def explain(self, pairs: Sequence[tuple[int, int]], n: int = 5) -> list[list[str]]:
        """For each (candidate, code) pair: the candidate's words that pushed the code up
        most. Asked only for the suggestions kept: each pair's words are its own, whatever
        else is asked."""
        return self.suggester._explain(self.features, pairs, n) if len(pairs) else []


@single_threaded
def rank_codes(X: Sequence[Terms], Y: Sequence[Sequence[int]], descriptions: Sequence[Terms],
               candidates: Sequence[Terms], params: dict[str, Any], *,
               per_candidate: int = 2) -> CodeRanking:
    """Fit a ``CodeSuggester(**params)`` and rank codes for ``candidates``: each passage's
    ``per_candidate`` best (ties to the earlier code); callable in a worker."""
    coded = np.asarray(Y).reshape(len(X), len(descriptions))  # also when nothing is coded yet
    fitted = CodeSuggester(**params).fit(X, coded, descriptions)
    features = fitted._features(candidates).tocsr()  # once, for scores and evidence
    scores = fitted._proba(features) if features.shape[0] else np.zeros((0, len(descriptions)))
    best = np.argsort(-scores, axis=1, kind="stable")[:, :per_candidate]
    return CodeRanking(codes=best, scores=np.take_along_axis(scores, best, axis=1),
                       methods=fitted.methods_, suggester=fitted, features=features)
