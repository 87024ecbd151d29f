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

from qualcode.core.suggestions import (
    MARGIN,
    MIN_RECORD,
    Calibration,
    CodeFigure,
    Evaluation,
    MethodScore,
    ReliabilityBin,
)

OFFERED = 2  # codes offered per passage, as `suggest codes` does: the pairs calibrated on
BINS = 5  # reliability bands, of about equal size
MIN_PER_BIN = 40  # suggestions a band needs for its precision to mean something


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


def code_figures(ranking: np.ndarray, truth: np.ndarray, code_ids: Sequence[int],
                 methods: Sequence[str], calibration: Calibration) -> tuple[CodeFigure, ...]:
    """Per code: held-out passages carrying it; those it was the top suggestion for and how
    many of those were right; those it was offered for (among the best OFFERED), how many of
    those were right and how many ``calibration`` expected to be."""
    top = np.argmax(ranking, axis=1)
    rows, codes, right = offered_pairs(ranking, truth)
    n_codes = len(code_ids)
    offered = np.bincount(codes, minlength=n_codes)
    offered_right = np.bincount(codes, weights=right, minlength=n_codes)
    promised = calibrated(calibration, ranking[rows, codes])
    expected = np.bincount(codes, weights=promised, minlength=n_codes)
    scores = ranking[rows, codes]
    order = np.lexsort((~right.astype(bool), -scores))  # highest score first, ties: right first
    offers: list[list[tuple[float, bool]]] = [[] for _ in code_ids]
    for c, score, was_right in zip(codes[order].tolist(), scores[order].tolist(),
                                   right[order].tolist(), strict=True):
        offers[c].append((round(score, 6), bool(was_right)))
    figures = []
    for c, code_id in enumerate(code_ids):
        chosen = top == c
        figures.append(CodeFigure(
            code_id=int(code_id), method=methods[c], support=int(truth[:, c].sum()),
            suggested=int(chosen.sum()), right=int((chosen & truth[:, c]).sum()),
            offered=int(offered[c]), offered_right=int(offered_right[c]),
            expected=float(expected[c]), offers=tuple(offers[c])))
    return tuple(figures)


def out_of_fold_confidence(ranking: np.ndarray, truth: np.ndarray, fold_of: np.ndarray,
                           code_ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The confidence each held-out offered suggestion would have been shown with, learnt
    without its fold (calibration and the codes' records), and whether it was right."""
    rows, codes, right = offered_pairs(ranking, truth)
    scores = ranking[rows, codes]
    confidence = np.zeros(len(rows))
    methods = [""] * len(code_ids)
    for fold in np.unique(fold_of):
        mine = fold_of[rows] == fold
        others = fold_of != fold
        calibration = fit_calibration(scores[~mine], right[~mine])
        evaluation = Evaluation(
            segments=0, documents=0, folds=0, grouped_by="",
            suggester=MethodScore("", 0.0, 0.0), baselines=(), calibration=calibration,
            codes=code_figures(ranking[others], truth[others], code_ids, methods, calibration))
        confidence[mine] = confidences(evaluation, code_ids, codes[mine], scores[mine])
    return confidence, right


# Evaluation.confidence for many scores at once. Each step is the scalar one's own
# floating-point operation in the same order, so the results are equal, not merely close
# (a suggestion's rounded confidence and whether it clears the floor depend on the last bit).


def confidences(evaluation: Evaluation, code_ids: Sequence[int], codes: np.ndarray,
                scores: np.ndarray) -> np.ndarray:
    """``evaluation.confidence(code_ids[c], s)`` for each code column ``c`` and score ``s``
    of the equally shaped ``codes`` and ``scores``."""
    scores = np.asarray(scores, dtype=float)
    found = np.empty_like(scores)
    for c in np.unique(codes).tolist():
        mine = codes == c
        found[mine] = code_confidences(evaluation, int(code_ids[c]), scores[mine])
    return found


def code_confidences(evaluation: Evaluation, code_id: int, scores: np.ndarray) -> np.ndarray:
    """``evaluation.confidence(code_id, s)`` for each of ``scores``."""
    mapped = calibrated(evaluation.calibration, scores)
    figure = evaluation.figure(code_id)
    if figure is None:
        return mapped
    return np.minimum(np.minimum(mapped * figure.factor, ceilings(figure, scores)), 1.0)


def calibrated(calibration: Calibration, scores: np.ndarray) -> np.ndarray:
    """``calibration(s)`` for each of ``scores``: the map's step ends, linear between."""
    scores = np.asarray(scores, dtype=float)
    xs, ys = np.asarray(calibration.scores, dtype=float), np.asarray(calibration.precision,
                                                                      dtype=float)
    if not len(xs):
        return scores.copy()
    at = np.searchsorted(xs, scores, side="right")  # bisect_right
    if len(xs) == 1:
        return np.full(scores.shape, ys[0])
    inner = np.clip(at, 1, len(xs) - 1)
    x0, x1, y0, y1 = xs[inner - 1], xs[inner], ys[inner - 1], ys[inner]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        between = np.where(x1 > x0, y0 + (y1 - y0) * (scores - x0) / (x1 - x0), y1)
    return np.where(at == 0, ys[0], np.where(at == len(xs), ys[-1], between))


def ceilings(figure: CodeFigure, scores: np.ndarray) -> np.ndarray:
    """``figure.ceiling(s)`` for each of ``scores``."""
    scores = np.asarray(scores, dtype=float)
    if not figure.offers:
        return np.full(scores.shape, figure.ceiling(0.0))  # the same whatever the score
    ordered, rights = (np.asarray(a) for a in figure.record_table)
    at_or_above = len(ordered) - np.searchsorted(ordered, scores - 1e-12, side="left")
    n = np.minimum(len(figure.offers), np.maximum(at_or_above, MIN_RECORD))
    return np.minimum(1.0, rights[n] / n + MARGIN)


def reliability(confidence: np.ndarray, right: np.ndarray,
                bins: int = BINS) -> tuple[ReliabilityBin, ...]:
    """Suggestions in ``bins`` bands of about equal size by confidence (fewer when there are
    under MIN_PER_BIN to a band): in each, its range and mean confidence beside precision."""
    if not len(confidence):
        return ()
    order = np.argsort(confidence, kind="stable")
    count = max(1, min(bins, len(order) // MIN_PER_BIN))
    found = []
    for part in np.array_split(order, count):
        found.append(ReliabilityBin(
            low=float(confidence[part].min()), high=float(confidence[part].max()),
            suggestions=int(len(part)), confidence=float(confidence[part].mean()),
            precision=float(right[part].mean())))
    return tuple(found)
