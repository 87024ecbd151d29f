"""Confidence is cross-validated precision, and never contradicts a code's own record."""

from __future__ import annotations

import numpy as np
import pytest

from qualcode.core.suggestions import Calibration, CodeFigure, Evaluation, MethodScore
from qualcode.suggest.calibration import (
    fit_calibration,
    offered_pairs,
    out_of_fold_confidence,
    reliability,
)


def evaluation(calibration: Calibration, *figures: CodeFigure) -> Evaluation:
    return Evaluation(segments=0, documents=0, folds=0, grouped_by="",
                      suggester=MethodScore("", 0, 0), baselines=(), codes=figures,
                      calibration=calibration)


def test_the_map_is_the_precision_at_each_score() -> None:
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 1, 20_000)
    right = rng.uniform(0, 1, 20_000) < scores ** 2  # precision at score s is s²
    calibration = fit_calibration(scores, right)
    for s in (0.2, 0.5, 0.9):
        assert calibration(s) == pytest.approx(s ** 2, abs=0.05)
    assert calibration(-1) == calibration.precision[0] and calibration(2) == \
        calibration.precision[-1]


def test_a_code_right_0_of_13_is_not_offered_at_085() -> None:
    """The issue's case: a high score, a code whose offers were never right."""
    calibration = Calibration(scores=(0.0, 1.0), precision=(0.0, 0.9))
    bad = CodeFigure(code_id=7, method="model", support=5, suggested=13, right=0, offered=13,
                     offered_right=0, expected=11.0, offers=((0.95, False),) * 13)
    good = CodeFigure(code_id=8, method="model", support=9, suggested=10, right=8, offered=10,
                      offered_right=8, expected=8.0,
                      offers=((0.97, True),) * 6 + ((0.5, True), (0.4, True), (0.3, False),
                                                    (0.2, False)))
    e = evaluation(calibration, bad, good)
    assert e.confidence(7, 0.95) <= 0.1 and bad.sentence() == \
        "right 0 of 13 times offered in cross-validation"
    assert e.record(7, 0.95) == ("right 0 of 13 times offered at this score or higher in "
                                 "cross-validation")
    assert e.confidence(8, 0.95) == pytest.approx(0.855)  # right as often as promised
    assert good.record_at(0.96) == (6, 6) and good.record_at(0.99) == (5, 5)  # at least 5
    assert good.record_at(0.45) == (7, 7) and good.record_at(0.0) == (8, 10)
    assert e.confidence(8, 0.25) <= 8 / 10 + 0.1
    assert e.confidence(99, 0.5) == pytest.approx(0.45)  # an unknown code: the map alone


def test_reliability_out_of_fold_is_close_to_the_confidence() -> None:
    """Scores that mean the same for every code: out of fold, each band is right about as
    often as it says. (Where precision climbs steeply with the score within a code, the cap
    by the code's overall record makes the top band say less than it could: cautious.)"""
    rng = np.random.default_rng(1)
    n, codes = 3000, 6
    ranking = rng.uniform(0, 1, (n, codes))
    truth = rng.uniform(0, 1, (n, codes)) < 0.2 + 0.5 * ranking
    fold_of = np.arange(n) % 5
    confidence, right = out_of_fold_confidence(ranking, truth, fold_of, list(range(codes)))
    _, _, expected_right = offered_pairs(ranking, truth)
    assert (right == expected_right).all() and len(confidence) == 2 * n
    bins = reliability(confidence, right)
    assert len(bins) == 5 and sum(b.suggestions for b in bins) == 2 * n
    for b in bins:
        assert b.low <= b.confidence <= b.high
        assert abs(b.precision - b.confidence) < 0.05
