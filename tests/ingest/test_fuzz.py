"""Odd input never crashes a reader: it is read, or refused with a specific InputError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qualcode.core.errors import InputError
from qualcode.ingest import read_transcript
from tests.ingest.helpers import assert_tiles

_SUBTITLE_BITS = st.sampled_from(
    [
        "WEBVTT", "NOTE", "STYLE", "1", "2", "00:00:01.000 --> 00:00:02.000",
        "00:00:01,000 --> 00:00:02,000", "00:0x:01.000 --> 1", "-->", "<v Maja>", "</v>",
        "<v>", "<i>", "&amp;", "Maja:", "Interviewer: hi", "- Q: why?", "[Maja]", "", " ", "\r",
        "text", "{\\an8}",
    ]
)  # fmt: skip
subtitle_text = st.lists(_SUBTITLE_BITS, max_size=30).map("\n".join)


def _read(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            parsed = read_transcript(path)
        except InputError as err:
            assert not err.problem.startswith("could not read"), err.problem  # no unexpected bug
            return
        assert_tiles(parsed.text, parsed.turns)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([".vtt", ".srt"]), subtitle_text)
def test_subtitle_like_text(suffix: str, text: str) -> None:
    _read(suffix, text.encode())


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([".txt", ".md", ".vtt", ".srt"]), st.binary(max_size=200))
def test_random_bytes(suffix: str, data: bytes) -> None:
    _read(suffix, data)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([".docx", ".odt", ".pdf"]), st.binary(max_size=200))
def test_random_bytes_as_documents(suffix: str, data: bytes) -> None:
    _read(suffix, data)
