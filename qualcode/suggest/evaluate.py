"""How often would the code suggestions have been right? Cross-validation on human codings.

Folds are grouped by document where there are at least two documents, so a passage is never
judged by a model that saw its neighbours. Beside the suggester, two baselines: always the
most frequent codes, and similarity to the code descriptions alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import GroupKFold, KFold

from qualcode.core.suggestions import Evaluation, MethodScore
from qualcode.suggest.calibration import (
    code_figures,
    fit_calibration,
    offered_pairs,
    out_of_fold_confidence,
    reliability,
)
from qualcode.suggest.codes import CodeSuggester, choose_methods, description_similarity
from qualcode.suggest.limits import MIN_SEGMENTS
from qualcode.suggest.terms import Terms
from qualcode.suggest.vectors import TermCounts

MAX_FOLDS = 5


def cross_validate(X: Sequence[Terms], Y: np.ndarray, groups: Sequence[int],
                   descriptions: Sequence[Terms], code_ids: Sequence[int], *,
                   estimator: CodeSuggester | None = None, model: str = "",
                   left_out: dict[str, int] | None = None) -> Evaluation:
    """Evaluate on every passage that carries a code (rows of ``Y`` with a 1). Rows with only
    rejections (-1) are used for training in every fold but never judged. The suggester's
    out-of-fold scores also give the calibration (score -> precision) and, fold by fold, the
    reliability of the confidences it yields. ``left_out``: codes not suggested, by reason."""
    Y = np.asarray(Y)
    X = list(X)
    estimator = estimator if estimator is not None else CodeSuggester()
    judged = np.flatnonzero((Y == 1).any(axis=1))
    extra = np.flatnonzero(~(Y == 1).any(axis=1))
    if len(judged) < MIN_SEGMENTS:
        raise ValueError(f"cross-validation needs at least {MIN_SEGMENTS} coded passages, "
                         f"the project has {len(judged)}")
    group_of = np.asarray(groups)[judged]
    documents = len(set(group_of.tolist()))
    if documents >= 2:
        splitter: GroupKFold | KFold = GroupKFold(n_splits=min(MAX_FOLDS, documents))
        folds = list(splitter.split(judged, groups=group_of))
        grouped_by = "document"
    else:
        splitter = KFold(n_splits=MAX_FOLDS, shuffle=True,
                         random_state=estimator.random_state)
        folds = list(splitter.split(judged))
        grouped_by = "passage"
    truth = Y[judged] == 1
    rankings = {name: np.zeros_like(Y[judged], dtype=float) for name in RANKERS}
    fold_of = np.zeros(len(judged), dtype=int)
    counts = TermCounts([*X, *descriptions])  # once for every fold
    described = np.arange(len(X), len(X) + len(descriptions))
    for number, (train, test) in enumerate(folds):
        fold_of[test] = number
        train_rows = np.concatenate([judged[train], extra])
        fitted = clone(estimator).fit_counted(counts, train_rows, described, Y[train_rows])
        rankings["suggester"][test] = fitted.predict_counted(judged[test])
        frequency = (Y[judged[train]] == 1).sum(axis=0).astype(float)
        # ties broken towards earlier codes, identically for every passage
        rankings["most frequent code"][test] = frequency - np.arange(len(frequency)) * 1e-9
        rankings["definition similarity"][test] = description_similarity(
            counts, judged[train], judged[test], described)
    scores = {name: _score(name, rankings[name], truth) for name in RANKERS}
    methods = choose_methods(Y, estimator.min_examples)  # as a fit on everything would
    suggester = rankings["suggester"]
    rows, codes, right = offered_pairs(suggester, truth)
    calibration = fit_calibration(suggester[rows, codes], right)
    confidence, judged_right = out_of_fold_confidence(suggester, truth, fold_of, code_ids)
    return Evaluation(
        segments=len(judged), documents=documents, folds=len(folds), grouped_by=grouped_by,
        suggester=scores["suggester"],
        baselines=(scores["most frequent code"], scores["definition similarity"]),
        codes=code_figures(suggester, truth, code_ids, methods, calibration), model=model,
        calibration=calibration,
        reliability=reliability(confidence, judged_right), left_out=dict(left_out or {}))


RANKERS = ("suggester", "most frequent code", "definition similarity")


def top_k_accuracy(ranking: np.ndarray, truth: np.ndarray, k: int) -> float:
    """Share of passages with at least one of their codes among the k best ranked."""
    best = np.argsort(-ranking, axis=1, kind="stable")[:, :k]
    hits = np.take_along_axis(truth, best, axis=1).any(axis=1)
    return float(hits.mean()) if hits.size else 0.0


def _score(name: str, ranking: np.ndarray, truth: np.ndarray) -> MethodScore:
    return MethodScore(name=name, top1=top_k_accuracy(ranking, truth, 1),
                       top3=top_k_accuracy(ranking, truth, 3))
