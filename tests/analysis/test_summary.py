"""Extractive drafts: the most central sentences of a set of segments."""

from __future__ import annotations

from qualcode.analysis.summary import central_sentences, clean

SEGMENTS = [
    "Um, we run webinars every month and members really like the webinars. Yes.",
    "The webinars bring about forty members each month. Funding for the webinars comes "
    "from donors, sadly, and that is a risk.",
    "I mean, uh, the forum is quiet. Nobody posts in the forum unless a moderator asks.",
    "The webinars bring about forty members each month.",
]


def test_fillers_and_asides_are_left_out() -> None:
    assert clean("Um, the forum is, you know, quiet.") == "The forum is quiet."
    assert clean("I mean, uh, we meet monthly.") == "We meet monthly."
    assert clean("You know them well.") == "You know them well."


def test_central_sentences_are_verbatim_in_order_without_repeats() -> None:
    chosen = central_sentences(SEGMENTS, max_sentences=2)
    assert len(chosen) == 2
    assert chosen[0] == "We run webinars every month and members really like the webinars."
    assert "webinars" in chosen[1]
    assert len(set(chosen)) == len(chosen)
    joined = " ".join(SEGMENTS).lower()
    positions = [joined.find(s.lower().rstrip(".")) for s in chosen]
    assert -1 not in positions
    assert positions == sorted(positions)  # in the order they were said


def test_short_sentences_and_empty_input_give_nothing() -> None:
    assert central_sentences(["Yes.", "No, not really."]) == []
    assert central_sentences([]) == []


def test_word_budget_is_respected() -> None:
    chosen = central_sentences(SEGMENTS, max_sentences=5, max_words=15)
    assert sum(len(s.split()) for s in chosen) <= 15 or len(chosen) == 1
