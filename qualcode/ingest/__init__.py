"""Transcript import: read txt, md, docx, odt, vtt, srt and text PDFs into text and turns."""

from qualcode.ingest.registry import SUPPORTED_SUFFIXES, read_transcript
from qualcode.ingest.rules import DEFAULT_INTERVIEWER_NAMES, SpeakerRules
from qualcode.ingest.turns import find_turns

__all__ = [
    "DEFAULT_INTERVIEWER_NAMES",
    "SUPPORTED_SUFFIXES",
    "SpeakerRules",
    "find_turns",
    "read_transcript",
]
