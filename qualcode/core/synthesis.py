"""Synthesis: what the analyst makes of the coded material.

A finding per code (the analyst's synthesis text), key quotes (codings marked important, or
picked), and a framework matrix: cases as rows, chosen codes as columns, each cell a short
summary and an optional rating on a scale the analyst names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MATRIX = "benchmarking"


@dataclass(frozen=True)
class Finding:
    code_id: int
    text: str
    coder: str = ""
    updated_at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class QuotePick:
    """A coding picked as a key quote of its code (besides codings marked important)."""

    coding_id: int
    coder: str = ""
    created_at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Matrix:
    """A framework matrix: its columns (code ids, in order) and its rating scale."""

    name: str
    code_ids: tuple[int, ...]
    scale: tuple[str, ...] = ()  # levels, best first, e.g. strong, partial, weak, absent
    id: int | None = None


@dataclass(frozen=True)
class MatrixCell:
    case_id: int
    code_id: int
    summary: str = ""
    rating: str = ""  # one of the matrix's scale levels, or ""
    coder: str = ""
    updated_at: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Synthesis:
    """Everything synthesised in a project, as the report and the screens read it."""

    findings: dict[int, Finding] = field(default_factory=dict)  # by code id
    picks: dict[int, QuotePick] = field(default_factory=dict)  # by coding id
    matrix: Matrix | None = None
    cells: dict[tuple[int, int], MatrixCell] = field(default_factory=dict)  # (case, code)
