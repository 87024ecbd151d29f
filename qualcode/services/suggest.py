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

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from qualcode.core import spans
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code, Coding, Document, Turn
from qualcode.core.suggestions import (
    CodeSuggestion,
    Evaluation,
    Passage,
    RunReport,
    SuggestionStatus,
    Theme,
    ThemeRun,
    ThemeStatus,
)
from qualcode.services import suggest_review
from qualcode.services.suggest_context import Context, describe
from qualcode.services.suggest_corpus import (
    Corpus,
    Progress,
    SpanSet,
    TrainingData,
    Unit,
    documents_matching,
    fingerprint,
    load_corpus,
    respondent_units,
    training_data,
)
from qualcode.store import Store
from qualcode.store import suggestions as table
from qualcode.suggest.terms import theme_label

if TYPE_CHECKING:
    from qualcode.suggest.themes import ThemeFit

THEME_PARAMS: dict[str, Any] = {"n_themes": None, "random_state": 0}
CODE_PARAMS: dict[str, Any] = {"min_examples": 5, "solver": "liblinear", "random_state": 0}
MIN_CONFIDENCE = 0.3  # the default precision floor: suggestions right less often are not shown
EVALUATION_VERSION = 2  # evaluations made before calibration are not reused
THEMES_VERSION = 2  # nor theme runs made before filler, merging and splitting
PER_PASSAGE = 2  # codes suggested at most per passage
# Evidence beyond a passage's words (see suggest_context.py): kept only where cross-validation
# on the demo coding showed it helps (benchmarks/suggest_features.py measures each).
CONTEXT_FEATURES: tuple[str, ...] = ("position",)
SAME_THEME = 0.5  # share of passages in common (Jaccard) that makes two themes the same

# Review actions live in suggest_review.py; they are part of this module's API.
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

T = TypeVar("T")


@dataclass(frozen=True)
class ThemeResult:
    run: ThemeRun
    report: RunReport


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


# -- themes ----------------------------------------------------------------------------------


def suggest_themes(store: Store, *, k: int | None = None, filters: dict[str, str] | None = None,
                   uncoded_only: bool = False, unit: str = "turn", random_state: int = 0,
                   coder: str = "", progress: Progress | None = None,
                   executor: Executor | None = None) -> ThemeResult:
    """Cluster what respondents said (interviewers left out) into themes. ``k`` themes, or
    chosen by silhouette; only cases matching ``filters``; only passages nobody coded.
    An identical earlier run (same passages, parameters and model) is returned as it was."""
    if k is not None and k < 2:
        raise QualcodeError("--k must be at least 2")
    corpus = load_corpus(store, progress=progress, executor=executor)
    params = {**THEME_PARAMS, "n_themes": k, "random_state": random_state}
    documents = documents_matching(store, filters or {})
    tally: dict[str, int] = {}
    units = respondent_units(corpus, unit=unit, document_ids=documents,
                             exclude=store.codings() if uncoded_only else (), tally=tally)
    run_params = {**params, "unit": unit, "filters": filters or {},
                  "uncoded_only": uncoded_only, "version": THEMES_VERSION}
    key = fingerprint(run_params, corpus.model,
                      [(corpus.documents[u.document_id].sha256, u.start, u.end) for u in units])
    earlier = table.latest_theme_run(store, key)
    if earlier is not None:
        return ThemeResult(earlier, replace(corpus.report, reused=True))
    from qualcode.suggest.themes import MIN_PASSAGES, find_themes  # loads scikit-learn

    if len(units) < MIN_PASSAGES:
        raise QualcodeError(f"only {len(units)} respondent passages to cluster; "
                            f"themes need at least {MIN_PASSAGES}")
    _step(progress, "finding themes", 0, 1)
    fit = _run(executor, find_themes, [u.terms for u in units], params)
    _step(progress, "finding themes", 1, 1)
    themes = _themes(store, corpus, units, fit)
    summary = {"model": corpus.model, "units": len(units), "documents": len(documents),
               "k": fit.n_themes, "chosen_by": "given" if k else "silhouette",
               "scores": {str(n): round(s, 4) for n, s in fit.scores.items()},
               "best_k": max(fit.scores, key=lambda n: fit.scores[n]),
               "filler": tally.get("filler", 0), "merged": fit.merged, "split": fit.split,
               "weak": sum(t.weak for t in themes), "quality": table.theme_quality(themes)}
    with store.action("suggest themes", detail=f"{fit.n_themes} themes", coder=coder,
                      undoable=False):
        run_id = table.add_theme_run(store, fingerprint=key, params=run_params,
                                     summary=summary, coder=coder)
        for theme in themes:
            table.add_theme(store, replace(theme, run_id=run_id))
    return ThemeResult(table.theme_run(store, run_id), corpus.report)


def _themes(store: Store, corpus: Corpus, units: list[Unit], fit: ThemeFit) -> list[Theme]:
    """The fitted clusters as themes, the most distinct first (by their members' mean
    silhouette), weak ones last; keywords and labels as people said them ("social media
    data", not the lemmas "social medium datum"). A theme that mostly repeats a rejected one
    (half its passages or more in common) is remembered as rejected."""
    rejected = [set(t.members) for t in table.themes(store, status=ThemeStatus.REJECTED)]
    order = sorted(range(fit.n_themes),
                   key=lambda t: ("weak" in fit.flags[t], -fit.silhouettes[t], t))
    found = []
    for number, t in enumerate(order, start=1):
        members = [u for u, lab in zip(units, fit.labels, strict=True) if lab == t]
        keys = {m.key for m in members}
        repeats = any(len(keys & old) >= SAME_THEME * len(keys | old) for old in rejected)
        forms = surface_forms(corpus, members)
        keywords = [" ".join(forms.get(w, w) for w in term.split()) for term in fit.keywords[t]]
        found.append(Theme(
            run_id=0, number=number, label=theme_label(keywords),
            keywords=tuple(dict.fromkeys(keywords)), size=len(members),
            documents=len({m.document_id for m in members}),
            cases=len({corpus.case_of[m.document_id] for m in members
                       if corpus.case_of[m.document_id] is not None}),
            cohesion=round(fit.cohesion[t], 4),
            quotes=tuple(_quote(corpus, units[i], fit.keywords[t])
                         for i in fit.representatives[t]),
            members=tuple(m.key for m in members),
            status=ThemeStatus.REJECTED if repeats else ThemeStatus.OPEN,
            silhouette=round(fit.silhouettes[t], 4), flags=tuple(fit.flags[t])))
    return found


def surface_forms(corpus: Corpus, units: Sequence[Unit]) -> dict[str, str]:
    """Each lemma said in ``units`` -> the form it was said in most often: in lower case,
    unless capitals inside the word make it an acronym ("CHWs", "NGOs")."""
    counts: dict[str, Counter[str]] = {}
    for unit in units:
        text = corpus.documents[unit.document_id].text
        for start, end, lemma in corpus.terms[unit.document_id].words(unit.start, unit.end):
            word = text[start:end]
            counts.setdefault(lemma, Counter())[word if word[1:] != word[1:].lower()
                                                else word.lower()] += 1
    return {lemma: said.most_common(1)[0][0] for lemma, said in counts.items()}


def _quote(corpus: Corpus, unit: Unit, keywords: Sequence[str]) -> Passage:
    """The sentence of a passage that says most of its theme's keywords."""
    terms = corpus.terms[unit.document_id]
    sentences = terms.sentences(unit.start, unit.end) or [(unit.start, unit.end)]
    wanted = set(keywords)
    best = max(sentences, key=lambda s: (len(wanted & set(terms.terms(*s))),
                                         len(terms.terms(*s)), -s[0]))
    return (unit.document_id, *best)


def list_themes(store: Store, *, run_id: int | None = None) -> ThemeRun | None:
    """A theme run with its themes: the latest unless ``run_id`` is given."""
    return table.theme_run(store, run_id) if run_id is not None else table.latest_theme_run(store)


def codes_carried(store: Store, theme: Theme) -> list[tuple[Code, int]]:
    """Existing codes on a theme's members: (code, members carrying it), most first."""
    counts: dict[int, int] = {}
    by_document: dict[int, list[Coding]] = {}
    for coding in store.codings(document_id=document_ids_of(theme.members)):
        by_document.setdefault(coding.document_id, []).append(coding)
    for doc_id, start, end in theme.members:
        carried = {c.code_id for c in by_document.get(doc_id, [])
                   if spans.overlaps((c.start, c.end), (start, end))}
        for code_id in carried:
            counts[code_id] = counts.get(code_id, 0) + 1
    codes = {c.id: c for c in store.codes()}
    return sorted(((codes[i], n) for i, n in counts.items() if i in codes),
                  key=lambda pair: (-pair[1], pair[0].name))


def document_ids_of(passages: Sequence[Passage]) -> int | None:
    """The one document of ``passages``, or None (all) when they span several."""
    ids = {p[0] for p in passages}
    return next(iter(ids)) if len(ids) == 1 else None


def passage_text(store: Store, passage: Passage) -> str:
    doc_id, start, end = passage
    return store.document(doc_id).text[start:end]


# -- codes -----------------------------------------------------------------------------------


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
                                  exclude=store.codings(), names=True, tally=tally)
    from qualcode.suggest.codes import rank_codes

    _step(progress, "scoring passages", 0, 1)
    ranking = _run(executor, rank_codes, data.X, data.Y, data.descriptions,
                   [u.terms + context.terms(*u.key) for u in candidates], CODE_PARAMS,
                   per_candidate=PER_PASSAGE)
    _step(progress, "scoring passages", 1, 1)
    rejected: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r in table.code_suggestions(store, status=SuggestionStatus.REJECTED):
        rejected.setdefault((r.document_id, r.code_id), []).append((r.start, r.end))
    refused = {key: SpanSet(found) for key, found in rejected.items()}
    proposals: list[CodeSuggestion] = []
    below = 0
    for i, unit in enumerate(candidates):
        for c, score in zip(ranking.codes[i], ranking.scores[i], strict=True):
            code_id = data.code_ids[c]
            confidence = evaluation.confidence(code_id, score) if evaluation else score
            if confidence < min_confidence:
                below += 1
                continue
            if (unit.document_id, code_id) in refused and refused[
                    (unit.document_id, code_id)].overlaps(unit.start, unit.end):
                continue
            proposals.append(CodeSuggestion(
                document_id=unit.document_id, code_id=code_id, start=unit.start, end=unit.end,
                text=unit.text, confidence=round(confidence, 4), method=ranking.methods[c],
                evidence=tuple(describe(w) for w in ranking.evidence.get((i, c), ()))))
    chosen = sorted(_merge_adjacent(corpus, proposals),
                    key=lambda s: (-s.confidence, s.document_id, s.start))[:limit]
    with store.action("suggest codes", detail=f"{len(chosen)} suggestions", coder=coder,
                      undoable=False):
        for old in table.code_suggestions(store, status=SuggestionStatus.PENDING):
            if old.document_id in doc_ids:
                table.set_suggestion_status(store, old.id or 0, SuggestionStatus.SUPERSEDED)
        ids = [table.add_code_suggestion(store, s) for s in chosen]
    return CodeResult([table.code_suggestion(store, i) for i in ids], evaluation, corpus.report,
                      filler=tally.get("filler", 0), below_floor=below)


def _merge_adjacent(corpus: Corpus, found: list[CodeSuggestion]) -> list[CodeSuggestion]:
    """Neighbouring sentences of one turn suggested the same code become one passage."""
    runs: list[list[CodeSuggestion]] = []  # suggestions to merge, in order
    run_turn = -1  # the turn the current run started in
    turn_of = _TurnFinder(corpus)
    for s in sorted(found, key=lambda s: (s.document_id, s.code_id, s.start)):
        last = runs[-1][-1] if runs else None
        text = corpus.documents[s.document_id].text
        if (last is not None and last.document_id == s.document_id
                and last.code_id == s.code_id and not text[last.end:s.start].strip()
                and run_turn == turn_of(s.document_id, s.start)):
            runs[-1].append(s)
        else:
            runs.append([s])
            run_turn = turn_of(s.document_id, s.start)
    return [run[0] if len(run) == 1 else _merged(corpus, run) for run in runs]


def _merged(corpus: Corpus, run: list[CodeSuggestion]) -> CodeSuggestion:
    """One suggestion for a run of neighbouring ones: their span, their best confidence, and
    the first six of their evidence words."""
    first, last = run[0], run[-1]
    evidence = tuple(dict.fromkeys(word for s in run for word in s.evidence))[:6]
    return replace(first, end=last.end,
                   text=corpus.documents[first.document_id].text[first.start:last.end],
                   confidence=max(s.confidence for s in run), evidence=evidence)


class _TurnFinder:
    """The index of the turn holding an offset of a document (-1 if none), by bisection."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._turns: dict[int, tuple[list[int], list[Turn]]] = {}

    def __call__(self, document_id: int, offset: int) -> int:
        if document_id not in self._turns:
            spoken = sorted((t for t in self._corpus.turns[document_id]
                             if t.text_end > t.text_start), key=lambda t: t.text_start)
            self._turns[document_id] = ([t.text_start for t in spoken], spoken)
        starts, spoken = self._turns[document_id]
        at = bisect_right(starts, offset) - 1
        return spoken[at].index if at >= 0 and offset < spoken[at].text_end else -1


def list_suggestions(store: Store, *, status: SuggestionStatus | None = SuggestionStatus.PENDING,
                     document_id: int | None = None,
                     min_confidence: float | None = None) -> list[CodeSuggestion]:
    """Code suggestions (pending ones unless told), most confident first."""
    return table.code_suggestions(store, status=status, document_id=document_id,
                                  min_confidence=min_confidence)


# -- evaluation ------------------------------------------------------------------------------


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
    return table.latest_evaluation(store)


def _evaluation(store: Store, corpus: Corpus, data: TrainingData, progress: Progress | None,
                executor: Executor | None) -> tuple[Evaluation | None, bool]:
    """The evaluation of ``data`` (None with too few codings), and whether it was stored
    already (the same inputs give the same figures: the fits are seeded)."""
    from qualcode.suggest.limits import MIN_SEGMENTS

    if sum(1 in row for row in data.Y) < MIN_SEGMENTS:
        return None, False
    key = fingerprint(EVALUATION_VERSION, CONTEXT_FEATURES, CODE_PARAMS, corpus.model, data.Y,
                      data.groups, data.code_ids, data.descriptions, data.keys)
    earlier = table.latest_evaluation(store, key)
    if earlier is not None:  # checked before scikit-learn is imported: that alone takes a second
        return earlier, True
    from qualcode.suggest.codes import CodeSuggester
    from qualcode.suggest.evaluate import cross_validate

    estimator = CodeSuggester(**CODE_PARAMS)
    _step(progress, "cross-validating", 0, 1)
    evaluation = _run(executor, cross_validate, data.X, data.Y, data.groups, data.descriptions,
                      data.code_ids, estimator=estimator, model=corpus.model,
                      left_out=data.left_out)
    _step(progress, "cross-validating", 1, 1)
    with store.action("evaluate suggestions", detail=f"{evaluation.segments} passages",
                      undoable=False):
        table.add_evaluation(store, key, evaluation)
    return table.latest_evaluation(store, key), False


# -- running heavy work ----------------------------------------------------------------------


def _run(executor: Executor | None, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``work(*args)`` here, or in the executor's process when there is one."""
    if executor is None:
        return work(*args, **kwargs)
    return executor.submit(work, *args, **kwargs).result()


def _step(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)
