"""Themes nobody coded yet: passages clustered on lemmatised TF-IDF reduced by LSA.

``ThemeSuggester`` follows scikit-learn's estimator contract: parameters stored untouched in
``__init__``, all work in ``fit``, learned attributes ending in ``_``, ``random_state``
honoured, ``fit`` returning self. ``X`` is a sequence of term lists (see ``terms.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from qualcode.suggest import theme_shape as shape
from qualcode.suggest.silhouette import cluster_sums
from qualcode.suggest.terms import Terms
from qualcode.suggest.threads import single_threaded
from qualcode.suggest.vectors import TermCounts, TfidfTerms

if TYPE_CHECKING:
    from scipy.sparse import spmatrix

MIN_PASSAGES = 6


class ThemeSuggester(ClusterMixin, TransformerMixin, BaseEstimator):
    """Cluster passages into themes.

    n_themes: how many themes; None chooses it by the silhouette score over
        ``min_themes..max_themes`` (capped so that a theme has about 5 passages or more), and
        past that range while the best is at its edge.
    n_components: dimensions kept by the LSA step (TruncatedSVD).
    min_df, max_df: terms in fewer / more (share) passages are left out.
    merge_above: clusters whose centres have a cosine similarity above this become one
        (when k is chosen, not given).
    giant_share: a cluster holding more than this share of the passages is split (when k is
        chosen, not given) or else flagged.
    weak_below: a theme whose members' mean silhouette is below this is flagged weak.
    n_representatives: passages kept per theme as its most typical members.
    random_state: seeds SVD and k-means, so a run is reproducible.
    """

    def __init__(self, n_themes: int | None = None, *, min_themes: int = 3,
                 max_themes: int = 12, n_components: int = 80, min_df: int = 2,
                 max_df: float = 0.5, merge_above: float = 0.7, giant_share: float = 0.35,
                 weak_below: float = 0.02, n_keywords: int = 8, n_representatives: int = 5,
                 n_init: int = 4, random_state: int | None = 0) -> None:
        self.n_themes = n_themes
        self.min_themes = min_themes
        self.max_themes = max_themes
        self.n_components = n_components
        self.min_df = min_df
        self.max_df = max_df
        self.merge_above = merge_above
        self.giant_share = giant_share
        self.weak_below = weak_below
        self.n_keywords = n_keywords
        self.n_representatives = n_representatives
        self.n_init = n_init
        self.random_state = random_state

    @single_threaded
    def fit(self, X: Sequence[Terms], y: object = None) -> ThemeSuggester:
        if len(X) < MIN_PASSAGES:
            raise ValueError(f"need at least {MIN_PASSAGES} passages to find themes, "
                             f"got {len(X)}")
        # TfidfVectorizer(analyzer=identity, sublinear_tf=True)'s matrix, counted in C
        self.vectorizer_ = TfidfTerms(TermCounts(X), min_df=self.min_df, max_df=self.max_df)
        every = np.arange(len(X))
        tfidf = self.vectorizer_.fit(every).rows(every)
        components = max(1, min(self.n_components, tfidf.shape[1] - 1, tfidf.shape[0] - 1))
        self.svd_ = TruncatedSVD(n_components=components, random_state=self.random_state)
        reduced = normalize(self.svd_.fit_transform(tfidf))
        cluster = shape.kmeans(self.n_init, self.random_state)
        labels, self.scores_ = shape.search_k(reduced, self._candidate_ks(len(X)), cluster,
                                              beyond=self.n_themes is None)
        if labels is None:
            raise ValueError("the passages are too alike to split into themes")
        self.merged_ = self.split_ = 0
        if self.n_themes is None:  # a k the user gave is kept: giants are only flagged
            labels, self.merged_ = shape.merge_near_duplicates(reduced, labels,
                                                               self.merge_above)
            labels, self.split_ = shape.split_giants(reduced, labels, self.giant_share,
                                                     cluster, MIN_PASSAGES)
        self.labels_ = labels
        self.n_themes_ = int(labels.max()) + 1
        self.cluster_centers_ = shape.centres(reduced, labels)
        self.silhouettes_ = shape.theme_silhouettes(reduced, labels)
        self._describe(tfidf, reduced)
        sizes = np.bincount(labels, minlength=self.n_themes_)
        self.flags_ = [[flag for flag, on in (("weak", s < self.weak_below),
                                              ("giant", size > self.giant_share * len(X)))
                        if on] for s, size in zip(self.silhouettes_, sizes, strict=True)]
        return self

    def _candidate_ks(self, n: int) -> list[int]:
        if self.n_themes is not None:
            return [min(self.n_themes, n - 1)]
        high = max(2, min(self.max_themes, n // 5))
        return list(range(min(self.min_themes, high), high + 1))

    def _describe(self, tfidf: spmatrix, reduced: np.ndarray) -> None:
        """Keywords (distinctive terms), cohesion and representatives of each theme."""
        vocabulary = self.vectorizer_.get_feature_names_out()
        overall = np.asarray(tfidf.mean(axis=0)).ravel()
        similarity = reduced @ self.cluster_centers_.T
        self.keywords_: list[list[str]] = []
        self.cohesion_: list[float] = []
        self.representatives_: list[list[int]] = []
        sizes = np.bincount(self.labels_, minlength=self.n_themes_)
        inside = cluster_sums(tfidf, self.labels_, self.n_themes_) / sizes[:, None]
        for k in range(self.n_themes_):
            members = np.flatnonzero(self.labels_ == k)
            lift = inside[k] - overall
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


@dataclass(frozen=True)
class ThemeFit:
    """What a fit found, as plain data (it crosses process boundaries)."""

    n_themes: int
    labels: list[int]  # theme of each passage
    keywords: list[list[str]]
    cohesion: list[float]
    representatives: list[list[int]]  # passage indices, most typical first
    scores: dict[int, float]  # silhouette per k tried
    silhouettes: list[float]  # per theme: its members' mean silhouette
    flags: list[list[str]]  # per theme: "weak", "giant"
    merged: int = 0  # near-duplicate clusters merged
    split: int = 0  # giant clusters split


def find_themes(X: Sequence[Terms], params: dict[str, Any]) -> ThemeFit:
    """Fit a ``ThemeSuggester(**params)``; callable in a worker process."""
    fitted = ThemeSuggester(**params).fit(X)
    return ThemeFit(n_themes=fitted.n_themes_, labels=[int(v) for v in fitted.labels_],
                    keywords=fitted.keywords_, cohesion=fitted.cohesion_,
                    representatives=fitted.representatives_, scores=fitted.scores_,
                    silhouettes=fitted.silhouettes_, flags=fitted.flags_,
                    merged=fitted.merged_, split=fitted.split_)
