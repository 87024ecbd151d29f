"""suggest themes at service level: runs stored and reused, accept / merge / reject / undo."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.suggestions import ThemeStatus
from qualcode.services import history
from qualcode.services import suggest as service
from qualcode.services.codes import find_code
from qualcode.store import Store
from tests.suggest.conftest import TOPICS, add_topic_documents


@pytest.fixture
def six(store: Store) -> Store:
    add_topic_documents(store, documents=6)
    return store


def topic_of(store: Store, passage: tuple[int, int, int]) -> str:
    text = service.passage_text(store, passage)
    return next(t for t, answers in TOPICS.items() if text in answers)


def test_themes_find_the_topics_and_the_run_is_stored(six: Store) -> None:
    steps: list[str] = []
    result = service.suggest_themes(six, coder="ana",
                                    progress=lambda stage, done, total: steps.append(stage))
    run = result.run
    assert "parsing" in steps and "finding themes" in steps
    assert result.report.parsed > 0 and result.report.cached == 0 and not result.report.reused
    assert len(run.themes) == 3 and run.summary["chosen_by"] == "silhouette"
    assert sum(t.size for t in run.themes) == 18  # respondents only: interviewers left out
    for theme in run.themes:
        assert len({topic_of(six, m) for m in theme.members}) == 1
        assert theme.documents == 6 and theme.cases == 0
        assert 3 <= len(theme.quotes) <= 5
        assert set(theme.quotes) <= set(theme.members)  # turns of one sentence each
        assert 0 < theme.cohesion <= 1 and theme.keywords and theme.label
    assert service.list_themes(six) == run
    assert run.params["n_themes"] is None and run.params["random_state"] == 0


def test_a_second_run_on_an_unchanged_project_parses_nothing(six: Store) -> None:
    first = service.suggest_themes(six)
    cached = six.suggestions.parse_cache_size()
    second = service.suggest_themes(six)
    assert second.report.parsed == 0
    assert second.report.cached == first.report.parsed  # every text came from the cache
    assert second.report.reused and second.run.id == first.run.id
    assert six.suggestions.parse_cache_size() == cached
    other_k = service.suggest_themes(six, k=2)
    assert other_k.report.parsed == 0 and not other_k.report.reused
    assert len(other_k.run.themes) == 2


def test_accept_a_theme_as_a_new_code_then_undo_and_redo(six: Store) -> None:
    theme = service.suggest_themes(six).run.themes[0]
    before = six.overview.snapshot()
    code = service.accept_theme_as_code(six, theme.id or 0, coder="ana", name="Money talk",
                                        parent=find_code(six, "Funding"))
    assert code.name == "Money talk" and code.parent_id == find_code(six, "Funding").id
    codings = six.codings.all(code_ids=[code.id or 0])
    assert {(c.document_id, c.start, c.end) for c in codings} == set(theme.members)
    assert {c.origin for c in codings} == {f"suggestion:T{theme.id}"}
    assert {c.coder for c in codings} == {"ana"}
    assert six.suggestions.theme(theme.id or 0).status is ThemeStatus.ACCEPTED
    with pytest.raises(QualcodeError, match="already accepted"):
        service.reject_theme(six, theme.id or 0, coder="ana")
    assert history.undo(six).name == "accept theme"
    assert six.overview.snapshot() == before
    assert six.suggestions.theme(theme.id or 0).status is ThemeStatus.OPEN
    history.redo(six)
    assert len(six.codings.all(code_ids=[code.id or 0])) == theme.size


def test_theme_named_after_its_label_by_default(six: Store) -> None:
    theme = service.suggest_themes(six).run.themes[0]
    code = service.accept_theme_as_code(six, theme.id or 0, coder="ana")
    assert code.name == theme.label and "Suggested theme" in code.definition


def test_merge_a_theme_into_an_existing_code_skips_what_is_already_coded(six: Store) -> None:
    theme = service.suggest_themes(six).run.themes[1]
    target = find_code(six, "Moderation")
    doc_id, start, end = theme.members[0]
    from qualcode.services.coding import apply_code

    apply_code(six, six.documents.get(doc_id), target, start, end, coder="ana")
    added = service.merge_theme_into_code(six, theme.id or 0, target, coder="ana")
    assert added == theme.size - 1
    assert six.suggestions.theme(theme.id or 0).code_id == target.id
    carried = service.codes_carried(six, six.suggestions.theme(theme.id or 0))
    assert carried == [(target, theme.size)]


def test_reject_is_remembered_and_undoable(six: Store) -> None:
    theme = service.suggest_themes(six).run.themes[2]
    assert service.reject_theme(six, theme.id or 0, coder="ana").status is ThemeStatus.REJECTED
    assert service.suggest_themes(six).run.themes[2].status is ThemeStatus.REJECTED
    history.undo(six)
    assert six.suggestions.theme(theme.id or 0).status is ThemeStatus.OPEN


def test_filters_and_uncoded_only(six: Store) -> None:
    with pytest.raises(QualcodeError, match="no case attribute named 'country'"):
        service.suggest_themes(six, filters={"country": "Serbia"})
    theme = service.suggest_themes(six).run.themes[0]
    service.accept_theme_as_code(six, theme.id or 0, coder="ana")
    uncoded = service.suggest_themes(six, k=2, uncoded_only=True).run
    assert sum(t.size for t in uncoded.themes) == 18 - theme.size
    for open_theme in service.list_themes(six).themes:  # type: ignore[union-attr]
        if open_theme.status is ThemeStatus.OPEN:
            service.accept_theme_as_code(six, open_theme.id or 0, coder="ana")
    with pytest.raises(QualcodeError, match="only 0 respondent passages"):
        service.suggest_themes(six, uncoded_only=True)


def test_heavy_work_can_run_in_a_worker_process(six: Store, tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        remote = service.suggest_themes(six, executor=pool)
    assert remote.report.parsed > 0  # parsed and fitted in the worker
    with Store.open(tmp_path / "other.qualcode", create=True) as other:
        add_topic_documents(other, documents=6)
        local = service.suggest_themes(other).run
    assert [t.members for t in remote.run.themes] == [t.members for t in local.themes]
    assert [t.keywords for t in remote.run.themes] == [t.keywords for t in local.themes]


def test_a_theme_repeating_a_rejected_one_stays_rejected(six: Store) -> None:
    run = service.suggest_themes(six, k=3).run
    service.reject_theme(six, run.themes[0].id or 0, coder="ana")
    again = service.suggest_themes(six, k=3, random_state=1).run  # a new run, same clusters
    assert again.id != run.id
    statuses = {t.members: t.status for t in again.themes}
    assert statuses.pop(run.themes[0].members) is ThemeStatus.REJECTED
    assert set(statuses.values()) == {ThemeStatus.OPEN}
