"""A project as other tools describe it, neutral between formats.

Readers (REFI-QDA, QualCoder, Taguette, bulk codings) produce it with offsets already turned
into code points over the normalised text; the services layer stores it, matching what the
project already holds. Writers take it back out. GUIDs are lower-case, without braces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcode.core.model import AttributeType, AttributeValue


@dataclass
class XUser:
    guid: str
    name: str


@dataclass
class XCode:
    guid: str
    name: str
    parent: str | None = None  # the parent's guid
    description: str = ""
    colour: str = ""  # "#rrggbb" or ""
    codable: bool = True
    notes: list[str] = field(default_factory=list)  # guids of XNote


@dataclass
class XVariable:
    guid: str
    name: str
    type: AttributeType
    description: str = ""


@dataclass
class XCase:
    guid: str
    name: str
    description: str = ""
    values: dict[str, AttributeValue] = field(default_factory=dict)  # by variable guid
    sources: list[str] = field(default_factory=list)  # guids of XSource


@dataclass
class XCoding:
    guid: str
    code: str  # the code's guid
    start: int  # code points into XSource.text
    end: int
    coder: str = ""  # a user's name
    created: str = ""
    important: bool = False
    notes: list[str] = field(default_factory=list)  # guids of XNote: memos on the coding
    selection: str = ""  # guid of the selection it came from / goes to


@dataclass
class XSource:
    guid: str
    name: str
    text: str  # normalised (LF) text, as qualcode stores it
    kind: str = "txt"  # txt, docx, pdf ... (what the tool's source was)
    description: str = ""
    codings: list[XCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: dict[str, AttributeValue] = field(default_factory=dict)  # by variable guid
    coder: str = ""
    created: str = ""


@dataclass
class XNote:
    guid: str
    name: str
    text: str
    coder: str = ""
    created: str = ""


@dataclass
class XSet:
    guid: str
    name: str
    description: str = ""
    codes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class XProject:
    name: str = ""
    origin: str = ""
    description: str = ""
    users: list[XUser] = field(default_factory=list)
    codes: list[XCode] = field(default_factory=list)  # parents before children
    variables: list[XVariable] = field(default_factory=list)
    cases: list[XCase] = field(default_factory=list)
    sources: list[XSource] = field(default_factory=list)
    notes: list[XNote] = field(default_factory=list)
    sets: list[XSet] = field(default_factory=list)
    project_notes: list[str] = field(default_factory=list)  # NoteRefs on the project
    # What qualcode cannot hold, by kind, e.g. {"picture sources": 2}: reported, never silent.
    skipped: dict[str, int] = field(default_factory=dict)
    # One line each: codings re-anchored or that do not fit, dialect notes.
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def skip(self, kind: str, count: int = 1) -> None:
        if count:
            self.skipped[kind] = self.skipped.get(kind, 0) + count
