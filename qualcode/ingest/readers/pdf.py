"""Text PDFs (pdfminer.six): the extracted text layer, turns from line labels."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pdfminer.high_level import extract_text
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from qualcode.core.errors import InputError
from qualcode.core.model import ParsedTranscript
from qualcode.ingest.decode import normalise_newlines
from qualcode.ingest.rules import SpeakerRules
from qualcode.ingest.turns import find_turns

_CID = re.compile(r"\(cid:\d+\)")  # glyphs pdfminer could not map to characters
NO_TEXT = "PDF has no text layer (scanned?)"
# Typographic ligatures that PDF fonts often carry; searching and coding want plain letters.
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)


def read(data: bytes, path: Path, rules: SpeakerRules) -> ParsedTranscript:
    if b"%PDF" not in data[:1024]:
        raise InputError(path, "not a valid PDF file (no %PDF header)")
    try:
        raw = extract_text(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(path, "PDF is encrypted (remove the password and try again)") from None
    except Exception as err:  # pdfminer raises many kinds on damaged files
        raise InputError(path, f"not a valid PDF file ({type(err).__name__})") from None
    # Page breaks (form feeds) become line breaks; trailing page-end white space goes.
    text = normalise_newlines(raw).replace("\x0c", "\n").translate(_LIGATURES).rstrip() + "\n"
    if not any(ch.isalnum() for ch in _CID.sub("", text)):
        raise InputError(path, NO_TEXT)
    return ParsedTranscript(
        text=text, turns=find_turns(text, rules), format="pdf", encoding="pdf-text"
    )
