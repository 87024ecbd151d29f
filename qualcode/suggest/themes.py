"""Themes nobody coded yet: passages clustered on lemmatised TF-IDF reduced by LSA.

``ThemeSuggester`` follows scikit-learn's estimator contract: parameters stored untouched in
``__init__``, all work in ``fit``, learned attributes ending in ``_``, ``random_state``
honoured, ``fit`` returning self. ``X`` is a sequence of term lists (see ``terms.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin, TransformerMixin
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from qualcode.suggest.terms import Terms, identity
from qualcode.suggest.threads import single_threaded

MIN_PASSAGES = 6


class ThemeSuggester(ClusterMixin, TransformerMixin, BaseEstimator):
    """Cluster passages into themes.

    n_themes: how many themes; None chooses it by the silhouette score over
        ``min_themes..max_themes`` (capped so that a theme has about 5 passages or more).
    n_components: dimensions kept by the LSA step (TruncatedSVD).
    min_df, max_df: terms in fewer / more (share) passages are left out.
    n_representatives: passages kept per theme as its most typical members.
    random_state: seeds SVD and k-means, so a run is reproducible.
    """

    def __init__(self, n_themes: int | None = None, *, min_themes: int = 3,
                 max_themes: int = 12, n_components: int = 80, min_df: int = 2,
                 max_df: float = 0.5, n_keywords: int = 8, n_representatives: int = 5,
                 n_init: int = 4, random_state: int | None = 0) -> None:
        self.n_themes = n_themes
        self.min_themes = min_themes
        self.max_themes = max_themes
        self.n_components = n_components
        self.min_df = min_df
        self.max_df = max_df
        self.n_keywords = n_keywords
        self.n_representatives = n_representatives
        self.n_init = n_init
        self.random_state = random_state

    @single_threaded
    def fit(self, X: Sequence[Terms], y: object = None) -> ThemeSuggester:
        if len(X) < MIN_PASSAGES:
            raise ValueError(f"need at least {MIN_PASSAGES} passages to find themes, "
                             f"got {len(X)}")
        self.vectorizer_ = TfidfVectorizer(analyzer=identity, min_df=self.min_df,
                                           max_df=self.max_df, sublinear_tf=True)
        tfidf = self.vectorizer_.fit_transform(X)
        components = max(1, min(self.n_components, tfidf.shape[1] - 1, tfidf.shape[0] - 1))
        self.svd_ = TruncatedSVD(n_components=components, random_state=self.random_state)
        reduced = normalize(self.svd_.fit_transform(tfidf))
        self.scores_: dict[int, float] = {}
        best: KMeans | None = None
        for k in self._candidate_ks(len(X)):
            model = KMeans(n_clusters=k, n_init=self.n_init, random_state=self.random_state)
            labels = model.fit_predict(reduced)
            if len(set(labels)) < 2:
                continue
            self.scores_[k] = cosine_silhouette(reduced, labels)
            if best is None or self.scores_[k] > self.scores_[best.n_clusters]:
                best = model
        if best is None:
            raise ValueError("the passages are too alike to split into themes")
        self.kmeans_ = best
        self.n_themes_ = best.n_clusters
        self.cluster_centers_ = normalize(best.cluster_centers_)
        self.labels_ = best.labels_
        self._describe(tfidf, reduced)
        return self

    def _candidate_ks(self, n: int) -> list[int]:
        if self.n_themes is not None:
            return [min(self.n_themes, n - 1)]
        high = max(2, min(self.max_themes, n // 5))
        return list(range(min(self.min_themes, high), high + 1))

    def _describe(self, tfidf: object, reduced: np.ndarray) -> None:
        """Keywords (distinctive terms), cohesion and representatives of each theme."""
        vocabulary = self.vectorizer_.get_feature_names_out()
        overall = np.asarray(tfidf.mean(axis=0)).ravel()  # type: ignore[attr-defined]
        similarity = reduced @ self.cluster_centers_.T
        self.keywords_: list[list[str]] = []
        self.cohesion_: list[float] = []
        self.representatives_: list[list[int]] = []
        for k in range(self.n_themes_):
            members = np.flatnonzero(self.labels_ == k)
            inside = np.asarray(tfidf[members].mean(axis=0)).ravel()  # type: ignore[index]
            lift = inside - overall
            order = [i for i in np.argsort(-lift) if lift[i] > 0][: self.n_keywords]
            self.keywords_.append([str(vocabulary[i]) for i in order])
            closeness = similarity[members, k]
            self.cohesion_.append(float(np.clip(closeness.mean(), 0.0, 1.0)))
            typical = members[np.argsort(-closeness)][: self.n_representatives]
            self.representatives_.append([int(i) for i in typical])

    @single_threaded
    def transform(self, X: Sequence[Terms]) -> np.ndarray:
        """Passages in the reduced (LSA) space, unit length."""
        check_is_fitted(self, "svd_")
        return normalize(self.svd_.transform(self.vectorizer_.transform(X)))

    def predict(self, X: Sequence[Terms]) -> np.ndarray:
        """The nearest theme of each passage."""
        return np.asarray(np.argmax(self.transform(X) @ self.cluster_centers_.T, axis=1))


def cosine_silhouette(unit: np.ndarray, labels: np.ndarray) -> float:
    """The mean silhouette coefficient under the cosine distance, for rows of unit length
    (or zero): the value of ``silhouette_score(unit, labels, metric="cosine")`` in
    O(n * k * d) time and memory instead of its O(n²) pairwise distances.

    With unit rows, the distances from a passage to all the members of a cluster sum to
    ``size - x · (sum of the members)``, so one product with the cluster sums replaces the
    distance matrix. Conventions as scikit-learn's: a passage's distance to itself is 0 (also
    for a zero row), its cluster's sum is divided by size - 1, and a passage alone in its
    cluster scores 0.
    """
    _, codes = np.unique(labels, return_inverse=True)  # labels as 0..k-1, as LabelEncoder
    codes = codes.ravel()
    n, k = len(codes), int(codes.max()) + 1
    sizes = np.bincount(codes, minlength=k).astype(float)
    sums = np.zeros((k, unit.shape[1]))
    np.add.at(sums, codes, unit)
    totals = sizes - unit @ sums.T  # (n, k): summed distances from each passage to each cluster
    rows = np.arange(n)
    itself = 1 - np.einsum("ij,ij->i", unit, unit)  # 0 but for rounding (1 for a zero row)
    with np.errstate(divide="ignore", invalid="ignore"):
        within = (totals[rows, codes] - itself) / (sizes[codes] - 1)
        means = totals / sizes
        means[rows, codes] = np.inf
        between = means.min(axis=1)
        scores = (between - within) / np.maximum(within, between)
    return float(np.nan_to_num(scores).mean())


@dataclass(frozen=True)
class ThemeFit:
    """What a fit found, as plain data (it crosses process boundaries)."""

    n_themes: int
    labels: list[int]  # theme of each passage
    keywords: list[list[str]]
    cohesion: list[float]
    representatives: list[list[int]]  # passage indices, most typical first
    scores: dict[int, float]  # silhouette per k tried


def find_themes(X: Sequence[Terms], params: dict[str, Any]) -> ThemeFit:
    """Fit a ``ThemeSuggester(**params)``; callable in a worker process."""
    fitted = ThemeSuggester(**params).fit(X)
    return ThemeFit(n_themes=fitted.n_themes_, labels=[int(v) for v in fitted.labels_],
                    keywords=fitted.keywords_, cohesion=fitted.cohesion_,
                    representatives=fitted.representatives_, scores=fitted.scores_)
