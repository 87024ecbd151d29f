"""The synthetic corpus: deterministic, readable by qualcode, and not the demo study."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks import corpus, vocabulary
from qualcode.core.model import Role
from qualcode.ingest import SUPPORTED_SUFFIXES, read_transcript
from tests.conftest import TRANSCRIPTS

WORDS = 700


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    first = corpus.write_corpus(tmp_path / "a", 4, seed=7, words=WORDS, docx_every=2)
    second = corpus.write_corpus(tmp_path / "b", 4, seed=7, words=WORDS, docx_every=2)
    assert [p.suffix for p in first.files] == [".txt", ".docx", ".txt", ".docx"]
    assert files_of(first.folder) == files_of(second.folder)
    assert first.words == second.words


def test_another_seed_writes_other_interviews() -> None:
    assert corpus.interview(0, seed=1, words=WORDS).plain_text() != \
        corpus.interview(0, seed=2, words=WORDS).plain_text()
    assert corpus.interview(0, seed=1, words=WORDS).plain_text() != \
        corpus.interview(1, seed=1, words=WORDS).plain_text()


@pytest.mark.parametrize("words", [700, 8_000])
def test_an_interview_has_about_the_words_asked_for(words: int) -> None:
    item = corpus.interview(3, words=words)
    assert words * 0.95 <= item.words <= words * 1.15
    assert item.words == len(item.plain_text().split())


def test_vocabulary_grows_with_the_corpus() -> None:
    def vocabulary_of(count: int) -> set[str]:
        return {w.lower() for n in range(count)
                for w in re.findall(r"[A-Za-z]+", corpus.interview(n, words=2_000).plain_text())}

    assert len(vocabulary_of(8)) > len(vocabulary_of(2)) * 1.2


def demo_sentences() -> set[str]:
    found: set[str] = set()
    for path in TRANSCRIPTS.iterdir():
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            text = read_transcript(path).text
            found |= {" ".join(s.split()).lower() for s in re.split(r"[.!?]\s", text)}
    return found


def test_it_is_not_the_demo_transcripts_repeated() -> None:
    demo = demo_sentences()
    generated = {" ".join(s.split()).lower() for n in range(3)
                 for s in re.split(r"[.!?]\s", corpus.interview(n).plain_text())}
    shared = {s for s in generated & demo if len(s.split()) >= 5}
    assert not shared
    demo_text = " ".join(demo)
    assert "irina ceban" in demo_text  # the check below can find names when they are there
    people = {f"{first} {last}".lower() for first in vocabulary.FIRST_NAMES
              for last in vocabulary.LAST_NAMES}
    assert not any(person in demo_text for person in people)


def test_qualcode_reads_every_turn_and_marks_the_interviewer(tmp_path: Path) -> None:
    written = corpus.write_corpus(tmp_path / "c", 2, words=WORDS, docx_every=2)
    for path in written.files:
        parsed = read_transcript(path)
        answers = [t for t in parsed.turns if t.role is Role.RESPONDENT]
        questions = [t for t in parsed.turns if t.role is Role.INTERVIEWER]
        assert len(answers) == len(written.topics[path.name])
        assert len(questions) >= len(answers) - 1
        assert parsed.turns[0].role is Role.NOTE  # the "synthetic" header
        assert parsed.text.startswith("SYNTHETIC INTERVIEW")


def test_the_manifest_round_trips(tmp_path: Path) -> None:
    written = corpus.write_corpus(tmp_path / "d", 2, words=WORDS)
    loaded = corpus.Corpus.load(written.folder)
    assert loaded.files == written.files
    assert loaded.topics == written.topics
    keys = {t.key for t in vocabulary.TOPICS}
    assert {topic for topics in loaded.topics.values() for topic in topics} <= keys | {""}
