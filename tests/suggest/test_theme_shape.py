"""Shaping clusters into themes: k past the edge, near-duplicates merged, giants split."""

from __future__ import annotations

import numpy as np
from sklearn.preprocessing import normalize

from qualcode.suggest import theme_shape as shape


def blobs(sizes: list[int], directions: np.ndarray, spread: float = 0.05,
          seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows, labels = [], []
    for label, (size, direction) in enumerate(zip(sizes, directions, strict=True)):
        rows.append(direction + rng.normal(0, spread, (size, len(direction))))
        labels += [label] * size
    return normalize(np.vstack(rows)), np.array(labels)


def test_k_is_searched_past_the_upper_edge_while_the_best_is_on_it() -> None:
    rows, truth = blobs([12] * 6, np.eye(6))
    labels, scores = shape.search_k(rows, range(2, 4), shape.kmeans(4, 0))
    assert max(scores) == 7 and max(scores, key=lambda k: scores[k]) == 6  # 6 then one more
    assert labels is not None and len(set(labels.tolist())) == 6


def test_near_duplicate_clusters_are_merged_and_distinct_ones_kept() -> None:
    directions = np.eye(4)
    rows, truth = blobs([10, 10, 10, 10], directions)
    split = truth.copy()
    split[(truth == 0) & (np.arange(len(truth)) % 2 == 0)] = 4  # topic 0 cut in two
    merged, merges = shape.merge_near_duplicates(rows, split, above=0.9)
    assert merges == 1 and len(set(merged.tolist())) == 4
    assert len({int(v) for v in merged[truth == 0]}) == 1  # topic 0 whole again


def test_a_giant_cluster_is_split_into_its_parts() -> None:
    rows, truth = blobs([40, 40, 8, 8], np.eye(4))
    lumped = np.where(truth == 1, 0, truth)  # topics 0 and 1 in one giant cluster
    labels, split = shape.split_giants(rows, lumped, 0.35, shape.kmeans(4, 0), 6)
    assert split == 1 and len(set(labels.tolist())) == 4
    assert {int(v) for v in labels[truth == 0]} != {int(v) for v in labels[truth == 1]}


def test_weak_themes_have_a_low_silhouette() -> None:
    rows, truth = blobs([15, 15], np.eye(2))
    noise = normalize(np.random.default_rng(3).normal(size=(15, 2)))
    rows = np.vstack([rows, noise])
    labels = np.concatenate([truth, np.full(15, 2)])
    good_a, good_b, weak = shape.theme_silhouettes(rows, labels)
    assert good_a > 0.5 and good_b > 0.5 and weak < 0.1
