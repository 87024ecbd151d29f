"""Two-party interviews where only one party is labelled.

Usability sessions often label only the moderator ("MODERATOR: ...") and leave the
participant's paragraphs bare; without this, everything the participant said is filed as the
moderator's. When one speaker has every label, speaks several times and their turns go on
past a paragraph break, the paragraphs after the first become the other party's turns.
"""

from __future__ import annotations

from dataclasses import replace

from qualcode.core.model import Role, Turn
from qualcode.ingest.roles import role_word
from qualcode.ingest.rules import SpeakerRules

# The name says the turns had no label, so lists and reports show it was inferred.
UNLABELLED = "(unlabelled)"
OTHER_PARTY = {Role.INTERVIEWER: f"Participant {UNLABELLED}",
               Role.RESPONDENT: f"Interviewer {UNLABELLED}"}


def split_unlabelled(text: str, turns: list[Turn], rules: SpeakerRules) -> list[Turn]:
    named = [turn for turn in turns if turn.speaker is not None]
    if len(named) < 2 or len({turn.speaker for turn in named}) != 1:
        return turns
    breaks = "\n\n" if any("\n\n" in _said(text, t) for t in named) else "\n"
    with_more = [t for t in named if breaks in _said(text, t)]
    if len(with_more) < max(2, len(named) // 3):
        return turns
    other = OTHER_PARTY[_labelled_role(text, named, breaks, rules)]
    out: list[Turn] = []
    for turn in turns:
        cut = text.find(breaks, turn.text_start, turn.text_end)
        if turn.speaker is None or cut < 0:
            out.append(turn)
            continue
        rest = cut + len(breaks)
        while rest < turn.text_end and text[rest].isspace():
            rest += 1
        out.append(replace(turn, end=rest, text_end=_rstrip(text, turn.text_start, cut)))
        out.append(replace(turn, start=rest, text_start=rest, speaker=other,
                           role=rules.role_of(other), timestamp=None))
    return [replace(turn, index=i) for i, turn in enumerate(out)]


def _labelled_role(text: str, named: list[Turn], breaks: str, rules: SpeakerRules) -> Role:
    """The labelled party's role: by its label, else by who asks the questions."""
    speaker = named[0].speaker or ""
    if rules.role_of(speaker) is Role.INTERVIEWER:
        return Role.INTERVIEWER
    if role_word(speaker) is Role.RESPONDENT:
        return Role.RESPONDENT
    first = sum("?" in _said(text, t).split(breaks, 1)[0] for t in named)
    rest = sum("?" in _said(text, t).split(breaks, 1)[1] for t in named if breaks in _said(text, t))
    return Role.INTERVIEWER if first >= rest else Role.RESPONDENT


def _said(text: str, turn: Turn) -> str:
    return text[turn.text_start : turn.text_end]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
