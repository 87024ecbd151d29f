"""Domain objects shared by every layer.

Offsets everywhere are half-open ``[start, end)`` code-point indices into a document's stored
text (see ARCHITECTURE.md). Objects read from the project carry their ``id``; objects not yet
stored have ``id=None``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

_SPACE = re.compile(r"\s")  # the white space str.split() splits at (str.isspace)


def count_words(text: str, chunk: int = 1 << 20) -> int:
    """``len(text.split())`` a chunk at a time, cut at white space so no word is cut: a 100 MB
    transcript never becomes a list of its words."""
    count = at = 0
    while at < len(text):
        end = at + chunk
        if end < len(text):
            space = _SPACE.search(text, end)
            end = len(text) if space is None else space.end()
        count += len(text[at:end].split())
        at = end
    return count


class Role(StrEnum):
    """Who is speaking in a turn; analysis usually leaves interviewers out."""

    INTERVIEWER = "interviewer"
    RESPONDENT = "respondent"
    NOTE = "note"  # text with no speaker: headers, stage directions, a preamble


class AttributeType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    BOOLEAN = "boolean"


AttributeValue = str | float | dt.date | bool


class MemoTarget(StrEnum):
    PROJECT = "project"
    DOCUMENT = "document"
    CODE = "code"
    CODING = "coding"


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn.

    ``[start, end)`` is the whole turn including its speaker label; consecutive turns of a
    document tile its text exactly. ``[text_start, text_end)`` is what was said (label and
    surrounding white space left out); coding "turn N" codes this span.
    """

    index: int
    start: int
    end: int
    text_start: int
    text_end: int
    speaker: str | None
    role: Role
    timestamp: float | None = None  # seconds from the start of the recording
    id: int | None = None
    document_id: int | None = None


@dataclass(slots=True)
class TurnSpan:
    """Where a turn lies and who spoke it: all that reading a corpus needs of a ``Turn``
    (offsets as in Turn). Read-only by use, not frozen: a frozen dataclass costs four times
    as much to make, and the suggesters make one per turn of the project on every run."""

    index: int
    start: int
    end: int
    text_start: int
    text_end: int
    role: Role


@dataclass(frozen=True)
class Speaker:
    name: str
    role: Role
    id: int | None = None
    document_id: int | None = None


@dataclass(frozen=True)
class Document:
    name: str  # source file name, unique in a project
    text: str  # normalised once at import; never changes afterwards
    format: str  # txt, md, docx, odt, vtt, srt, pdf
    sha256: str
    imported_at: str  # ISO 8601, UTC
    encoding: str = "utf-8"
    case_id: int | None = None
    id: int | None = None

    @property
    def word_count(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True)
class Attribute:
    name: str
    type: AttributeType
    id: int | None = None


@dataclass(frozen=True)
class Case:
    name: str
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    id: int | None = None


@dataclass(frozen=True)
class Code:
    name: str
    guid: str
    parent_id: int | None = None
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    colour: str = ""  # "#rrggbb" or ""
    shortcut: str = ""
    position: int = 0  # order among siblings
    id: int | None = None


@dataclass(frozen=True)
class Coding:
    document_id: int
    code_id: int
    start: int
    end: int
    text: str  # copy of document.text[start:end], kept to find and check the span
    coder: str
    important: bool = False
    memo: str = ""
    origin: str = "human"  # or "suggestion:<id>"
    created_at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Memo:
    target: MemoTarget
    target_id: int | None  # None for project memos
    text: str
    coder: str
    title: str = ""
    created_at: str = ""
    updated_at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ParsedTranscript:
    """What a reader in ingest/ makes of one file, before it is stored."""

    text: str
    turns: list[Turn]
    format: str
    encoding: str
    notes: list[str] = field(default_factory=list)  # e.g. "decoded as cp1252"
