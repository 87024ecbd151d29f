"""Suggestions on the demo project with its hand-made coding: the acceptance checks.

Figures and timings are printed (run with -s), never asserted against constants.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from qualcode.cli.suggest_evaluate import evaluation_document
from qualcode.core.suggestions import Evaluation
from qualcode.nlp import BLANK
from qualcode.services import history
from qualcode.services import suggest as service
from qualcode.services.codes import code_paths, path_text
from qualcode.services.suggest_corpus import CATEGORY_ONLY
from qualcode.store import Store
from qualcode.suggest.filler import content_pieces, filler_spans

pytestmark = pytest.mark.slow


def copy_of(demo_path: Path, tmp_path: Path, model: str | None) -> Store:
    path = tmp_path / "demo.qualcode"
    shutil.copy(demo_path, path)
    store = Store.open(path)
    if model is not None:
        with store.action("configure", undoable=False):
            store.settings.set("nlp_model", model)
    return store


def show(store: Store, evaluation: Evaluation) -> None:
    print(f"\n{evaluation.segments} coded passages, {evaluation.documents} documents, "
          f"{evaluation.folds} folds by {evaluation.grouped_by}, model {evaluation.model}")
    for m in (evaluation.suggester, *evaluation.baselines):
        print(f"  {m.name:<24} top-1 {m.top1:6.1%}   top-3 {m.top3:6.1%}")
    paths = code_paths(store.codes.all())
    for f in sorted(evaluation.codes, key=lambda f: -f.support)[:8]:
        print(f"  {path_text(paths[f.code_id])[:60]:<60} {f.method:<10} P {f.precision:.2f} "
              f"R {f.recall:.2f} F1 {f.f1:.2f}  {f.sentence()}")


def check_evaluation(store: Store) -> None:
    evaluation = service.evaluate(store).evaluation
    show(store, evaluation)
    frequent, similarity = evaluation.baselines
    assert evaluation.grouped_by == "document" and evaluation.documents >= 6
    assert evaluation.suggester.top3 > frequent.top3
    # the confidence shown is honest: each band right within 10 points of what it says
    for band in evaluation.reliability:
        print(f"  confidence {band.low:.2f}-{band.high:.2f}: {band.suggestions} suggestions, "
              f"mean {band.confidence:.2f}, right {band.precision:.2f}")
        assert abs(band.precision - band.confidence) <= 0.10
    assert sum(b.suggestions for b in evaluation.reliability) == 2 * evaluation.segments
    # what tools read: one JSON object, with numbers, carrying all of it
    names = {i: path_text(p) for i, p in code_paths(store.codes.all()).items()}
    document = json.loads(json.dumps(evaluation_document(evaluation, names)))
    assert document["methods"][0] == {"method": "suggester", "top1": evaluation.suggester.top1,
                                      "top3": evaluation.suggester.top3}
    assert [b["precision"] for b in document["reliability"]] == [
        b.precision for b in evaluation.reliability]
    assert document["left_out"][CATEGORY_ONLY] == len(category_only(store))


def category_only(store: Store) -> set[int]:
    """Parent codes the demo coding never applies."""
    used = {c.code_id for c in store.codings.all()}
    return {c.parent_id for c in store.codes.all() if c.parent_id is not None} - used


def check_codes_and_themes(store: Store) -> None:
    headings = category_only(store)
    assert headings  # the demo has some (Knowledge sharing, Partnerships ...)
    suggested = service.suggest_codes(store, min_confidence=0.0, limit=100_000).suggestions
    assert suggested and not {s.code_id for s in suggested} & headings
    run = service.suggest_themes(store).run
    print(f"\n{len(run.themes)} themes, {run.summary['filler']} filler passages left out")
    for theme in run.themes:
        texts = [service.passage_text(store, m) for m in theme.members]
        filler = sum(not content_pieces(t, 0, len(t)) or _mostly_filler(t) for t in texts)
        print(f"  {theme.label:<45} {theme.size:>3} passages, silhouette "
              f"{theme.silhouette:.3f} {' '.join(theme.flags)}  filler {filler}")
        assert filler < theme.size / 2


def _mostly_filler(text: str) -> bool:
    """More than half of the passage's characters are filler phrases."""
    covered = sum(e - s for s, e in filler_spans(text))
    return covered > len(text.strip()) / 2


def test_evaluate_on_the_demo_beats_the_most_frequent_code_blank(
        demo_path: Path, tmp_path: Path) -> None:
    with copy_of(demo_path, tmp_path, BLANK) as store:
        check_evaluation(store)
        check_codes_and_themes(store)


@pytest.mark.model
def test_evaluate_on_the_demo_beats_the_most_frequent_code(demo_path: Path,
                                                           tmp_path: Path) -> None:
    with copy_of(demo_path, tmp_path, None) as store:
        check_evaluation(store)
        check_codes_and_themes(store)


@pytest.mark.model
def test_second_theme_run_on_the_unchanged_demo_parses_nothing(demo_path: Path,
                                                              tmp_path: Path) -> None:
    with copy_of(demo_path, tmp_path, None) as store:
        started = time.perf_counter()
        first = service.suggest_themes(store)
        first_time = time.perf_counter() - started
        texts = store.suggestions.parse_cache_size()
        started = time.perf_counter()
        second = service.suggest_themes(store)
        second_time = time.perf_counter() - started
    print(f"\nsuggest themes: first {first_time:.2f}s ({first.report.parsed} parsed), "
          f"second {second_time:.2f}s ({second.report.cached} from the cache, "
          f"{second_time / first_time:.1%} of the first)")
    assert first.report.parsed == texts > 0 and first.report.cached == 0
    assert second.report.parsed == 0 and second.report.cached == texts
    assert second.run.id == first.run.id


@pytest.mark.model
def test_review_on_the_demo_accept_a_theme_and_suggestions_then_undo(
        demo_path: Path, tmp_path: Path) -> None:
    with copy_of(demo_path, tmp_path, None) as store:
        run = service.suggest_themes(store, uncoded_only=True).run
        code = service.accept_theme_as_code(store, run.themes[0].id or 0, coder="ana")
        assert len(store.codings.all(code_ids=[code.id or 0])) == run.themes[0].size
        found = service.suggest_codes(store, limit=20, coder="ana")
        assert found.suggestions and found.evaluation is not None
        accepted = service.accept_suggestion(store, found.suggestions[0].id or 0, coder="ana")
        service.reject_suggestion(store, found.suggestions[1].id or 0, coder="ana")
        history.undo(store)  # the rejection
        history.undo(store)  # the acceptance
        assert accepted.id not in {c.id for c in store.codings.all()}
        history.undo(store)  # the theme
        assert store.codings.all(code_ids=[code.id or 0]) == []
