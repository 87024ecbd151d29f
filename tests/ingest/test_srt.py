from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.core.model import Role
from qualcode.ingest import read_transcript
from tests.ingest.helpers import assert_tiles, said, speakers

NAMED = """1
00:00:00,500 --> 00:00:04,500
FICTIONAL TRANSCRIPT - invented for tests.

2
00:00:07,360 --> 00:00:10,313
Interviewer: Hi Mihai, can you hear me?

3
00:00:11,060 --> 00:00:20,712
Mihai Stoica: Yes, hi,
I hear you <i>fine</i>.

4
00:00:21,119 --> 00:00:22,319
Better.

5
00:00:23,622 --> 00:00:30,669
Interviewer: Perfect.
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.srt"
    path.write_text(text, encoding="utf-8")
    return path


def test_named_cues_and_continuations(tmp_path: Path) -> None:
    parsed = read_transcript(_write(tmp_path, NAMED))
    assert parsed.format == "srt"
    assert parsed.text == (
        "FICTIONAL TRANSCRIPT - invented for tests.\n\n"
        "Interviewer: Hi Mihai, can you hear me?\n\n"
        "Mihai Stoica: Yes, hi, I hear you fine. Better.\n\n"
        "Interviewer: Perfect.\n"
    )
    assert_tiles(parsed.text, parsed.turns)
    assert speakers(parsed.turns) == [None, "Interviewer", "Mihai Stoica", "Interviewer"]
    assert [t.role for t in parsed.turns] == [
        Role.NOTE, Role.INTERVIEWER, Role.RESPONDENT, Role.INTERVIEWER
    ]
    assert [t.timestamp for t in parsed.turns] == [0.5, 7.36, 11.06, 23.622]
    assert said(parsed.text, parsed.turns[2]) == "Yes, hi, I hear you fine. Better."


def test_unnamed_cues_are_turns_without_speaker(tmp_path: Path) -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nHello\nthere.\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nBye.\n"
    )
    parsed = read_transcript(_write(tmp_path, text))
    assert parsed.text == "Hello there.\n\nBye.\n"
    assert speakers(parsed.turns) == [None, None]
    assert [t.timestamp for t in parsed.turns] == [1.0, 3.0]


def test_dialogue_dashes_and_two_speakers_in_one_cue(tmp_path: Path) -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\n- Interviewer: Ready?\n- Maja: Yes.\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nMaja: Go on.\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nInterviewer: Ok.\n"
    )
    parsed = read_transcript(_write(tmp_path, text))
    assert speakers(parsed.turns) == ["Interviewer", "Maja", "Interviewer"]
    assert said(parsed.text, parsed.turns[1]) == "Yes. Go on."
    assert parsed.turns[1].timestamp == 1.0


def test_blank_line_inside_a_cue_continues_it(tmp_path: Path) -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nMaja: one\n\nstill one\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nInterviewer: two\n"
    )
    parsed = read_transcript(_write(tmp_path, text))
    assert said(parsed.text, parsed.turns[0]) == "one still one"


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("just some words\n", "expected a subtitle number", 1),
        ("1\n00:00:0x,000 --> 00:00:02,000\nHi\n", "bad subtitle timing", 2),
    ],
)
def test_bad_srt(tmp_path: Path, text: str, problem: str, line: int) -> None:
    with pytest.raises(InputError) as err:
        read_transcript(_write(tmp_path, text))
    assert err.value.problem.startswith(problem)
    assert err.value.line == line
