"""Read-only views the store hands out for lists and summaries (no document text)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    format: str
    case_id: int | None
    case_name: str | None
    words: int
    turns: int
    codings: int
    respondent_chars: int  # characters said by respondents
    coded_respondent_chars: int  # of those, how many lie under at least one coding

    @property
    def coded_share(self) -> float:
        if not self.respondent_chars:
            return 0.0
        return self.coded_respondent_chars / self.respondent_chars


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    document_name: str
    turn_id: int
    turn_index: int
    speaker: str | None
    start: int  # of the turn's text in the document
    end: int
    snippet: str  # with [ ] around matches


@dataclass(frozen=True)
class ActionInfo:
    id: int
    name: str
    detail: str
    coder: str
    created_at: str
    undoable: bool
    state: str


@dataclass(frozen=True)
class ProjectStats:
    documents: int
    cases: int
    words: int
    turns: int
    speakers: int
    codes: int
    codings: int
    memos: int
    coders: int


@dataclass(frozen=True)
class DocumentSummary:
    """A document without its text: what lists need (names, cases, sizes), so listing a
    project never reads every transcript."""

    id: int
    name: str
    format: str
    sha256: str
    imported_at: str
    encoding: str
    case_id: int | None
    words: int
