"""Filler (back-channels, greetings, thanks, "good question") is not content."""

from __future__ import annotations

import pytest

from qualcode.core.model import Code
from qualcode.services import suggest as service
from qualcode.services.suggest_corpus import load_corpus, respondent_units
from qualcode.store import Store
from qualcode.suggest.filler import content_pieces, filler_spans
from tests.conftest import make_document
from tests.suggest.conftest import TOPICS, add_topic_documents


def content(text: str) -> str:
    return " ".join(text[s:e].strip() for s, e in content_pieces(text, 0, len(text))).strip()


@pytest.mark.parametrize("said", [
    "That's kind of a hard question.", "Good question.", "Good luck!", "Good point.",
    "That's a good point.", "Thank you so much for making the time.", "Mm-hm.",
    "Yes, exactly.", "Okay. Right.", "Thank you! Bye, take care.", "Hello, nice to meet you.",
    "Well, that's a really interesting question!", "Sorry, could you repeat the question?",
    "Good example.", "You're welcome.", "Let me think.",
])
def test_filler_said_on_its_own_leaves_nothing(said: str) -> None:
    assert content(said) == "", filler_spans(said)


@pytest.mark.parametrize(("said", "kept"), [
    ("Thank you for asking. The steering group decides the plan.",
     "The steering group decides the plan."),
    ("Good question, the membership fee pays for the forum.",
     "the membership fee pays for the forum."),
    ("A good practice is to pay the right facilitator.",
     "A good practice is to pay the right facilitator."),  # content words, not courtesy
    ("There is no funding and no plan.", "There is no funding and no plan."),
    ("Of course, we pay them.", "we pay them."),
    ("The course of action was fine for us", "The course of action was fine for us"),
])
def test_filler_inside_a_passage_is_cut_and_content_kept(said: str, kept: str) -> None:
    assert content(said) == kept


def add_filler_documents(store: Store, documents: int = 6) -> None:
    """The topic interviews, with a courteous opening and closing in each, and filler answers
    (longer than the old word-count test let through) between the topics."""
    add_topic_documents(store, documents)
    with store.action("seed filler", undoable=False):
        for n in range(documents):
            turns: list[tuple[str | None, str]] = [(None, "FICTIONAL TRANSCRIPT for tests.")]
            turns += [("Interviewer", "Thank you for joining."),
                      (f"Filler{n}", "Thank you so much for having me, nice to meet you, "
                                     "and good luck with the study!"),
                      ("Interviewer", "What could be better?"),
                      (f"Filler{n}", "Well, that's kind of a hard question, that's a really "
                                     "good question. Good point. Yes, exactly, absolutely.")]
            for topic, answers in TOPICS.items():
                turns += [("Interviewer", f"And {topic}?"), (f"Filler{n}", answers[(n + 1) % 4])]
            turns += [("Interviewer", "Thanks a lot."),
                      (f"Filler{n}", "Thank you! Bye, take care, good luck with the report.")]
            doc, parsed = make_document(f"filler{n}.txt", turns)
            store.documents.add(doc, parsed)


def test_filler_passages_are_left_out_and_counted(store: Store) -> None:
    add_filler_documents(store)
    corpus = load_corpus(store)
    tally: dict[str, int] = {}
    units = respondent_units(corpus, tally=tally)
    assert tally["filler"] == 6 * 3  # three filler turns in each filler interview
    assert not any("good luck" in u.text.lower() or "hard question" in u.text.lower()
                   for u in units)
    assert all(u.text in {a for answers in TOPICS.values() for a in answers} for u in units)


def test_no_theme_is_made_of_filler(store: Store) -> None:
    add_filler_documents(store)
    run = service.suggest_themes(store).run
    assert run.summary["filler"] == 18
    for theme in run.themes:
        texts = [service.passage_text(store, m) for m in theme.members]
        assert all(content(t) for t in texts), theme.label
        assert not {"thank", "luck", "good", "bye", "meet"} & set(theme.label.split())


def test_filler_is_not_offered_codes(store: Store) -> None:
    add_filler_documents(store)
    with store.action("code", undoable=False):
        store.codes.add(Code(name="Courtesy", guid="guid-courtesy",
                             definition="Thanks, good luck and greetings."))
    result = service.suggest_codes(store, min_confidence=0.0, limit=1000)
    assert result.filler > 0
    assert not any("luck" in s.text.lower() or "hard question" in s.text.lower()
                   for s in result.suggestions)
