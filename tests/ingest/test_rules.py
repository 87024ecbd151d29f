from __future__ import annotations

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Role
from qualcode.ingest import DEFAULT_INTERVIEWER_NAMES, SpeakerRules


def test_defaults_are_the_documented_names() -> None:
    assert SpeakerRules().interviewer_names == DEFAULT_INTERVIEWER_NAMES
    assert "Interviewer" in DEFAULT_INTERVIEWER_NAMES and "Q" in DEFAULT_INTERVIEWER_NAMES


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        (None, Role.NOTE),
        ("Interviewer", Role.INTERVIEWER),
        ("interviewer", Role.INTERVIEWER),
        ("MODERATOR", Role.INTERVIEWER),
        ("Interviewer  1", Role.INTERVIEWER),
        ("q", Role.INTERVIEWER),
        ("I", Role.INTERVIEWER),
        ("Maja", Role.RESPONDENT),
        ("P1", Role.RESPONDENT),
        ("Interviewer 2", Role.INTERVIEWER),  # numbered interviewers are interviewers
        ("Interviewer2", Role.INTERVIEWER),
        ("interviewee", Role.RESPONDENT),
    ],
)
def test_role_of_default_names(speaker: str | None, role: Role) -> None:
    assert SpeakerRules().role_of(speaker) is role


def test_extra_names_and_patterns() -> None:
    rules = SpeakerRules(
        interviewer_names=DEFAULT_INTERVIEWER_NAMES + ("Marta Kovač",),
        interviewer_patterns=(r"interviewer \d+", r"R\d"),
    )
    assert rules.role_of("Marta Kovač") is Role.INTERVIEWER
    assert rules.role_of("marta kovač") is Role.INTERVIEWER
    assert rules.role_of("Interviewer 2") is Role.INTERVIEWER
    assert rules.role_of("r3") is Role.INTERVIEWER
    assert rules.role_of("R33") is Role.RESPONDENT  # fullmatch, not search
    assert rules.role_of("Marta") is Role.RESPONDENT


def test_rules_are_hashable_even_from_lists() -> None:
    rules = SpeakerRules(interviewer_names=["Interviewer"])  # type: ignore[arg-type]
    assert rules.interviewer_names == ("Interviewer",)
    assert hash(rules) == hash(SpeakerRules(interviewer_names=("Interviewer",)))


def test_bad_pattern_is_a_user_error() -> None:
    with pytest.raises(QualcodeError, match="not a valid regular expression"):
        SpeakerRules(interviewer_patterns=("([a-z",))
