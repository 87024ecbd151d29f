"""Plain text and Markdown: the decoded text as written, turns from line labels."""

from __future__ import annotations

from pathlib import Path

from qualcode.core.model import ParsedTranscript
from qualcode.ingest.decode import Decoded, decode_text
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.turns import find_turns


def read(data: bytes, path: Path, rules: SpeakerRules) -> ParsedTranscript:
    return parse(decode_text(data, path), path, rules)


def parse(decoded: Decoded, path: Path, rules: SpeakerRules) -> ParsedTranscript:
    """The transcript of already decoded text (``read_transcript`` lets the file's bytes go
    first, so a long transcript is held once while its turns are found)."""
    return ParsedTranscript(
        text=decoded.text,
        turns=find_turns(decoded.text, rules),
        format=path.suffix.lower().lstrip("."),
        encoding=decoded.encoding,
        notes=list(decoded.notes),
    )
