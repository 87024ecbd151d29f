"""One way to read a file the user named, and one way to say why it cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.core.reading import read_input
from qualcode.exchange.qdc import read_qdc
from qualcode.ingest import read_transcript
from qualcode.ingest.rules import SpeakerRules


def test_read_input_names_the_problem(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"hello")
    assert read_input(tmp_path / "a.txt") == b"hello"
    with pytest.raises(InputError, match=r"missing\.qdc: file not found"):
        read_input(tmp_path / "missing.qdc")
    with pytest.raises(InputError, match="is a folder, not a codebook file"):
        read_input(tmp_path, "codebook file")


def test_transcripts_and_exchange_files_say_it_alike(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: file not found"):
        read_transcript(tmp_path / "missing.txt", SpeakerRules())
    with pytest.raises(InputError, match=r"missing\.qdc: file not found"):
        read_qdc(tmp_path / "missing.qdc")
