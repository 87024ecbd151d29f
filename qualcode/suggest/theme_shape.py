"""Shaping k-means clusters into themes worth reading: choose k by silhouette (looking past the
edge of the range when the best is on it), merge near-duplicate clusters, split a giant one,
and judge each theme by its members' silhouette.

Functions over passages already in the reduced (LSA) space, rows of unit length.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import normalize

from qualcode.suggest.silhouette import (
    cluster_sums,
    cosine_silhouette,
    cosine_silhouette_samples,
)

MIN_SIZE = 5  # passages a theme should have at least, on average, when k is searched
Clusterer = Callable[[np.ndarray, int], np.ndarray]  # (rows, k) -> labels


def kmeans(n_init: int, random_state: int | None) -> Clusterer:
    def cluster(rows: np.ndarray, k: int) -> np.ndarray:
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state)
        return np.asarray(model.fit_predict(rows))
    return cluster


def search_k(rows: np.ndarray, ks: Iterable[int], cluster: Clusterer, *,
             beyond: bool = True) -> tuple[np.ndarray | None, dict[int, float]]:
    """The labels of the k with the best silhouette, and the score of every k tried. While
    the best is at an edge of the range, the next k past that edge is tried too (down to 2;
    up to a theme per MIN_SIZE passages)."""
    n = len(rows)
    scores: dict[int, float] = {}
    best: tuple[float, np.ndarray] | None = None

    def trial(k: int) -> None:
        nonlocal best
        labels = cluster(rows, k)
        if not 2 <= len(set(labels.tolist())) <= n - 1:
            scores[k] = -1.0  # tried, no usable split
            return
        scores[k] = cosine_silhouette(rows, labels)
        if best is None or scores[k] > best[0]:
            best = (scores[k], labels)

    for k in ks:
        trial(k)
    while beyond and scores:
        chosen = max(scores, key=lambda k: (scores[k], -k))
        low, high = min(scores), max(scores)
        if chosen == high and high + 1 <= max(2, n // MIN_SIZE) and high + 1 < n:
            trial(high + 1)
        elif chosen == low and low - 1 >= 2:
            trial(low - 1)
        else:
            break
    return (best[1] if best else None), scores


def centres(rows: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Unit-length mean of each cluster's rows (labels 0..k-1)."""
    return normalize(cluster_sums(rows, labels, int(labels.max()) + 1))


def compact(labels: np.ndarray) -> np.ndarray:
    """Labels renumbered 0..k-1 in order of first use."""
    _, first = np.unique(labels, return_index=True)
    order = {int(labels[i]): new for new, i in enumerate(sorted(first))}
    return np.array([order[int(v)] for v in labels], dtype=int)


def merge_near_duplicates(rows: np.ndarray, labels: np.ndarray,
                          above: float) -> tuple[np.ndarray, int]:
    """Clusters whose centres are closer than ``above`` (cosine) become one, closest pair
    first, until none are; returns the labels and how many merges were made."""
    labels = compact(labels)
    merges = 0
    while int(labels.max()) >= 2:  # keep at least two themes
        centre = centres(rows, labels)
        similarity = centre @ centre.T
        np.fill_diagonal(similarity, -1.0)
        a, b = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
        if similarity[a, b] < above:
            break
        labels = compact(np.where(labels == b, a, labels))
        merges += 1
    return labels, merges


def split_giants(rows: np.ndarray, labels: np.ndarray, share: float, cluster: Clusterer,
                 min_size: int) -> tuple[np.ndarray, int]:
    """A cluster holding more than ``share`` of the passages (and at least ``2 * min_size``)
    is split by k-means into the 2 to 4 parts with the best silhouette, once; returns the
    labels and how many clusters were split."""
    labels = compact(labels)
    split = 0
    n = len(labels)
    for giant in [c for c in range(int(labels.max()) + 1)
                  if (labels == c).sum() > share * n and (labels == c).sum() >= 2 * min_size]:
        members = np.flatnonzero(labels == giant)
        parts, _ = search_k(rows[members], range(2, 5), cluster, beyond=False)
        if parts is None:
            continue
        next_label = int(labels.max()) + 1
        labels[members] = np.where(parts == 0, giant, next_label + parts - 1)
        split += 1
    return compact(labels), split


def theme_silhouettes(rows: np.ndarray, labels: np.ndarray) -> list[float]:
    """Each cluster's mean silhouette: near 1 for a tight, apart theme; at or below 0 for
    members no closer to each other than to another theme."""
    k = int(labels.max()) + 1
    if not 2 <= k <= len(labels) - 1:
        return [0.0] * k
    samples = cosine_silhouette_samples(rows, labels)
    return [float(samples[labels == c].mean()) for c in range(k)]
