"""The findings chapters' evidence: key quotes with their locators (document, turn, time),
shortened where the consultant shortened them, and which code sections the report keeps.

A section is kept when it has something to say: a finding, a memo, or key quotes. Key quotes
of a sub-code that has no finding of its own move up to the nearest kept ancestor, so no
heading stands over quotes alone while its parent has the analysis.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence

from qualcode.core.model import Case, Code, Coding, Document, MemoTarget, Turn
from qualcode.core.sections import QuoteEdit
from qualcode.export.report_data import CodeSection, Quote
from qualcode.services import attribution


def clock(seconds: float) -> str:
    """4:37 or 1:02:05."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def turn_of(turns: Sequence[Turn], coding: Coding) -> Turn | None:
    starts = [t.text_start for t in turns]
    index = bisect.bisect_right(starts, coding.start) - 1
    return turns[index] if index >= 0 else None


def locator(document: Document, turn: Turn | None) -> str:
    """Where a quote is found: "ca01-moldova.txt, turn 14, 4:37"."""
    parts = [document.name]
    if turn is not None:
        parts.append(f"turn {turn.index + 1}")
        if turn.timestamp is not None:
            parts.append(clock(turn.timestamp))
    return ", ".join(parts)


def make_quote(coding: Coding, document: Document, case: Case | None, turn: Turn | None,
               speaker: str, edit: QuoteEdit | None) -> Quote:
    return Quote(text=edit.text if edit else coding.text,
                 attribution=attribution.attribution(case, document.name, speaker),
                 coding_id=coding.id or 0, locator=locator(document, turn),
                 shortened=edit is not None)


def code_memos(memos: Sequence[tuple[MemoTarget, int | None, str]]) -> dict[int, str]:
    """The memo text of each code, from (target, target id, text) triples."""
    found: dict[int, list[str]] = {}
    for target, target_id, text in memos:
        if target is MemoTarget.CODE and target_id is not None and text.strip():
            found.setdefault(target_id, []).append(text.strip())
    return {k: "\n\n".join(v) for k, v in found.items()}


def place_quotes(codes: Sequence[Code], quotes: Mapping[int, list[Quote]],
                 keeps: Callable[[Code], bool], *, top_level_only: bool
                 ) -> dict[int, list[Quote]]:
    """Each code's quotes, after moving those of codes the report leaves out up to their
    nearest kept ancestor (the top-level code when ``top_level_only``)."""
    by_id = {c.id: c for c in codes}
    placed: dict[int, list[Quote]] = {}
    for code in codes:
        target = code
        while target.parent_id is not None and (top_level_only or not keeps(target)):
            target = by_id[target.parent_id]
        placed.setdefault(target.id or 0, []).extend(quotes.get(code.id or 0, []))
    return placed


def kept_sections(sections: Sequence[CodeSection], *, top_level_only: bool
                  ) -> tuple[CodeSection, ...]:
    """The sections with something to say; a chapter is kept when it or a section below it
    is, so the chapter structure stays whole."""
    def has_content(s: CodeSection) -> bool:
        return bool(s.finding.strip() or s.memo.strip() or s.quotes)

    kept: list[CodeSection] = []
    chapter: CodeSection | None = None
    below: list[CodeSection] = []
    for section in [*sections, None]:
        if section is None or section.depth == 0:
            if chapter is not None and (has_content(chapter) or below):
                kept.append(chapter)
                kept.extend(below)
            chapter, below = section, []
        elif not top_level_only and has_content(section):
            below.append(section)
    return tuple(kept)
