"""Reads for browsing codings: every segment of a code across documents with its context,
case and attributes; the attribute values to filter by; the codes a coder used last.

Read-only: nothing here writes to the project.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field

from qualcode.core import codetree
from qualcode.core.attributes import attribute_filter, format_value, matches_filter
from qualcode.core.model import Coding, Document, Turn
from qualcode.services.codes import code_paths, path_text
from qualcode.store import Store

CONTEXT_CHARS = 160


@dataclass(frozen=True)
class Segment:
    """One coding with where it sits: document, case, speaker and the words around it."""

    coding: Coding
    code_path: str
    document_name: str
    case_name: str
    speaker: str | None
    turn_index: int | None
    before: str  # the turn's text just before the coding
    after: str  # and just after
    attributes: dict[str, str] = field(default_factory=dict)  # of the case, formatted


def subtree_ids(store: Store, code_id: int) -> list[int]:
    """``code_id`` and every code below it in the project (see core.codetree)."""
    return codetree.subtree_ids(store.codes.all(), code_id)


def code_segments(store: Store, code_id: int, *, include_subcodes: bool = True,
                  where: Mapping[str, str] | None = None,
                  context: int = CONTEXT_CHARS) -> list[Segment]:
    """Every coding of the code (and its sub-codes) in document order, with context.

    ``where`` keeps only cases whose attributes have these values (see
    :func:`attribute_filter`: compared ignoring case, values as shown; an unknown attribute is
    an error).
    """
    ids = subtree_ids(store, code_id) if include_subcodes else [code_id]
    paths = code_paths(store.codes.all())
    cases = {c.id: c for c in store.cases.all()}
    wanted = attribute_filter(where or {}, store.attributes.types())
    documents: dict[int, Document] = {}  # only those holding a segment, read once each
    turns: dict[int, list[Turn]] = {}
    found: list[Segment] = []
    for coding in store.codings.all(code_ids=ids):
        if coding.document_id not in documents:
            documents[coding.document_id] = store.documents.get(coding.document_id)
        doc = documents[coding.document_id]
        case = cases.get(doc.case_id)
        if not matches_filter(case.attributes if case else {}, wanted):
            continue
        attributes = {k: format_value(v) for k, v in (case.attributes if case else {}).items()}
        if doc.id not in turns:
            turns[doc.id or 0] = store.turns.all(doc.id or 0)
        turn = _turn_at(turns[doc.id or 0], coding.start)
        lo = turn.text_start if turn else 0
        hi = turn.text_end if turn else len(doc.text)
        found.append(Segment(
            coding=coding, code_path=path_text(paths.get(coding.code_id, ("?",))),
            document_name=doc.name, case_name=case.name if case else "",
            speaker=turn.speaker if turn else None, turn_index=turn.index if turn else None,
            before=_tail(doc.text[max(lo, coding.start - context):coding.start]
                         if coding.start > lo else "", cut=coding.start - context > lo),
            after=_head(doc.text[coding.end:min(hi, coding.end + context)]
                        if coding.end < hi else "", cut=coding.end + context < hi),
            attributes=attributes))
    return found


def attribute_values(store: Store) -> dict[str, list[str]]:
    """Each attribute's values over the cases, as shown, sorted."""
    values: dict[str, set[str]] = {name: set() for name in store.attributes.types()}
    for case in store.cases.all():
        for name, value in case.attributes.items():
            values.setdefault(name, set()).add(format_value(value))
    return {name: sorted(found, key=str.lower) for name, found in values.items()}


def recent_code_ids(store: Store, coder: str, limit: int = 8) -> list[int]:
    """The codes ``coder`` applied most recently, latest first."""
    ordered = sorted((c for c in store.codings.all() if c.coder == coder),
                     key=lambda c: c.id or 0, reverse=True)
    found: list[int] = []
    for coding in ordered:
        if coding.code_id not in found:
            found.append(coding.code_id)
            if len(found) == limit:
                break
    return found


def _turn_at(turns: list[Turn], offset: int) -> Turn | None:
    pos = bisect_right([t.start for t in turns], offset) - 1
    return turns[pos] if pos >= 0 else None


def _tail(text: str, *, cut: bool) -> str:
    text = " ".join(text.split(" ")[1:]) if cut and " " in text else text
    return ("… " if cut else "") + text.lstrip()


def _head(text: str, *, cut: bool) -> str:
    text = " ".join(text.split(" ")[:-1]) if cut and " " in text else text
    return text.rstrip() + (" …" if cut else "")
