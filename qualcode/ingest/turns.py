"""Speaker turns that tile a text exactly, from chosen labels."""

from __future__ import annotations

from collections.abc import Iterable

from qualcode.core.model import Turn
from qualcode.ingest.labels import Label, find_labels
from qualcode.ingest.refine import (
    add_bare_name_lines,
    drop_header_lines,
    drop_titles,
    one_spelling,
)
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.selection import choose_labels
from qualcode.ingest.unlabelled import split_unlabelled


def find_turns(text: str, rules: SpeakerRules) -> list[Turn]:
    """Turns of a plain-text transcript (txt, md, PDF text)."""
    # The candidates list is passed on, not held here: it goes once the labels are chosen.
    return _cut(text, _chosen(text, find_labels(text, rules), rules), rules)


def turns_from_labels(text: str, candidates: Iterable[Label], rules: SpeakerRules) -> list[Turn]:
    """Choose among candidate labels (several may share a start; the first given wins) and
    cut ``text`` into turns at them."""
    return _cut(text, _chosen(text, candidates, rules), rules)


def _cut(text: str, labels: list[Label], rules: SpeakerRules) -> list[Turn]:
    return split_unlabelled(text, cut_turns(text, labels, rules), rules)


def _chosen(text: str, candidates: Iterable[Label], rules: SpeakerRules) -> list[Label]:
    """The labels turns start at. Only the chosen list outlives this call: the candidates
    and every step's list are let go before turns are cut."""
    by_start: dict[int, Label] = {}
    for label in candidates:
        by_start.setdefault(label.start, label)
    labels = choose_labels(sorted(by_start.values(), key=lambda lb: lb.start), rules)
    labels = drop_titles(text, add_bare_name_lines(text, labels))
    return one_spelling(drop_header_lines(text, labels))


def cut_turns(text: str, labels: list[Label], rules: SpeakerRules) -> list[Turn]:
    """Turns from sorted, non-overlapping labels. Text before the first label is a note turn
    unless it is only white space, which then joins the first turn. ``labels`` is emptied:
    each label goes as its turn is made, so a long transcript never holds all of both."""
    if not text:
        return []
    note_first = not labels or bool(text[: labels[0].start].strip())
    labels.reverse()  # popped from the end, so in order
    label = None if note_first else labels.pop()
    start = 0  # white space before the first label joins its turn
    turns: list[Turn] = []
    while True:
        end = labels[-1].start if labels else len(text)
        turns.append(_turn(text, len(turns), start, end, label, rules))
        if not labels:
            return turns
        label = labels.pop()
        start = label.start


def _turn(text: str, index: int, start: int, end: int, label: Label | None,
          rules: SpeakerRules) -> Turn:
    body_from = label.end if label is not None else start
    text_start, text_end = _strip_span(text, body_from, end)
    speaker = label.speaker if label is not None else None
    return Turn(index=index, start=start, end=end, text_start=text_start, text_end=text_end,
                speaker=speaker, role=rules.role_of(speaker),
                timestamp=label.timestamp if label is not None else None)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) narrowed to leave out white space at both ends (empty stays at start)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
