"""File suffix -> reader, and the one entry point that reads any supported transcript."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from qualcode.core.errors import InputError
from qualcode.core.model import ParsedTranscript
from qualcode.core.reading import read_input
from qualcode.ingest.decode import decode_file
from qualcode.ingest.rules import DEFAULT_RULES, SpeakerRules

Reader = Callable[[bytes, Path, SpeakerRules], ParsedTranscript]

# Suffix -> module in qualcode.ingest.readers. Imported on first use, so that importing
# qualcode.ingest (e.g. by the CLI) does not load python-docx, pdfminer and the like.
READERS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".docx": "docx",
    ".odt": "odt",
    ".vtt": "vtt",
    ".srt": "srt",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)


def reader_for(suffix: str) -> Reader | None:
    module = READERS.get(suffix.lower())
    if module is None:
        return None
    return importlib.import_module(f"qualcode.ingest.readers.{module}").read


def read_transcript(path: Path, rules: SpeakerRules = DEFAULT_RULES) -> ParsedTranscript:
    """Read one transcript file. Every problem with the file is an ``InputError``."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = reader_for(suffix)
    if reader is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise InputError(path, f"unsupported format '{suffix}' (supported: {supported})")
    try:
        if READERS[suffix] == "text":
            from qualcode.ingest.readers import text

            # The bytes go once decoded: the text is held once while turns are found.
            return text.parse(decode_file(path), path, rules)
        return reader(read_input(path), path, rules)
    except InputError:
        raise
    except Exception as err:  # a reader tripping on odd input must not show a traceback
        problem = f"could not read {suffix} file ({type(err).__name__}: {err})"
        raise InputError(path, problem) from err
