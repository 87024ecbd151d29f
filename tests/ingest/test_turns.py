"""Turn detection in plain text: every speaker convention of the demo corpus and more."""

from __future__ import annotations

from qualcode.core.model import Role
from qualcode.ingest import SpeakerRules, find_turns
from tests.ingest.helpers import assert_tiles, said, speakers

RULES = SpeakerRules()


def test_name_colon_lines() -> None:
    text = (
        "FICTIONAL TRANSCRIPT - invented for tests.\n\n"
        "Interviewer: How did it start?\n"
        "Irina Ceban: In 2015, um, with three people.\n"
        "We met at 10:30 every Monday.\n\n"
        "Interviewer: And now?\n"
        "Irina Ceban: Now we are twelve.\n"
    )
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert speakers(turns) == [None, "Interviewer", "Irina Ceban", "Interviewer", "Irina Ceban"]
    assert [t.role for t in turns] == [
        Role.NOTE, Role.INTERVIEWER, Role.RESPONDENT, Role.INTERVIEWER, Role.RESPONDENT
    ]
    assert said(text, turns[0]) == "FICTIONAL TRANSCRIPT - invented for tests."
    assert said(text, turns[2]) == "In 2015, um, with three people.\nWe met at 10:30 every Monday."
    assert all(t.timestamp is None for t in turns)


def test_times_and_sentences_are_not_labels() -> None:
    text = (
        "Interviewer: When?\nMaja: Well\n10:30: that was it\nthe thing is: no.\n"
        "At 10:30 we met.\n"
    )
    turns = find_turns(text, RULES)
    assert speakers(turns) == ["Interviewer", "Maja"]
    assert said(text, turns[1]).endswith("At 10:30 we met.")


def test_one_off_note_and_header_lines_are_text() -> None:
    text = (
        "Date: 9 November 2020\nLocation: online call\nProject Alpha: benchmarking\n\n"
        "Interviewer: Tell me about funding.\n"
        "Maja: Mostly donors.\n"
        "Example: the Mercer grant, three years.\n"
        "Interviewer: And fees?\n"
        "Maja: None yet.\n"
    )
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert speakers(turns) == [None, "Interviewer", "Maja", "Interviewer", "Maja"]
    assert said(text, turns[2]) == "Mostly donors.\nExample: the Mercer grant, three years."
    assert said(text, turns[0]).startswith("Date: 9 November 2020")


def test_a_new_speaker_in_a_short_text_is_kept() -> None:
    text = "Interviewer: Hello.\nAna Lucía Torres: Hi!\n"
    assert speakers(find_turns(text, RULES)) == ["Interviewer", "Ana Lucía Torres"]


def test_otter_style_with_timestamps() -> None:
    text = (
        "FICTIONAL. Otter export.\n\n"
        "Researcher  0:02\nRadu, hello! Can you hear me?\n\n"
        "Radu Popescu  2:15\nHello, hello.\nYes, I can.\n\n"
        "Researcher 1:02:03\nGood.\n"
    )
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert speakers(turns) == [None, "Researcher", "Radu Popescu", "Researcher"]
    assert [t.timestamp for t in turns] == [None, 2.0, 135.0, 3723.0]
    assert said(text, turns[2]) == "Hello, hello.\nYes, I can."
    assert turns[1].role is Role.INTERVIEWER and turns[2].role is Role.RESPONDENT


def test_speaker_with_time_in_parentheses() -> None:
    text = "Speaker 1 (00:02):\nHello.\n\nInterviewer (01:10):\nHi.\n"
    turns = find_turns(text, RULES)
    assert speakers(turns) == ["Speaker 1", "Interviewer"]
    assert [t.timestamp for t in turns] == [2.0, 70.0]


def test_code_and_timestamp_lines() -> None:
    text = "FICTIONAL.\n\nI 0:00\nRight, recording.\n\nP1 0:08\nHi, yes.\n\nI 0:19\nGreat.\n"
    turns = find_turns(text, RULES)
    assert speakers(turns) == [None, "I", "P1", "I"]
    assert [t.role for t in turns[1:]] == [Role.INTERVIEWER, Role.RESPONDENT, Role.INTERVIEWER]
    assert [t.timestamp for t in turns[1:]] == [0.0, 8.0, 19.0]
    assert said(text, turns[2]) == "Hi, yes."


def test_bracketed_names() -> None:
    text = (
        "[Interviewer] Hello, Dr. Wójcik.\n\n"
        "[Tomasz Wójcik] Yes, perfectly. (laughs)\n"
        "[Laughter] We all laughed.\n\n"
        "[Interviewer]\nOn its own line.\n\n"
        "[Dr. Tomasz Wójcik]\nAnswer.\n"
    )
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert speakers(turns) == ["Interviewer", "Tomasz Wójcik", "Interviewer", "Dr. Tomasz Wójcik"]
    assert said(text, turns[1]) == "Yes, perfectly. (laughs)\n[Laughter] We all laughed."
    assert said(text, turns[2]) == "On its own line."


def test_markdown_bold_labels() -> None:
    text = (
        "# Interview with Petya\n\nFICTIONAL.\n\n"
        "**Marta Kovač:** Good morning.\n\n"
        "**Petya Ivanova**: Morning! We started in 2012.\n\n"
        "Second paragraph of the answer.\n\n"
        "**Marta Kovač:** Thanks.\n"
    )
    rules = SpeakerRules(interviewer_names=RULES.interviewer_names + ("Marta Kovač",))
    turns = find_turns(text, rules)
    assert_tiles(text, turns)
    assert speakers(turns) == [None, "Marta Kovač", "Petya Ivanova", "Marta Kovač"]
    assert [t.role for t in turns] == [
        Role.NOTE, Role.INTERVIEWER, Role.RESPONDENT, Role.INTERVIEWER
    ]
    assert said(text, turns[1]) == "Good morning."
    assert said(text, turns[2]) == "Morning! We started in 2012.\n\nSecond paragraph of the answer."
    assert text[turns[0].start : turns[0].end].startswith("# Interview with Petya")


def test_markdown_headings() -> None:
    text = (
        "# PO-02 Psychosocial Support Learning Network (PSLN) - interview\n\n"
        "FICTIONAL.\n\n"
        "### Moderator\n\nHi Leila.\n\n"
        "### Leila Haddad\n\nYes, I can hear you.\n\nMore.\n\n"
        "### Moderator\n\nGood.\n"
    )
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert speakers(turns) == [None, "Moderator", "Leila Haddad", "Moderator"]
    assert said(text, turns[2]) == "Yes, I can hear you.\n\nMore."
    assert said(text, turns[1]) == "Hi Leila."


def test_q_and_a_and_i_and_r() -> None:
    for interviewer, respondent in (("Q", "A"), ("I", "R")):
        text = f"{interviewer}: Why?\n{respondent}: Because.\n{interviewer}: Ok.\n"
        turns = find_turns(text, RULES)
        assert speakers(turns) == [interviewer, respondent, interviewer]
        assert [t.role for t in turns] == [Role.INTERVIEWER, Role.RESPONDENT, Role.INTERVIEWER]


def test_timestamped_colon_labels() -> None:
    text = "[00:00:05] Interviewer: Hi.\n[00:01:10] Maja: Hello.\n"
    turns = find_turns(text, RULES)
    assert speakers(turns) == ["Interviewer", "Maja"]
    assert [t.timestamp for t in turns] == [5.0, 70.0]
    assert said(text, turns[1]) == "Hello."


def test_white_space_before_first_label_joins_the_first_turn() -> None:
    text = "\n\n  \nInterviewer: Hi.\n\n\nMaja:   \n\n"
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert speakers(turns) == ["Interviewer", "Maja"]
    assert turns[0].start == 0
    assert turns[0].end == text.index("Maja")  # blank lines belong to the preceding turn
    assert turns[1].text_start == turns[1].text_end  # a label with nothing said


def test_text_without_labels_is_one_note_turn() -> None:
    text = "Just some notes.\nNo speakers here.\n"
    turns = find_turns(text, RULES)
    assert len(turns) == 1
    assert turns[0].speaker is None and turns[0].role is Role.NOTE
    assert (turns[0].start, turns[0].end) == (0, len(text))
    assert said(text, turns[0]) == text.strip()


def test_empty_text_has_no_turns() -> None:
    assert find_turns("", RULES) == []


def test_label_only_speaker_gets_role_from_rules() -> None:
    rules = SpeakerRules(interviewer_names=("Ana",))
    turns = find_turns("Ana: Question?\nMaja: Answer.\n", rules)
    assert [t.role for t in turns] == [Role.INTERVIEWER, Role.RESPONDENT]


def test_interviewer_pattern_applies() -> None:
    rules = SpeakerRules(interviewer_patterns=(r"consultant \w+",))
    turns = find_turns("Consultant Marta: Q?\nJonas: A.\n", rules)
    assert [t.role for t in turns] == [Role.INTERVIEWER, Role.RESPONDENT]


def test_main_convention_wins_over_stray_lines() -> None:
    text = (
        "### Moderator\n\nHi.\n\n### Leila Haddad\n\n"
        "Hello.\nBudget: small.\nBudget: still small.\n\n"
        "### Moderator\n\nOk.\n\n### Leila Haddad\n\nBye.\n"
    )
    turns = find_turns(text, RULES)
    assert speakers(turns) == ["Moderator", "Leila Haddad", "Moderator", "Leila Haddad"]


def test_crlf_text_passed_directly_still_works() -> None:
    text = "Interviewer: Hi.\r\nMaja: Hello.\r\n"
    turns = find_turns(text, RULES)
    assert_tiles(text, turns)
    assert speakers(turns) == ["Interviewer", "Maja"]
