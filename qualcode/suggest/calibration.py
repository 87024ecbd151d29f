"""Confidence that means something: the raw scores of the code suggester mapped onto the
precision they had in cross-validation.

The map is an isotonic regression fitted on out-of-fold scores (each judged by a model that
never saw its document). The reliability table is itself out of fold: the confidences of one
fold's suggestions come from a map fitted on the other folds, capped by each code's record in
those folds, so the table measures what a user would see rather than restating the fit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.isotonic import IsotonicRegression

from qualcode.core.suggestions import Calibration, CodeFigure, ReliabilityBin

OFFERED = 2  # codes offered per passage, as `suggest codes` does: the pairs calibrated on
BIN_EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


def offered_pairs(ranking: np.ndarray, truth: np.ndarray,
                  offered: int = OFFERED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, code, right) of each passage's ``offered`` best-ranked codes."""
    best = np.argsort(-ranking, axis=1, kind="stable")[:, :offered]
    rows = np.repeat(np.arange(len(ranking)), best.shape[1])
    codes = best.ravel()
    return rows, codes, truth[rows, codes]


def fit_calibration(scores: np.ndarray, right: np.ndarray) -> Calibration:
    """The isotonic map from score to the share of suggestions at that score that were right."""
    if len(scores) == 0 or len(set(right.tolist())) < 2:
        share = float(right.mean()) if len(right) else 0.0
        return Calibration(scores=(0.0, 1.0), precision=(share, share))
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(scores, right.astype(float))
    return Calibration(scores=tuple(float(x) for x in iso.X_thresholds_),
                       precision=tuple(float(y) for y in iso.y_thresholds_))


def top_figures(ranking: np.ndarray, truth: np.ndarray, code_ids: Sequence[int],
                methods: Sequence[str]) -> tuple[CodeFigure, ...]:
    """Per code: held-out passages carrying it, those it was the top suggestion for, and how
    many of those were right."""
    top = np.argmax(ranking, axis=1)
    figures = []
    for c, code_id in enumerate(code_ids):
        chosen = top == c
        figures.append(CodeFigure(
            code_id=int(code_id), method=methods[c], support=int(truth[:, c].sum()),
            suggested=int(chosen.sum()), right=int((chosen & truth[:, c]).sum())))
    return tuple(figures)


def out_of_fold_confidence(ranking: np.ndarray, truth: np.ndarray, fold_of: np.ndarray,
                           code_ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The confidence each held-out offered suggestion would have been shown with, learnt
    without its fold, and whether it was right."""
    rows, codes, right = offered_pairs(ranking, truth)
    scores = ranking[rows, codes]
    confidence = np.zeros(len(rows))
    methods = [""] * len(code_ids)
    for fold in np.unique(fold_of):
        mine = fold_of[rows] == fold
        others = fold_of != fold
        calibration = fit_calibration(scores[~mine], right[~mine])
        ceilings = [f.ceiling for f in top_figures(ranking[others], truth[others], code_ids,
                                                   methods)]
        confidence[mine] = [min(calibration(s), ceilings[c])
                            for s, c in zip(scores[mine], codes[mine], strict=True)]
    return confidence, right


def reliability(confidence: np.ndarray, right: np.ndarray,
                edges: Sequence[float] = BIN_EDGES) -> tuple[ReliabilityBin, ...]:
    """Suggestions binned by confidence: in each bin, mean confidence beside precision."""
    found = []
    for low, high in zip(edges, edges[1:], strict=False):
        inside = (confidence >= low) & (confidence < high)
        if inside.any():
            found.append(ReliabilityBin(
                low=float(low), high=float(min(high, 1.0)), suggestions=int(inside.sum()),
                confidence=float(confidence[inside].mean()),
                precision=float(right[inside].mean())))
    return tuple(found)
