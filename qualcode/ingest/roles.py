"""Role words in speaker labels: "Interviewer 2", "interviewee", "P1", "B:", "Speaker 3".

Matched case-insensitively, with or without a number ("Interviewer2", "Researcher 1",
"Participant #3"). A label that is a role word says who speaks; a generic label ("Speaker 3",
"Unknown Speaker") is a speaker whose role must be inferred.
"""

from __future__ import annotations

import re

from qualcode.core.model import Role

_INTERVIEWER_WORDS = (
    "interviewer", "int", "iv", "researcher", "moderator", "mod", "facilitator", "host",
    "q", "i", "question", "interviewerin", "interviewer/in", "second interviewer",
    "co-interviewer", "assistant interviewer", "ir", "ier",
)
# "B" is the German convention (Befragte/r) used by f4 and MAXQDA; "A" answers "Q".
_RESPONDENT_WORDS = (
    "respondent", "resp", "interviewee", "participant", "part", "p", "r", "a", "b", "answer",
    "informant", "befragte", "befragter", "ip", "ie", "iee",
)
_GENERIC_WORDS = (
    "speaker", "unknown speaker", "unknown", "spk", "voice", "guest", "translator", "interpreter",
    "observer", "note taker", "notetaker",
)


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    # A number (or a single capital for long words: "Interviewer A") may follow.
    return re.compile(
        rf"(?:{alternatives})(?:[ \t]*[-#]?[ \t]*\d{{1,3}}|[ \t]+[a-z])?", re.IGNORECASE
    )


_INTERVIEWER = _pattern(_INTERVIEWER_WORDS)
_RESPONDENT = _pattern(_RESPONDENT_WORDS)
_GENERIC = _pattern(_GENERIC_WORDS)


_PAREN = re.compile(r"(?P<name>[^()]+?)\s*\((?P<note>[^()]+)\)")


def split_parenthetical(label: str) -> tuple[str, str]:
    """ "Dana Whitfield (Interviewer)" -> ("Dana Whitfield", "Interviewer"); else (label, "")."""
    match = _PAREN.fullmatch(" ".join(label.split()))
    return (match["name"], match["note"].strip()) if match else (label, "")


def role_word(label: str) -> Role | None:
    """The role a label names by itself, or None for names and generic labels."""
    name, note = split_parenthetical(label)
    if note:
        return role_word(note) or role_word(name)
    text = " ".join(label.split())
    if len(text) == 1 and text.islower():
        return None  # a lone lower-case letter starting a line is text, not "I:" / "A:"
    if _single_letter_with_word(text):
        return None
    if _INTERVIEWER.fullmatch(text):
        return Role.INTERVIEWER
    if _RESPONDENT.fullmatch(text):
        return Role.RESPONDENT
    return None


def is_generic(label: str) -> bool:
    """ "Speaker 3", "Unknown Speaker", "spk2": a speaker without a role of its own."""
    return _GENERIC.fullmatch(" ".join(label.split())) is not None


def is_role_label(label: str) -> bool:
    return role_word(label) is not None or is_generic(label)


def _single_letter_with_word(text: str) -> bool:
    """ "I a" / "p b": a letter followed by a letter is not a numbered role."""
    parts = text.split()
    return len(parts) == 2 and len(parts[0]) == 1 and parts[1].isalpha()
