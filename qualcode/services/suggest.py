"""Theme and code suggestions: find them, measure them, review them.

Finding (``suggest_themes``, ``suggest_codes``, ``evaluate``) stores its results in the project
as non-undoable actions. Reviewing (accept, merge, reject) is undoable like any coding: an
accepted suggestion becomes a coding whose origin names it ("suggestion:<id>", or
"suggestion:T<id>" for a theme's members); rejections are remembered and are negative
examples for the next ``suggest_codes``.

Heavy work (spaCy, fitting) can leave the calling process: pass ``executor`` (a
``ProcessPoolExecutor``) and it runs there on plain data, with ``progress(stage, done, total)``
called here. scikit-learn is imported only when something is fitted, so listing and reviewing
stay quick. Call from one thread per Store (SQLite connections are not shared across threads).
"""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import Any

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Document
from qualcode.core.progress import Progress, step
from qualcode.core.suggestions import (
    CodeSuggestion,
    Evaluation,
    RunReport,
    SuggestionStatus,
    ThemeStatus,
)
from qualcode.services import suggest_review
from qualcode.services import suggest_themes as themes
from qualcode.services.suggest_context import Context
from qualcode.services.suggest_corpus import (
    Corpus,
    SpanSet,
    TrainingData,
    collector_paused,
    fingerprint,
    load_corpus,
    respondent_units,
    run_work,
    training_data,
)
from qualcode.services.suggest_offers import (
    merge_adjacent,
    most_confident,
    offers,
    suggestions,
)
from qualcode.store import Store

CODE_PARAMS: dict[str, Any] = {"min_examples": 5, "solver": "liblinear", "random_state": 0}
MIN_CONFIDENCE = 0.3  # the default precision floor: suggestions right less often are not shown
EVALUATION_VERSION = 3  # evaluations made before calibrated records are not reused
PER_PASSAGE = 2  # codes suggested at most per passage
# Evidence beyond a passage's words (see suggest_context.py): kept only where cross-validation
# on the demo coding showed it helps (benchmarks/suggest_features.py measures each).
CONTEXT_FEATURES: tuple[str, ...] = ("position",)

# Themes live in suggest_themes.py, review actions in suggest_review.py; both are part of this
# module's API.
THEME_PARAMS = themes.THEME_PARAMS
ThemeResult = themes.ThemeResult
suggest_themes = themes.suggest_themes
list_themes = themes.list_themes
codes_carried = themes.codes_carried
passage_text = themes.passage_text
surface_forms = themes.surface_forms
accept_theme_as_code = suggest_review.accept_theme_as_code
merge_theme_into_code = suggest_review.merge_theme_into_code
reject_theme = suggest_review.reject_theme
accept_suggestion = suggest_review.accept_suggestion
reject_suggestion = suggest_review.reject_suggestion
accept_above = suggest_review.accept_above

__all__ = [
    "CodeResult", "EvaluationResult", "SuggestionStatus", "ThemeResult", "ThemeStatus",
    "accept_above", "accept_suggestion", "accept_theme_as_code", "codes_carried", "evaluate",
    "latest_evaluation", "list_suggestions", "list_themes", "merge_theme_into_code",
    "passage_text", "reject_suggestion", "reject_theme", "suggest_codes", "suggest_themes",
]


@dataclass(frozen=True)
class CodeResult:
    suggestions: list[CodeSuggestion]
    evaluation: Evaluation | None  # None while there are too few codings to cross-validate
    report: RunReport
    filler: int = 0  # uncoded passages left out as filler ("thank you", "good question")
    below_floor: int = 0  # suggestions left out for a confidence under the floor


@dataclass(frozen=True)
class EvaluationResult:
    evaluation: Evaluation
    report: RunReport


# -- codes -----------------------------------------------------------------------------------


@collector_paused()
def suggest_codes(store: Store, *, document: Document | None = None, limit: int = 50,
                  min_confidence: float = MIN_CONFIDENCE, coder: str = "",
                  progress: Progress | None = None,
                  executor: Executor | None = None) -> CodeResult:
    """Rank codable codes for uncoded respondent sentences (filler left out; adjacent ones
    with the same code merged); keep the ``limit`` most confident at or above
    ``min_confidence``, the precision floor. The confidence is the cross-validated precision
    at the suggester's score, capped by the code's own record (see Evaluation.confidence).
    Earlier pending suggestions for the same documents are superseded; rejected ones are not
    suggested again."""
    corpus = load_corpus(store, progress=progress, executor=executor)
    if not corpus.codes:
        raise QualcodeError("the project has no codes to suggest (load a codebook first)")
    context = Context(store, corpus, CONTEXT_FEATURES)
    data = training_data(store, corpus, context.terms)
    if not data.code_ids:
        raise QualcodeError("no codable codes: apply some codes, or give codes a definition")
    evaluation, _ = _evaluation(store, corpus, data, progress, executor)
    doc_ids = [document.id or 0] if document else sorted(corpus.documents)
    tally: dict[str, int] = {}
    candidates = respondent_units(corpus, unit="sentence", document_ids=doc_ids,
                                  exclude=store.codings.all(), names=True, tally=tally)
    from qualcode.suggest.codes import rank_codes

    step(progress, "scoring passages", 0, 1)
    ranking = run_work(executor, rank_codes, data.X, data.Y, data.descriptions,
                       [u.terms + context.terms(*u.key) for u in candidates], CODE_PARAMS,
                       per_candidate=PER_PASSAGE)
    step(progress, "scoring passages", 1, 1)
    found, below = offers(ranking, candidates, data.code_ids, evaluation, min_confidence,
                          _refused(store))
    chosen = suggestions(corpus, candidates, ranking,
                         most_confident(merge_adjacent(corpus, found), limit))
    with store.action("suggest codes", detail=f"{len(chosen)} suggestions", coder=coder,
                      undoable=False):
        for old in store.suggestions.code_suggestions(status=SuggestionStatus.PENDING):
            if old.document_id in doc_ids:
                store.suggestions.set_suggestion_status(old.id or 0, SuggestionStatus.SUPERSEDED)
        ids = [store.suggestions.add_code_suggestion(s) for s in chosen]
    return CodeResult([store.suggestions.code_suggestion(i) for i in ids], evaluation,
                      corpus.report,
                      filler=tally.get("filler", 0), below_floor=below)


def _refused(store: Store) -> dict[tuple[int, int], SpanSet]:
    """The spans each (document, code) was rejected for: not suggested there again."""
    rejected: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r in store.suggestions.code_suggestions(status=SuggestionStatus.REJECTED):
        rejected.setdefault((r.document_id, r.code_id), []).append((r.start, r.end))
    return {key: SpanSet(found) for key, found in rejected.items()}


def list_suggestions(store: Store, *, status: SuggestionStatus | None = SuggestionStatus.PENDING,
                     document_id: int | None = None,
                     min_confidence: float | None = None) -> list[CodeSuggestion]:
    """Code suggestions (pending ones unless told), most confident first."""
    return store.suggestions.code_suggestions(status=status, document_id=document_id,
                                              min_confidence=min_confidence)


# -- evaluation ------------------------------------------------------------------------------


@collector_paused()
def evaluate(store: Store, *, progress: Progress | None = None,
             executor: Executor | None = None) -> EvaluationResult:
    """Cross-validate the code suggester on the project's codings (folds by document), beside
    the most-frequent-code and definition-similarity baselines; the result is stored. An
    unchanged project (same codings, rejections, codes, settings and model) gets the stored
    evaluation back: it would come out the same."""
    corpus = load_corpus(store, progress=progress, executor=executor)
    data = training_data(store, corpus, Context(store, corpus, CONTEXT_FEATURES).terms)
    evaluation, reused = _evaluation(store, corpus, data, progress, executor)
    if evaluation is None:
        from qualcode.suggest.limits import MIN_SEGMENTS

        coded = sum(1 in row for row in data.Y)
        raise QualcodeError(f"only {coded} coded passages: cross-validation needs at least "
                            f"{MIN_SEGMENTS}")
    return EvaluationResult(evaluation, replace(corpus.report, reused=reused))


def latest_evaluation(store: Store) -> Evaluation | None:
    """The evaluation stored last, whatever has changed since."""
    return store.suggestions.latest_evaluation()


def _evaluation(store: Store, corpus: Corpus, data: TrainingData, progress: Progress | None,
                executor: Executor | None) -> tuple[Evaluation | None, bool]:
    """The evaluation of ``data`` (None with too few codings), and whether it was stored
    already (the same inputs give the same figures: the fits are seeded)."""
    from qualcode.suggest.limits import MIN_SEGMENTS

    if sum(1 in row for row in data.Y) < MIN_SEGMENTS:
        return None, False
    key = fingerprint(EVALUATION_VERSION, CONTEXT_FEATURES, CODE_PARAMS, corpus.model, data.Y,
                      data.groups, data.code_ids, data.descriptions, data.keys)
    earlier = store.suggestions.latest_evaluation(key)
    if earlier is not None:  # checked before scikit-learn is imported: that alone takes a second
        return earlier, True
    from qualcode.suggest.codes import CodeSuggester
    from qualcode.suggest.evaluate import cross_validate

    estimator = CodeSuggester(**CODE_PARAMS)
    step(progress, "cross-validating", 0, 1)
    evaluation = run_work(executor, cross_validate, data.X, data.Y, data.groups,
                          data.descriptions, data.code_ids, estimator=estimator,
                          model=corpus.model, left_out=data.left_out)
    step(progress, "cross-validating", 1, 1)
    with store.action("evaluate suggestions", detail=f"{evaluation.segments} passages",
                      undoable=False):
        store.suggestions.add_evaluation(key, evaluation)
    return store.suggestions.latest_evaluation(key), False
