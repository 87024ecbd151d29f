"""What the Word report shows, as plain data: assembled by services/report.py, written by
export/report.py. Nothing here knows about the project file or about python-docx."""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcode.analysis.frequencies import Frequency, Group
from qualcode.core.model import Code


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str  # "Country associate, Moldova (CA-01)"
    coding_id: int = 0


@dataclass(frozen=True)
class CodeSection:
    """A chapter (depth 0) or section (depth 1, 2...) of the findings."""

    code: Code
    depth: int
    finding: str
    total: Frequency  # the code's codings and its sub-codes'
    subcodes: int = 0  # how many codes lie below it
    quotes: tuple[Quote, ...] = ()


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


@dataclass(frozen=True)
class MatrixEntry:
    rating: str = ""
    summary: str = ""


@dataclass(frozen=True)
class MatrixRow:
    case: str
    description: str  # e.g. "Country associate, Moldova"
    entries: tuple[MatrixEntry, ...]


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
