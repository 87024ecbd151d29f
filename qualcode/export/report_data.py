"""What the Word report shows, as plain data: assembled by services/report.py, written by
export/report.py. Nothing here knows about the project file or about python-docx."""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcode.analysis.frequencies import Frequency, Group
from qualcode.core.model import Code


@dataclass(frozen=True)
class Quote:
    text: str  # as the report shows it: the consultant's shortened form, or the original
    attribution: str  # "Country associate, Moldova (CA-01)"
    coding_id: int = 0
    locator: str = ""  # "ca01-moldova.txt, turn 14, 04:37"
    shortened: bool = False  # text is a shortening of the coded original (linked by id)


@dataclass(frozen=True)
class CodeSection:
    """A chapter (depth 0) or section (depth 1, 2...) of the findings."""

    code: Code
    depth: int
    finding: str
    total: Frequency  # the code's codings and its sub-codes'
    subcodes: int = 0  # how many codes lie below it
    quotes: tuple[Quote, ...] = ()
    memo: str = ""  # the analyst's memo on the code (when memos are included)


@dataclass(frozen=True)
class Interview:
    case: str
    document: str
    words: int
    attributes: dict[str, str] = field(default_factory=dict)  # shown attributes, formatted


@dataclass(frozen=True)
class CorpusGroup:
    value: str
    interviews: int
    words: int


@dataclass(frozen=True)
class Methodology:
    interviews: tuple[Interview, ...]
    columns: tuple[str, ...]  # attribute names shown in the interview table
    cases: int
    words: int
    first_date: str = ""  # ISO dates of the earliest and latest interview, if known
    last_date: str = ""
    split_attribute: str = ""
    groups: tuple[CorpusGroup, ...] = ()
    codebook_name: str = ""
    codebook_description: str = ""
    codes: int = 0
    top_level_codes: int = 0
    codings: int = 0
    coded_documents: int = 0
    coders: tuple[tuple[str, int], ...] = ()  # (coder, codings)
    suggested: int = 0  # codings whose origin is an accepted suggestion
    key_quotes: int = 0
    agreement: str = ""  # inter-coder agreement, one sentence, when asked for


@dataclass(frozen=True)
class MatrixEntry:
    rating: str = ""
    summary: str = ""
    draft: bool = False  # the summary is sentences drawn from the interview, not written


@dataclass(frozen=True)
class MatrixRow:
    case: str
    description: str  # e.g. "Country associate, Moldova"
    entries: tuple[MatrixEntry, ...]
    organisation: str = ""  # the organisation the case stands for, if known


@dataclass(frozen=True)
class MatrixTable:
    title: str
    columns: tuple[str, ...]  # code names
    scale: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class FrequencyRow:
    code: Code
    depth: int
    total: Frequency
    by_group: tuple[Frequency, ...]


@dataclass(frozen=True)
class FrequencyTable:
    """Cases coded per code (sub-codes included), in each group of a case attribute."""

    attribute: str
    groups: tuple[Group, ...]
    total_cases: int
    rows: tuple[FrequencyRow, ...]


@dataclass(frozen=True)
class CooccurrenceRow:
    first: str
    second: str
    overlapping: int
    same_turn: int


@dataclass(frozen=True)
class OwnSection:
    """One of the consultant's own sections: its heading and its text (paragraphs separated
    by blank lines; lines starting "- " are bullet points)."""

    heading: str
    text: str


@dataclass(frozen=True)
class Coverage:
    interviews: int
    coded: int  # interviews with at least one coding
    cases: int  # cases with an interview
    coded_cases: int

    @property
    def phrase(self) -> str:
        """ "13 interviews, 7 coded", or "13 interviews" when all are coded."""
        text = f"{self.interviews} interview{'s' if self.interviews != 1 else ''}"
        return text if self.coded == self.interviews else f"{text}, {self.coded} coded"


@dataclass(frozen=True)
class Profile:
    """A case (organisation) as the report presents it."""

    case: str
    title: str  # "Psychosocial Support Learning Network (PSLN)"
    attributes: tuple[tuple[str, str], ...]
    text: str = ""  # the consultant's profile
    ratings: tuple[tuple[str, str], ...] = ()  # (criterion, rating)
    memos: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layout:
    """Report options that shape the document."""

    annexes: bool = True
    memos: bool = True


@dataclass(frozen=True)
class ReportData:
    title: str
    subtitle: str
    date: str
    methodology: Methodology
    sections: tuple[CodeSection, ...]
    codebook: tuple[Code, ...]  # every code, parents first, for the appendix
    matrix: MatrixTable | None = None
    frequencies: FrequencyTable | None = None
    cooccurrence: tuple[CooccurrenceRow, ...] = ()
    pseudonymised: bool = False
    own: dict[str, OwnSection] = field(default_factory=dict)  # by kind (core/sections.py)
    coverage: Coverage | None = None
    limitations: tuple[str, ...] = ()  # generated facts the reader must know
    profiles: tuple[Profile, ...] = ()
    warnings: tuple[str, ...] = ()  # for the person exporting, not printed in the report
    layout: Layout = Layout()
    author: str = ""
    language: str = "en-GB"
