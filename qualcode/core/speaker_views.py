"""Read-only views of speakers for lists and review (the Speakers list, import summaries)."""

from __future__ import annotations

from dataclasses import dataclass

from qualcode.core.model import Role


@dataclass(frozen=True)
class SpeakerRow:
    """One speaker of one document, with how much they said and why they have their role."""

    id: int
    document_id: int
    document: str
    name: str
    role: Role
    source: str  # label, rule, inferred, user, default
    evidence: str
    turns: int
    words: int
    questions: int  # turns holding a question mark
    first: bool  # speaks first in the document
    sample: str  # a line they said


@dataclass(frozen=True)
class ProjectSpeaker:
    """A speaker name across the project (names compared ignoring case and spacing)."""

    name: str
    documents: int
    turns: int
    words: int
    share: float  # of all words said by named speakers in the project
    roles: dict[str, int]  # role -> in how many documents
    evidence: str
    sample: str

    @property
    def role(self) -> str:
        if len(self.roles) == 1:
            return next(iter(self.roles))
        return ", ".join(f"{role} ×{n}" for role, n in sorted(self.roles.items()))
