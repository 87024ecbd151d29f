"""suggest codes at service level: suggestions, accept / reject / accept above, undo."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code
from qualcode.core.suggestions import MARGIN, MIN_RECORD, SuggestionStatus
from qualcode.services import history
from qualcode.services import suggest as service
from qualcode.services.codes import find_code
from qualcode.services.suggest_corpus import (
    CATEGORY_ONLY,
    UNUSED,
    load_corpus,
    training_data,
)
from qualcode.store import Store
from tests.suggest.conftest import CODES, TOPICS, add_topic_documents, code_first_answers


@pytest.fixture
def coded(store: Store) -> Store:
    """Six interviews; the first four coded by a human, the last two left for suggestions."""
    add_topic_documents(store, documents=6)
    code_first_answers(store, documents=4)
    return store


def expected_code(store: Store, text: str) -> int:
    topic = next(t for t, answers in TOPICS.items() if text in answers)
    return find_code(store, CODES[topic]).id or 0


def test_codes_are_suggested_for_uncoded_passages_with_evidence_and_figures(
        coded: Store) -> None:
    result = service.suggest_codes(coded, min_confidence=0.0, limit=100, coder="ana")
    uncoded = {d.id for d in coded.documents.all()[4:]}
    assert result.suggestions and {s.document_id for s in result.suggestions} <= uncoded
    best: dict[tuple[int, int], float] = {}
    for s in result.suggestions:
        assert s.status is SuggestionStatus.PENDING and 0 <= s.confidence <= 1
        assert coded.documents.get(s.document_id).text[s.start:s.end] == s.text
        best[(s.document_id, s.start)] = max(best.get((s.document_id, s.start), 0), s.confidence)
    for s in result.suggestions:  # each passage's most confident code is its topic's code
        if s.confidence == best[(s.document_id, s.start)]:
            assert s.code_id == expected_code(coded, s.text), s.text
            assert s.evidence
    evaluation = result.evaluation
    assert evaluation is not None and evaluation.segments == 12
    assert evaluation.figure(s.code_id) is not None
    assert service.latest_evaluation(coded) == evaluation
    assert service.list_suggestions(coded) == sorted(
        result.suggestions, key=lambda s: (-s.confidence, s.document_id, s.start))


def test_accept_a_suggestion_then_undo_and_redo(coded: Store) -> None:
    suggestion = service.suggest_codes(coded, min_confidence=0.0).suggestions[0]
    coding = service.accept_suggestion(coded, suggestion.id or 0, coder="ana")
    assert coding.origin == f"suggestion:{suggestion.id}" and coding.coder == "ana"
    assert (coding.document_id, coding.code_id, coding.start, coding.end) == (
        suggestion.document_id, suggestion.code_id, suggestion.start, suggestion.end)
    accepted = service.list_suggestions(coded, status=SuggestionStatus.ACCEPTED)
    assert [(s.id, s.coding_id) for s in accepted] == [(suggestion.id, coding.id)]
    with pytest.raises(QualcodeError, match="already accepted"):
        service.accept_suggestion(coded, suggestion.id or 0, coder="ana")
    assert history.undo(coded).name == "accept suggestion"
    assert coded.codings.all(code_ids=[suggestion.code_id],
                             document_id=suggestion.document_id) == []
    pending = service.list_suggestions(coded)
    assert suggestion.id in {s.id for s in pending}
    history.redo(coded)
    assert coded.codings.get(coding.id or 0).origin == f"suggestion:{suggestion.id}"


def test_a_rejection_is_remembered_and_becomes_a_negative_example(coded: Store) -> None:
    first = service.suggest_codes(coded, min_confidence=0.0)
    rejected = first.suggestions[0]
    done = service.reject_suggestion(coded, rejected.id or 0, coder="ana")
    assert done.status is SuggestionStatus.REJECTED
    with pytest.raises(QualcodeError, match="already rejected"):
        service.reject_suggestion(coded, rejected.id or 0, coder="ana")
    data = training_data(coded, load_corpus(coded))
    row = data.keys.index((rejected.document_id, rejected.start, rejected.end))
    assert data.Y[row][data.code_ids.index(rejected.code_id)] == -1
    again = service.suggest_codes(coded, min_confidence=0.0).suggestions
    assert not any(s.code_id == rejected.code_id and s.document_id == rejected.document_id
                   and s.start < rejected.end and rejected.start < s.end for s in again)
    old = {s.id for s in first.suggestions} - {rejected.id}
    superseded = service.list_suggestions(coded, status=SuggestionStatus.SUPERSEDED)
    assert old == {s.id for s in superseded}


def test_accept_everything_above_a_confidence_is_one_undo(coded: Store) -> None:
    found = service.suggest_codes(coded, min_confidence=0.0).suggestions
    threshold = sorted(s.confidence for s in found)[len(found) // 2]
    wanted = [s for s in found if s.confidence >= threshold]
    codings = service.accept_above(coded, threshold, coder="ana")
    assert len(codings) == len(wanted)
    assert {c.origin for c in codings} == {f"suggestion:{s.id}" for s in wanted}
    assert len(service.list_suggestions(coded)) == len(found) - len(wanted)
    history.undo(coded)
    assert len(service.list_suggestions(coded)) == len(found)
    assert all(c.origin == "human" for c in coded.codings.all())
    assert service.accept_above(coded, 1.01, coder="ana") == []


def test_without_codings_suggestions_come_from_definitions_alone(store: Store) -> None:
    add_topic_documents(store, documents=2)
    result = service.suggest_codes(store, min_confidence=0.0, limit=100)
    assert result.evaluation is None  # nothing to cross-validate yet
    assert {s.method for s in result.suggestions} == {"similarity"}
    with pytest.raises(QualcodeError, match="cross-validation needs at least 10"):
        service.evaluate(store)


def test_a_project_without_codes_is_a_clear_error(seeded: Store) -> None:
    for code in seeded.codes.all()[::-1]:
        with seeded.action("drop", undoable=False):
            seeded.codes.delete(code.id or 0)
    with pytest.raises(QualcodeError, match="no codes"):
        service.suggest_codes(seeded)


def test_category_headings_and_empty_codes_are_never_suggested(coded: Store) -> None:
    with coded.action("codes", undoable=False):
        heading = coded.codes.add(Code(
            name="Money matters", guid="guid-heading", position=10,
            definition="Membership fee, budget, donor grant, income and training budget."))
        coded.codes.add(Code(name="Fees", guid="guid-fees", parent_id=heading, position=0,
                             definition="The membership fee members pay."))
        empty = coded.codes.add(Code(name="Misc", guid="guid-misc", position=11))
    result = service.suggest_codes(coded, min_confidence=0.0, limit=1000)
    offered = {s.code_id for s in result.suggestions}
    assert heading not in offered and empty not in offered
    assert find_code(coded, "Funding").id in offered
    evaluation = result.evaluation
    assert evaluation is not None
    assert evaluation.left_out == {CATEGORY_ONLY: 1, UNUSED: 1}
    assert {f.code_id for f in evaluation.codes} == {
        c.id for c in coded.codes.all() if c.id not in (heading, empty)}


def test_confidence_never_exceeds_the_codes_record_by_more_than_the_margin(
        coded: Store) -> None:
    result = service.suggest_codes(coded, min_confidence=0.0, limit=1000)
    evaluation = result.evaluation
    assert evaluation is not None and result.suggestions
    for s in result.suggestions:
        figure = evaluation.figure(s.code_id)
        assert figure is not None and s.score is not None
        right, offered = figure.record_at(s.score)  # what the suggestion is shown with
        assert offered >= min(MIN_RECORD, figure.offered)
        assert s.confidence <= right / offered + MARGIN + 1e-4
        assert f"right {right} of {offered} times" in evaluation.record(s.code_id, s.score)


def test_a_project_without_the_score_column_still_stores_suggestions(coded: Store) -> None:
    """A file migrated past 0009 by a build without it: suggestions keep no raw score."""
    with coded.action("drop", undoable=False):
        coded.conn.execute("ALTER TABLE code_suggestions DROP COLUMN score")
    result = service.suggest_codes(coded, min_confidence=0.0)
    assert result.suggestions and all(s.score is None for s in result.suggestions)
    evaluation = result.evaluation
    assert evaluation is not None
    assert "times offered in cross-validation" in evaluation.record(
        result.suggestions[0].code_id, result.suggestions[0].score)


def test_code_suggestions_made_in_a_worker_process_are_the_same(coded: Store,
                                                                 tmp_path: Path) -> None:
    """The ranking crosses the process boundary with what it needs to explain the chosen
    suggestions afterwards."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        remote = service.suggest_codes(coded, min_confidence=0.0, executor=pool).suggestions
    with Store.open(tmp_path / "other.qualcode", create=True) as other:
        add_topic_documents(other, documents=6)
        code_first_answers(other, documents=4)
        local = service.suggest_codes(other, min_confidence=0.0).suggestions
    assert remote and [(s.document_id, s.code_id, s.start, s.end, s.confidence, s.evidence)
                       for s in remote] == [(s.document_id, s.code_id, s.start, s.end,
                                             s.confidence, s.evidence) for s in local]
