"""Theme suggestions: cluster what respondents said, shape the clusters into themes worth
reading, store the run. Part of the ``services/suggest.py`` API (re-exported there)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from qualcode.core import spans
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code, Coding
from qualcode.core.progress import Progress, step
from qualcode.core.suggestions import Passage, RunReport, Theme, ThemeRun, ThemeStatus
from qualcode.services.suggest_corpus import (
    Corpus,
    Unit,
    collector_paused,
    documents_matching,
    fingerprint,
    load_corpus,
    respondent_units,
    run_work,
)
from qualcode.store import Store
from qualcode.store import suggestions as table
from qualcode.suggest.terms import theme_label

if TYPE_CHECKING:
    from qualcode.suggest.themes import ThemeFit

THEME_PARAMS: dict[str, Any] = {"n_themes": None, "random_state": 0}
THEMES_VERSION = 2  # theme runs made before filler, merging and splitting are not reused
SAME_THEME = 0.5  # share of passages in common (Jaccard) that makes two themes the same


@dataclass(frozen=True)
class ThemeResult:
    run: ThemeRun
    report: RunReport


@collector_paused()
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
                             exclude=store.codings.all() if uncoded_only else (), tally=tally)
    run_params = {**params, "unit": unit, "filters": filters or {},
                  "uncoded_only": uncoded_only, "version": THEMES_VERSION}
    key = fingerprint(run_params, corpus.model,
                      [(corpus.documents[u.document_id].sha256, u.start, u.end) for u in units])
    earlier = store.suggestions.latest_theme_run(key)
    if earlier is not None:
        return ThemeResult(earlier, replace(corpus.report, reused=True))
    from qualcode.suggest.themes import MIN_PASSAGES, find_themes  # loads scikit-learn

    if len(units) < MIN_PASSAGES:
        raise QualcodeError(f"only {len(units)} respondent passages to cluster; "
                            f"themes need at least {MIN_PASSAGES}")
    step(progress, "finding themes", 0, 1)
    fit = run_work(executor, find_themes, [u.terms for u in units], params)
    step(progress, "finding themes", 1, 1)
    themes = _themes(store, corpus, units, fit)
    summary = {"model": corpus.model, "units": len(units), "documents": len(documents),
               "k": fit.n_themes, "chosen_by": "given" if k else "silhouette",
               "scores": {str(n): round(s, 4) for n, s in fit.scores.items()},
               "best_k": max(fit.scores, key=lambda n: fit.scores[n]),
               "filler": tally.get("filler", 0), "merged": fit.merged, "split": fit.split,
               "weak": sum(t.weak for t in themes), "quality": table.theme_quality(themes)}
    with store.action("suggest themes", detail=f"{fit.n_themes} themes", coder=coder,
                      undoable=False):
        run_id = store.suggestions.add_theme_run(fingerprint=key, params=run_params,
                                                 summary=summary, coder=coder)
        for theme in themes:
            store.suggestions.add_theme(replace(theme, run_id=run_id))
    return ThemeResult(store.suggestions.theme_run(run_id), corpus.report)


def _themes(store: Store, corpus: Corpus, units: list[Unit], fit: ThemeFit) -> list[Theme]:
    """The fitted clusters as themes, the most distinct first (by their members' mean
    silhouette), weak ones last; keywords and labels as people said them ("social media
    data", not the lemmas "social medium datum"). A theme that mostly repeats a rejected one
    (half its passages or more in common) is remembered as rejected."""
    rejected = [set(t.members) for t in store.suggestions.themes(status=ThemeStatus.REJECTED)]
    order = sorted(range(fit.n_themes),
                   key=lambda t: ("weak" in fit.flags[t], -fit.silhouettes[t], t))
    grouped: list[list[Unit]] = [[] for _ in range(fit.n_themes)]
    for unit, label in zip(units, fit.labels, strict=True):
        grouped[label].append(unit)
    found = []
    for number, t in enumerate(order, start=1):
        members = grouped[t]
        keys = tuple(m.key for m in members)
        repeats = _repeats(keys, rejected)
        forms = surface_forms(corpus, members,
                              {w for term in fit.keywords[t] for w in term.split()})
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
            members=keys,
            status=ThemeStatus.REJECTED if repeats else ThemeStatus.OPEN,
            silhouette=round(fit.silhouettes[t], 4), flags=tuple(fit.flags[t])))
    return found


def _repeats(keys: Sequence[Passage], rejected: list[set[Passage]]) -> bool:
    """Whether passages ``keys`` mostly repeat one of the ``rejected`` themes' (SAME_THEME);
    no set is made when nothing was rejected (the usual case)."""
    if not rejected:
        return False
    found = set(keys)
    return any(len(found & old) >= SAME_THEME * len(found | old) for old in rejected)


def surface_forms(corpus: Corpus, units: Sequence[Unit],
                  lemmas: Collection[str] | None = None) -> dict[str, str]:
    """Each lemma said in ``units`` (of ``lemmas``, if given) -> the form it was said in most
    often: in lower case, unless capitals inside the word make it an acronym ("CHWs")."""
    said: Counter[tuple[str, str]] = Counter()  # (lemma, word as written) -> times said
    by_document: dict[int, list[tuple[int, int]]] = {}
    for unit in units:
        by_document.setdefault(unit.document_id, []).append((unit.start, unit.end))
    for doc_id, placed in by_document.items():
        said.update(corpus.terms[doc_id].said(corpus.documents[doc_id].text, placed, lemmas))
    counts: dict[tuple[str, str], int] = {}  # (lemma, form) -> times said, first said first
    for (lemma, word), n in said.items():
        pair = (lemma, word if word[1:] != word[1:].lower() else word.lower())
        counts[pair] = counts.get(pair, 0) + n
    best: dict[str, tuple[int, str]] = {}
    for (lemma, form), n in counts.items():  # ties: the form said first (as most_common)
        if n > best.get(lemma, (0, ""))[0]:
            best[lemma] = (n, form)
    return {lemma: form for lemma, (_, form) in best.items()}


def _quote(corpus: Corpus, unit: Unit, keywords: Sequence[str]) -> Passage:
    """The sentence of a passage that says most of its theme's keywords."""
    terms = corpus.terms[unit.document_id]
    sentences = terms.sentences(unit.start, unit.end) or [(unit.start, unit.end)]
    wanted = set(keywords)

    def says(sentence: tuple[int, int]) -> tuple[int, int, int]:
        said = terms.terms(*sentence)
        return len(wanted.intersection(said)), len(said), -sentence[0]

    best = max(sentences, key=says)
    return (unit.document_id, *best)


def list_themes(store: Store, *, run_id: int | None = None) -> ThemeRun | None:
    """A theme run with its themes: the latest unless ``run_id`` is given."""
    if run_id is not None:
        return store.suggestions.theme_run(run_id)
    return store.suggestions.latest_theme_run()


def codes_carried(store: Store, theme: Theme) -> list[tuple[Code, int]]:
    """Existing codes on a theme's members: (code, members carrying it), most first."""
    counts: dict[int, int] = {}
    by_document: dict[int, list[Coding]] = {}
    for coding in store.codings.all(document_id=document_ids_of(theme.members)):
        by_document.setdefault(coding.document_id, []).append(coding)
    for doc_id, start, end in theme.members:
        carried = {c.code_id for c in by_document.get(doc_id, [])
                   if spans.overlaps((c.start, c.end), (start, end))}
        for code_id in carried:
            counts[code_id] = counts.get(code_id, 0) + 1
    codes = {c.id: c for c in store.codes.all()}
    return sorted(((codes[i], n) for i, n in counts.items() if i in codes),
                  key=lambda pair: (-pair[1], pair[0].name))


def document_ids_of(passages: Sequence[Passage]) -> int | None:
    """The one document of ``passages``, or None (all) when they span several."""
    ids = {p[0] for p in passages}
    return next(iter(ids)) if len(ids) == 1 else None


def passage_text(store: Store, passage: Passage) -> str:
    doc_id, start, end = passage
    return store.documents.get(doc_id).text[start:end]
