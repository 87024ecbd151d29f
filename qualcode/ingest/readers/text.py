"""Plain text and Markdown: the decoded text as written, turns from line labels."""

from __future__ import annotations

from pathlib import Path

from qualcode.core.model import ParsedTranscript
from qualcode.ingest.decode import decode_text
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.turns import find_turns


def read(data: bytes, path: Path, rules: SpeakerRules) -> ParsedTranscript:
    decoded = decode_text(data, path)
    return ParsedTranscript(
        text=decoded.text,
        turns=find_turns(decoded.text, rules),
        format=path.suffix.lower().lstrip("."),
        encoding=decoded.encoding,
        notes=list(decoded.notes),
    )
