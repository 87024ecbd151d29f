"""Label shapes and role words from real transcripts (fictional text), one rule at a time."""

from __future__ import annotations

import pytest

from qualcode.core.model import Role
from qualcode.ingest import SpeakerRules, find_turns
from qualcode.ingest.inference import header_roles
from qualcode.ingest.roles import is_generic, role_word
from tests.ingest.helpers import assert_tiles, said, speakers

RULES = SpeakerRules()


@pytest.mark.parametrize(("label", "role"), [
    ("interviewer", Role.INTERVIEWER), ("INTERVIEWER 2", Role.INTERVIEWER),
    ("Interviewer2", Role.INTERVIEWER), ("Researcher 1", Role.INTERVIEWER),
    ("Int", Role.INTERVIEWER), ("IR", Role.INTERVIEWER), ("Second Interviewer", Role.INTERVIEWER),
    ("Dana Whitfield (Interviewer)", Role.INTERVIEWER), ("interviewee", Role.RESPONDENT),
    ("Participant #3", Role.RESPONDENT), ("P12", Role.RESPONDENT), ("B1", Role.RESPONDENT),
    ("R", Role.RESPONDENT), ("IE", Role.RESPONDENT),
    ("Speaker 3", None), ("Unknown Speaker", None), ("Maja", None), ("Ian", None),
    ("a", None), ("Part of it", None),
])
def test_role_words(label: str, role: Role | None) -> None:
    assert role_word(label) is role


def test_generic_labels() -> None:
    assert is_generic("Speaker 3") and is_generic("unknown speaker") and is_generic("Translator")
    assert not is_generic("Maja") and not is_generic("Speakers corner")


def test_one_speaker_spelt_two_ways_is_one_speaker() -> None:
    text = "FICTIONAL\nInterviewer: One?\nAna: Yes.\nINTERVIEWER: Two?\nAna: No.\n"
    assert speakers(find_turns(text, RULES)) == [None, "Interviewer", "Ana", "Interviewer", "Ana"]


def test_a_single_a_dot_is_text_not_a_speaker() -> None:
    text = ("FICTIONAL\nInterviewer: Who founded it?\nAna: A. Kowalski did.\n"
            "Q. was not asked.\nInterviewer: When?\nAna: In 1998.\n")
    turns = find_turns(text, RULES)
    assert speakers(turns) == [None, "Interviewer", "Ana", "Interviewer", "Ana"]
    assert said(text, turns[2]) == "A. Kowalski did.\nQ. was not asked."


def test_headings_that_never_recur_are_sections_not_speakers() -> None:
    text = "# Notes (fictional)\n\n## Background\n\nSome text.\n\n## Findings\n\nMore text.\n"
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert speakers(turns) == [None]


def test_header_names_roles_by_name_and_initials() -> None:
    roles = header_roles("Interviewer: Dana Whitfield\nInterviewee: Pavel Novák\n"
                         "Also present: Ana Lima (observer), Jo Kim (moderator)")
    assert roles["dana whitfield"] is Role.INTERVIEWER and roles["dw"] is Role.INTERVIEWER
    assert roles["pavel novák"] is Role.RESPONDENT and roles["jo kim"] is Role.INTERVIEWER
    assert "ana lima" not in roles


def test_speaker_line_without_its_time_still_starts_a_turn() -> None:
    text = ("FICTIONAL\n\nAna Lima  0:01\nHello.\n\nBo Chen  0:05\nHi there.\n\n"
            "Ana Lima\nHow are you?\n\nBo Chen  0:12\nFine.\n")
    turns = find_turns(text, RULES)
    assert speakers(turns) == [None, "Ana Lima", "Bo Chen", "Ana Lima", "Bo Chen"]
    assert said(text, turns[3]) == "How are you?" and turns[3].timestamp is None
