"""Which speaker labels belong to the interviewer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Role
from qualcode.ingest.roles import role_word

DEFAULT_INTERVIEWER_NAMES: tuple[str, ...] = (
    "Interviewer",
    "Researcher",
    "Moderator",
    "Facilitator",
    "Interviewer 1",
    "Q",
    "I",
    "Int",
    "INT",
)


def label_key(label: str) -> str:
    """Compare speaker labels ignoring case and runs of white space."""
    return " ".join(label.split()).casefold()


@dataclass(frozen=True)
class SpeakerRules:
    """Interviewer labels: exact names (case-insensitive) and extra regexes (fullmatch)."""

    interviewer_names: tuple[str, ...] = DEFAULT_INTERVIEWER_NAMES
    interviewer_patterns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Callers may pass lists (e.g. from YAML); keep the object hashable.
        object.__setattr__(self, "interviewer_names", tuple(self.interviewer_names))
        object.__setattr__(self, "interviewer_patterns", tuple(self.interviewer_patterns))
        for pattern in self.interviewer_patterns:
            try:
                re.compile(pattern)
            except re.error as err:
                raise QualcodeError(
                    f"interviewer pattern {pattern!r} is not a valid regular expression ({err})"
                ) from None

    def is_interviewer(self, speaker: str) -> bool:
        key = label_key(speaker)
        if role_word(speaker) is Role.INTERVIEWER:
            return True
        if any(key == label_key(name) for name in self.interviewer_names):
            return True
        text = " ".join(speaker.split())
        return any(re.fullmatch(p, text, re.IGNORECASE) for p in self.interviewer_patterns)

    def role_of(self, speaker: str | None) -> Role:
        if speaker is None:
            return Role.NOTE
        return Role.INTERVIEWER if self.is_interviewer(speaker) else Role.RESPONDENT


DEFAULT_RULES = SpeakerRules()
