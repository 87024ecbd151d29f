"""Cross-validation figures on synthetic passages."""

from __future__ import annotations

import numpy as np
import pytest

from qualcode.suggest.evaluate import cross_validate, top_k_accuracy
from tests.suggest.test_estimators import passages


def test_top_k_accuracy_counts_any_true_code_among_the_best_k() -> None:
    ranking = np.array([[0.9, 0.5, 0.1], [0.2, 0.3, 0.1], [0.1, 0.2, 0.7]])
    truth = np.array([[0, 1, 0], [0, 0, 1], [0, 0, 1]], dtype=bool)
    assert top_k_accuracy(ranking, truth, 1) == pytest.approx(1 / 3)
    assert top_k_accuracy(ranking, truth, 2) == pytest.approx(2 / 3)
    assert top_k_accuracy(ranking, truth, 3) == 1.0


def test_cross_validation_by_document_beats_the_baselines_on_clear_topics() -> None:
    X, y = passages(n_per_topic=20)
    Y = np.eye(3, dtype=int)[y]
    groups = [i % 6 for i in range(len(X))]  # six "documents"
    descriptions = [["fee"], ["forum"], ["board"]]
    result = cross_validate(X, Y, groups, descriptions, [11, 12, 13])
    assert result.grouped_by == "document" and result.folds == 5 and result.documents == 6
    assert result.segments == 60
    frequent, similarity = result.baselines
    assert result.suggester.top1 > 0.9 > frequent.top1
    assert result.suggester.top3 == frequent.top3 == 1.0  # three codes: top 3 is everything
    assert similarity.name == "definition similarity"
    figures = {f.code_id: f for f in result.codes}
    assert set(figures) == {11, 12, 13}
    assert sum(f.support for f in figures.values()) == 60
    assert sum(f.suggested for f in figures.values()) == 60
    assert all(f.right <= f.suggested and 0 <= f.f1 <= 1 for f in figures.values())
    assert "of" in figures[11].sentence()


def test_rejection_rows_train_but_are_not_judged() -> None:
    X, y = passages(n_per_topic=10)
    Y = np.eye(3, dtype=int)[y]
    X += [["fee", "forum"]] * 3
    Y = np.vstack([Y, np.tile([-1, 0, 0], (3, 1))])
    result = cross_validate(X, Y, [i % 4 for i in range(len(X))], [[], [], []], [1, 2, 3])
    assert result.segments == 30


def test_too_few_codings_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="at least 10"):
        cross_validate([["a"]] * 3, np.eye(3, dtype=int), [0, 1, 2], [[]] * 3, [1, 2, 3])
