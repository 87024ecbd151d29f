"""The fast cosine silhouette equals scikit-learn's, including its edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.metrics import silhouette_samples, silhouette_score
from sklearn.metrics.pairwise import cosine_distances
from sklearn.preprocessing import normalize

from qualcode.suggest.silhouette import cosine_silhouette, cosine_silhouette_samples


@st.composite
def clustered_rows(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    n = draw(st.integers(3, 40))
    d = draw(st.integers(1, 6))
    values = draw(arrays(np.float64, (n, d), elements=st.floats(-3, 3, width=32)))
    k = draw(st.integers(2, n - 1))
    labels = draw(arrays(np.int64, n, elements=st.integers(0, k - 1)))
    if len(set(labels.tolist())) < 2:  # scikit-learn wants 2..n-1 clusters
        labels[0], labels[1] = 0, 1
    return normalize(values), labels


@settings(max_examples=150, deadline=None)
@given(clustered_rows())
def test_equals_scikit_learn_silhouette(data: tuple[np.ndarray, np.ndarray]) -> None:
    unit, labels = data
    # Rows of different clusters at a distance of rounding error (the same direction) make
    # both results a ratio of rounding errors: meaningless, and k-means never does that.
    apart = cosine_distances(unit)[labels[:, None] != labels[None, :]]
    assume(apart.min() > 1e-9)
    assert cosine_silhouette_samples(unit, labels) == pytest.approx(
        silhouette_samples(unit, labels, metric="cosine"), abs=1e-7)
    assert cosine_silhouette(unit, labels) == pytest.approx(
        silhouette_score(unit, labels, metric="cosine"), abs=1e-7)


def test_a_passage_alone_in_its_cluster_scores_zero_not_a_rounding_error() -> None:
    rng = np.random.default_rng(1)
    unit = normalize(rng.normal(size=(30, 5)))
    labels = np.array([0] * 14 + [1] * 15 + [2])  # the last passage is alone
    samples = cosine_silhouette_samples(unit, labels)
    assert samples[-1] == 0.0 and np.abs(samples).max() <= 1.0
    assert cosine_silhouette(unit, labels) == pytest.approx(
        silhouette_score(unit, labels, metric="cosine"), abs=1e-9)


def test_a_zero_row_is_at_distance_one_from_everything() -> None:
    unit = normalize(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9], [0.0, 0.0]]))
    labels = np.array([0, 0, 1, 1, 1])
    assert cosine_silhouette(unit, labels) == pytest.approx(
        silhouette_score(unit, labels, metric="cosine"), abs=1e-9)


def test_one_cluster_is_refused_as_scikit_learn_does() -> None:
    with pytest.raises(ValueError, match="2 to n - 1"):
        cosine_silhouette(normalize(np.ones((4, 2))), np.zeros(4, dtype=int))


@settings(max_examples=60, deadline=None)
@given(clustered_rows())
def test_cluster_sums_add_each_clusters_rows_dense_or_sparse(
        data: tuple[np.ndarray, np.ndarray]) -> None:
    from scipy import sparse

    from qualcode.suggest.silhouette import cluster_sums

    rows, labels = data
    k = int(labels.max()) + 1
    expected = np.zeros((k, rows.shape[1]))
    np.add.at(expected, labels, rows)  # the plain way, row by row
    assert cluster_sums(rows, labels, k) == pytest.approx(expected)
    summed = cluster_sums(sparse.csr_matrix(rows), labels, k)
    assert isinstance(summed, np.ndarray) and summed == pytest.approx(expected)
