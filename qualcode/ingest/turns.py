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
    return turns_from_labels(text, find_labels(text, rules), rules)


def turns_from_labels(text: str, candidates: Iterable[Label], rules: SpeakerRules) -> list[Turn]:
    """Choose among candidate labels (several may share a start; the first given wins) and
    cut ``text`` into turns at them."""
    by_start: dict[int, Label] = {}
    for label in candidates:
        by_start.setdefault(label.start, label)
    labels = choose_labels(sorted(by_start.values(), key=lambda lb: lb.start), rules)
    labels = drop_titles(text, add_bare_name_lines(text, labels))
    labels = one_spelling(drop_header_lines(text, labels))
    return split_unlabelled(text, cut_turns(text, labels, rules), rules)


def cut_turns(text: str, labels: list[Label], rules: SpeakerRules) -> list[Turn]:
    """Turns from sorted, non-overlapping labels. Text before the first label is a note turn
    unless it is only white space, which then joins the first turn."""
    if not text:
        return []
    starts = [label.start for label in labels]
    if not labels or text[: starts[0]].strip():
        spans: list[tuple[int, Label | None]] = [(0, None)]
    else:
        spans = []
    spans += [(start, label) for start, label in zip(starts, labels, strict=True)]
    if spans and spans[0][0] != 0:
        spans[0] = (0, spans[0][1])  # white space before the first label joins its turn
    turns = []
    for index, (start, label) in enumerate(spans):
        end = spans[index + 1][0] if index + 1 < len(spans) else len(text)
        body_from = label.end if label is not None else start
        text_start, text_end = _strip_span(text, body_from, end)
        speaker = label.speaker if label is not None else None
        turns.append(
            Turn(
                index=index,
                start=start,
                end=end,
                text_start=text_start,
                text_end=text_end,
                speaker=speaker,
                role=rules.role_of(speaker),
                timestamp=label.timestamp if label is not None else None,
            )
        )
    return turns


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) narrowed to leave out white space at both ends (empty stays at start)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
