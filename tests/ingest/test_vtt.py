from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.core.model import Role
from qualcode.ingest import read_transcript
from tests.ingest.helpers import assert_tiles, said, speakers

VOICES = """WEBVTT

NOTE
FICTIONAL TRANSCRIPT - invented for tests.
Second note line.

00:00:01.500 --> 00:00:03.808
<v Interviewer>Hi Arta, can you
hear me?</v>

intro-2
00:00:04.708 --> 00:00:08.938 align:start
<v.loud Arta Hoxha>Hi! Yes, <i>yes</i> &amp; you?

00:00:09.238 --> 00:00:16.162
<v Arta Hoxha>My connection is <00:00:10.000>slow.

STYLE
::cue { color: yellow }

01:02:03.000 --> 01:02:05.000
<v Interviewer>Fine.
"""


def _write(tmp_path: Path, text: str, name: str = "t.vtt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_voice_tags_merge_and_render(tmp_path: Path) -> None:
    parsed = read_transcript(_write(tmp_path, VOICES))
    assert parsed.format == "vtt"
    assert parsed.text == (
        "FICTIONAL TRANSCRIPT - invented for tests.\nSecond note line.\n\n"
        "Interviewer: Hi Arta, can you hear me?\n\n"
        "Arta Hoxha: Hi! Yes, yes & you? My connection is slow.\n\n"
        "Interviewer: Fine.\n"
    )
    assert_tiles(parsed.text, parsed.turns)
    assert speakers(parsed.turns) == [None, "Interviewer", "Arta Hoxha", "Interviewer"]
    assert [t.role for t in parsed.turns] == [
        Role.NOTE, Role.INTERVIEWER, Role.RESPONDENT, Role.INTERVIEWER
    ]
    assert [t.timestamp for t in parsed.turns] == [None, 1.5, 4.708, 3723.0]
    assert said(parsed.text, parsed.turns[2]) == "Hi! Yes, yes & you? My connection is slow."


def test_names_in_cue_text(tmp_path: Path) -> None:
    text = (
        "WEBVTT\n\n00:00:04.061 --> 00:00:10.828\nInterviewer: Hi Ana Lucía.\n\n"
        "00:00:12.605 --> 00:00:22.171\nAna Lucía Torres: Yes, I hear you.\n\n"
        "00:00:22.643 --> 00:00:27.170\nIf I freeze, tell me.\n\n"
        "00:00:28.000 --> 00:00:29.000\nInterviewer: Sure.\n"
    )
    parsed = read_transcript(_write(tmp_path, text))
    assert parsed.text == (
        "Interviewer: Hi Ana Lucía.\n\n"
        "Ana Lucía Torres: Yes, I hear you. If I freeze, tell me.\n\n"
        "Interviewer: Sure.\n"
    )
    assert_tiles(parsed.text, parsed.turns)
    assert [t.timestamp for t in parsed.turns] == [4.061, 12.605, 28.0]


def test_cues_without_any_speaker_are_note_turns(tmp_path: Path) -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n\n00:03.000 --> 00:04.000\nWorld.\n"
    parsed = read_transcript(_write(tmp_path, text))
    assert parsed.text == "Hello.\n\nWorld.\n"
    assert speakers(parsed.turns) == [None, None]
    assert [t.role for t in parsed.turns] == [Role.NOTE, Role.NOTE]
    assert [t.timestamp for t in parsed.turns] == [1.0, 3.0]


def test_crlf_vtt(tmp_path: Path) -> None:
    path = tmp_path / "t.vtt"
    path.write_bytes(VOICES.replace("\n", "\r\n").encode())
    parsed = read_transcript(path)
    assert speakers(parsed.turns) == [None, "Interviewer", "Arta Hoxha", "Interviewer"]


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("Hello\n\n00:01.000 --> 00:02.000\nHi\n", "not a WebVTT file", 1),
        ("WEBVTT\n\n00:0x.000 --> 00:02.000\nHi\n", "bad cue timing", 3),
        ("WEBVTT\n\njust text\n", "expected a cue timing line", 3),
        ("WEBVTT\n\nNOTE only a note\n", "no cues found", None),
    ],
)
def test_bad_vtt(tmp_path: Path, text: str, problem: str, line: int | None) -> None:
    with pytest.raises(InputError) as err:
        read_transcript(_write(tmp_path, text))
    assert err.value.problem.startswith(problem)
    assert err.value.line == line


def test_a_voice_heard_once_is_still_a_speaker(tmp_path: Path) -> None:
    cues = "".join(
        f"00:00:{2 * n:02d}.000 --> 00:00:{2 * n + 1:02d}.000\n<v {name}>Line {n}.\n\n"
        for n, name in enumerate(["Interviewer", "Arta", "Interviewer", "Arta", "Translator"])
    )
    parsed = read_transcript(_write(tmp_path, "WEBVTT\n\n" + cues))
    assert speakers(parsed.turns) == ["Interviewer", "Arta", "Interviewer", "Arta", "Translator"]
