"""Every demo transcript in transcripts/ reads with its speakers and interviewer turns found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualcode.core.model import Role
from qualcode.ingest import (
    DEFAULT_INTERVIEWER_NAMES,
    SUPPORTED_SUFFIXES,
    SpeakerRules,
    read_transcript,
)
from qualcode.ingest.rules import label_key
from tests.ingest.helpers import assert_tiles

TRANSCRIPTS = Path(__file__).resolve().parents[2] / "transcripts"
RULES = SpeakerRules(interviewer_names=DEFAULT_INTERVIEWER_NAMES + ("Marta Kovač",))

# (interviewer label, respondent label) per file, as the corpus plan specifies them.
EXPECTED = {
    "ca01-moldova.txt": ("Interviewer", "Irina Ceban"),
    "ca02-serbia.docx": ("Interviewer", "Dragan Milić"),
    "ca03-albania.vtt": ("Interviewer", "Arta Hoxha"),
    "ca04-bulgaria.md": ("Marta Kovač", "Petya Ivanova"),
    "ca05-romania.txt": ("Researcher", "Radu Popescu"),
    "po01-practitioners-network.docx": ("Interviewer", "Samuel Okafor"),
    "po02-psychosocial-network.md": ("Moderator", "Leila Haddad"),
    "po03-humanitarian-alliance.odt": ("Marta Kovač", "Jonas Lindqvist"),
    "po04-practice-connect.txt": ("I", "P1"),
    "po05-reintegration-collective.vtt": ("Interviewer", "Ana Lucía Torres"),
    "po06-prevention-society.txt": ("Interviewer", "Tomasz Wójcik"),
    "os01-community-health.docx": ("Q", "Grace Wanjiru"),
    "os02-teachers-exchange.srt": ("Interviewer", "Mihai Stoica"),
}


def _corpus() -> list[Path]:
    if not TRANSCRIPTS.is_dir():
        return []
    return sorted(
        p for p in TRANSCRIPTS.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
    )


FILES = _corpus()


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES or [None], ids=[p.name for p in FILES] or ["no-files"])
def test_demo_transcript(path: Path | None) -> None:
    if path is None:
        pytest.skip(f"no transcripts in {TRANSCRIPTS}")
    parsed = read_transcript(path, RULES)
    assert_tiles(parsed.text, parsed.turns)

    interviewers = {t.speaker for t in parsed.turns if t.role is Role.INTERVIEWER}
    respondents = {t.speaker for t in parsed.turns if t.role is Role.RESPONDENT}
    assert interviewers, "no interviewer turn found"
    assert respondents, "no respondent turn found"
    # No respondent label is an interviewer's label, alone or with leftover decoration.
    interviewer_keys = {label_key(s) for s in interviewers if s}
    for speaker in respondents:
        assert speaker is not None
        for key in interviewer_keys:
            assert not re.search(rf"(?<!\w){re.escape(key)}(?!\w)", label_key(speaker)), speaker
    # The fictional-transcript notice heads every file and is not anyone's turn.
    assert parsed.turns[0].role is Role.NOTE
    assert "FICTIONAL" in parsed.text[parsed.turns[0].text_start : parsed.turns[0].text_end]

    if path.name in EXPECTED:
        interviewer, respondent = EXPECTED[path.name]
        assert interviewers == {interviewer}
        assert respondents == {respondent}
        speakers = [t.speaker for t in parsed.turns[1:]]
        assert None not in speakers, "text between turns became a turn without speaker"
        assert speakers.count(interviewer) >= 5 and speakers.count(respondent) >= 5
