"""Code suggestion and its evaluation: ``services.suggest.suggest_codes`` (fit on the human
codings, cross-validate, score every uncoded respondent sentence, store the best) on a project
whose parses are cached, against bare scikit-learn on the same data: ``TfidfVectorizer`` and
one ``LogisticRegression`` per well-used code (the suggester's parameters), cross-validated on
the same document folds, then fitted on everything to score the same candidate sentences.
The ceiling keeps the suggester's one-thread limit. ``evaluate`` (cross-validation alone, as
``qualcode suggest evaluate`` runs it) is timed too.

Its top-3 figure is a speed check only: the synthetic codes follow topics that share almost no
words, so it comes out near 0.95, where real interviews (the demo, stage "evaluate") score about
a third. The row is there for the time, not for the quality."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.measure import Stopwatch
from benchmarks.stages import prepared
from benchmarks.stages.base import (
    Context,
    Stage,
    Timing,
    first_missing,
    missing_attributes,
)

THREADS = 1  # as the suggester (qualcode.suggest.threads), so only the code differs


def measure(ctx: Context) -> Timing:
    import qualcode.suggest.codes  # noqa: F401  scikit-learn imported outside the clock
    import qualcode.suggest.evaluate  # noqa: F401
    from qualcode.services.suggest import evaluate, suggest_codes
    from qualcode.store import Store

    project = prepared.parsed_copy(ctx, "codes.qualcode")
    suggesting, evaluating = Stopwatch(), Stopwatch()
    with Store.open(project) as store:
        with suggesting.running():
            result = suggest_codes(store)
        with evaluating.running():
            evaluation = evaluate(store).evaluation
    baseline = max(b.top3 for b in evaluation.baselines)
    return Timing(suggesting.seconds, {
        "evaluate_s": round(evaluating.seconds, 3), "coded_passages": evaluation.segments,
        "suggestions": len(result.suggestions),
        # The synthetic topics barely overlap, so this is a check that the work was done,
        # not a quality figure: real interviews score far lower (see stage "evaluate").
        "top3 (synthetic: speed check only)": round(evaluation.suggester.top3, 3),
        "best_baseline_top3 (synthetic)": round(baseline, 3)})


def _fit_score(X: Sequence[list[str]], Y: Any, descriptions: Sequence[list[str]],
               targets: Sequence[list[str]], p: dict[str, Any]) -> None:
    """TF-IDF, then a logistic regression per code with enough examples, scoring ``targets``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from qualcode.suggest.terms import identity

    vectorizer = TfidfVectorizer(analyzer=identity, min_df=p["min_df"], max_df=p["max_df"],
                                 sublinear_tf=True).fit(list(X) + list(descriptions))
    features, scored = vectorizer.transform(X), vectorizer.transform(targets)
    coded = (Y == 1).any(axis=1)
    for c in range(Y.shape[1]):
        positive = Y[:, c] == 1
        negative = (Y[:, c] == -1) | (coded & (Y[:, c] == 0))
        if positive.sum() >= p["min_examples"] and negative.any() and scored.shape[0]:
            rows = positive | negative
            LogisticRegression(C=p["C"], class_weight=p["class_weight"],
                               random_state=p["random_state"], max_iter=2000).fit(
                features[rows], positive[rows]).predict_proba(scored)


def ceiling(ctx: Context) -> Timing:
    import numpy as np
    from sklearn.model_selection import GroupKFold
    from threadpoolctl import threadpool_limits

    from qualcode.services.suggest import CODE_PARAMS
    from qualcode.services.suggest_corpus import load_corpus, respondent_units, training_data
    from qualcode.store import Store
    from qualcode.suggest.codes import CodeSuggester
    from qualcode.suggest.evaluate import MAX_FOLDS

    with Store.open(prepared.parsed_copy(ctx, "codes-ceiling.qualcode")) as store:
        corpus = load_corpus(store)
        data = training_data(store, corpus)
        # the very candidates suggest_codes scores: their terms count proper names
        candidates = [u.terms for u in respondent_units(corpus, unit="sentence",
                                                        exclude=store.codings.all(), names=True)]
    p = CodeSuggester(**CODE_PARAMS).get_params()
    X, Y = data.X, np.asarray(data.Y)
    judged = np.flatnonzero((Y == 1).any(axis=1))
    groups = np.asarray(data.groups)[judged]
    folds = GroupKFold(n_splits=min(MAX_FOLDS, len(set(groups.tolist()))))
    watch = Stopwatch()
    with watch.running(), threadpool_limits(limits=THREADS):
        for train, test in folds.split(judged, groups=groups):
            rows = judged[train]
            _fit_score([X[i] for i in rows], Y[rows], data.descriptions,
                       [X[i] for i in judged[test]], p)
        _fit_score(X, Y, data.descriptions, candidates, p)
    return Timing(watch.seconds, {"coded_passages": len(judged), "candidates": len(candidates)})


STAGE = Stage(
    name="codes",
    title="Code suggestion + evaluation (services.suggest.suggest_codes)",
    ceiling_title="bare TfidfVectorizer + LogisticRegression per code: same folds, then the "
                  "same candidates scored (scikit-learn)",
    missing=lambda: first_missing(
        lambda: missing_attributes("qualcode.services.suggest", "suggest_codes", "evaluate",
                                   "CODE_PARAMS"),
        lambda: missing_attributes("qualcode.services.suggest_corpus", "load_corpus",
                                   "respondent_units", "training_data"),
        lambda: missing_attributes("qualcode.suggest.codes", "CodeSuggester"),
        lambda: missing_attributes("qualcode.suggest.evaluate", "MAX_FOLDS")),
    measure=measure,
    repeats=5,  # a second or two each; the target is judged on them: best of five
    ceiling=ceiling,
)
