"""Reviewing suggestions: accept a theme as a code or merge it into one, accept or reject code
suggestions. Each function is one undoable action; codings it makes record their origin.

Part of the ``services/suggest.py`` API (re-exported there).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace

from qualcode.core import spans
from qualcode.core.codetree import checked_name, name_taken, next_position
from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code, Coding, Document, MemoTarget
from qualcode.core.suggestions import (
    CodeSuggestion,
    Passage,
    SuggestionStatus,
    Theme,
    ThemeStatus,
)
from qualcode.store import Store

MAX_NAME = 60


# -- themes ----------------------------------------------------------------------------------


def accept_theme_as_code(store: Store, theme_id: int, *, coder: str, name: str | None = None,
                         parent: Code | None = None,
                         members: Sequence[Passage] | None = None) -> Code:
    """A new code (named after the theme unless ``name`` is given) with the theme's members
    coded with it: all of them, or the reviewed ``members`` (a subset of the theme's)."""
    theme = _with_members(_open_theme(store, theme_id), members)
    parent_id = parent.id if parent else None
    codes = store.codes.all()
    code_name = (name or theme.label).strip()[:MAX_NAME] or f"Theme T{theme_id}"
    if not name and name_taken(codes, code_name, parent_id):
        code_name = f"{code_name[:MAX_NAME - 8]} (T{theme_id})"
    code_name = checked_name(codes, code_name, parent_id)
    with store.action("accept theme", detail=f"T{theme_id} as {code_name}", coder=coder):
        code_id = store.codes.add(Code(
            name=code_name, guid=str(uuid.uuid4()), parent_id=parent_id,
            definition=f"Suggested theme T{theme_id}: {', '.join(theme.keywords)}.",
            position=next_position(codes, parent_id)))
        _code_members(store, theme, code_id, coder)
        store.suggestions.set_theme_status(theme_id, ThemeStatus.ACCEPTED, code_id)
    return store.codes.get(code_id)


def merge_theme_into_code(store: Store, theme_id: int, code: Code, *, coder: str,
                          members: Sequence[Passage] | None = None) -> int:
    """Code the theme's members (all, or the reviewed ``members``) with an existing code.
    Returns the codings added."""
    theme = _with_members(_open_theme(store, theme_id), members)
    with store.action("merge theme", detail=f"T{theme_id} into {code.name}", coder=coder):
        added = _code_members(store, theme, code.id or 0, coder)
        store.suggestions.set_theme_status(theme_id, ThemeStatus.MERGED, code.id)
    return added


def reject_theme(store: Store, theme_id: int, *, coder: str) -> Theme:
    _open_theme(store, theme_id)
    with store.action("reject theme", detail=f"T{theme_id}", coder=coder):
        store.suggestions.set_theme_status(theme_id, ThemeStatus.REJECTED)
    return store.suggestions.theme(theme_id)


def _open_theme(store: Store, theme_id: int) -> Theme:
    theme = store.suggestions.theme(theme_id)
    if theme.status is not ThemeStatus.OPEN:
        raise QualcodeError(f"theme T{theme_id} is already {theme.status.value}")
    return theme


def _with_members(theme: Theme, members: Sequence[Passage] | None) -> Theme:
    """The theme limited to the passages a review kept (which must be its own)."""
    if members is None:
        return theme
    kept = [(int(m[0]), int(m[1]), int(m[2])) for m in members]
    strangers = set(kept) - {tuple(m) for m in theme.members}
    if strangers:
        raise QualcodeError(f"{len(strangers)} passage(s) are not in theme {theme.ref}")
    if not kept:
        raise QualcodeError(f"no passage of theme {theme.ref} was kept: nothing to code")
    return replace(theme, members=tuple(kept))


def coded_members(store: Store, theme: Theme) -> list[bool]:
    """For each member of the theme: whether anyone has coded any of it yet."""
    by_document = {doc_id: store.codings.all(document_id=doc_id)
                   for doc_id in {m[0] for m in theme.members}}
    return [any(spans.overlaps((c.start, c.end), (start, end))
                for c in by_document.get(doc_id, []))
            for doc_id, start, end in theme.members]


def _code_members(store: Store, theme: Theme, code_id: int, coder: str) -> int:
    added = 0
    documents: dict[int, Document] = {}
    for doc_id, start, end in theme.members:
        doc = documents.setdefault(doc_id, store.documents.get(doc_id))
        if _has_coding(store, doc_id, code_id, start, end, coder) is None:
            store.codings.add(Coding(document_id=doc_id, code_id=code_id, start=start, end=end,
                                     text=doc.text[start:end], coder=coder,
                                     origin=f"suggestion:{theme.ref}"))
            added += 1
    return added


# -- code suggestions ------------------------------------------------------------------------


def accept_suggestion(store: Store, suggestion_id: int, *, coder: str, memo: str = "") -> Coding:
    """Code the suggested passage with the suggested code (origin "suggestion:<id>")."""
    suggestion = _reviewable(store, suggestion_id)
    code = store.codes.get(suggestion.code_id)
    doc = store.documents.get(suggestion.document_id)
    with store.action("accept suggestion",
                      detail=f"{code.name} @ {doc.name}:{suggestion.start}-{suggestion.end}",
                      coder=coder):
        coding_id = _accept(store, suggestion, doc, coder, memo)
    return store.codings.get(coding_id)


def reject_suggestion(store: Store, suggestion_id: int, *, coder: str) -> CodeSuggestion:
    """Remember that this code does not fit this passage (a negative example from now on)."""
    _reviewable(store, suggestion_id)
    with store.action("reject suggestion", detail=f"suggestion {suggestion_id}", coder=coder):
        store.suggestions.set_suggestion_status(suggestion_id, SuggestionStatus.REJECTED)
    return store.suggestions.code_suggestion(suggestion_id)


def accept_above(store: Store, confidence: float, *, coder: str,
                 document_id: int | None = None) -> list[Coding]:
    """Accept every pending suggestion at or above ``confidence`` (of one document, or all),
    as one action: one undo takes them all back."""
    chosen = store.suggestions.code_suggestions(status=SuggestionStatus.PENDING,
                                                document_id=document_id, min_confidence=confidence)
    ids: list[int] = []
    with store.action("accept suggestions", detail=f"{len(chosen)} at or above {confidence:g}",
                      coder=coder):
        documents: dict[int, Document] = {}
        for s in chosen:
            doc = documents.setdefault(s.document_id, store.documents.get(s.document_id))
            ids.append(_accept(store, s, doc, coder, ""))
    return [store.codings.get(i) for i in ids]


def _reviewable(store: Store, suggestion_id: int) -> CodeSuggestion:
    suggestion = store.suggestions.code_suggestion(suggestion_id)
    if suggestion.status is SuggestionStatus.ACCEPTED:
        raise QualcodeError(f"suggestion {suggestion_id} is already accepted "
                            "(undo, or remove its coding, to take it back)")
    if suggestion.status is SuggestionStatus.REJECTED:
        raise QualcodeError(f"suggestion {suggestion_id} is already rejected")
    return suggestion


def _accept(store: Store, s: CodeSuggestion, doc: Document, coder: str, memo: str) -> int:
    """Inside an action: the coding (new, or the coder's identical one) and the status."""
    coding_id = _has_coding(store, s.document_id, s.code_id, s.start, s.end, coder)
    if coding_id is None:
        coding_id = store.codings.add(Coding(
            document_id=s.document_id, code_id=s.code_id, start=s.start, end=s.end,
            text=doc.text[s.start:s.end], coder=coder, origin=s.origin))
        if memo:
            store.memos.set(MemoTarget.CODING, coding_id, memo, coder)
    store.suggestions.set_suggestion_status(s.id or 0, SuggestionStatus.ACCEPTED, coding_id)
    return coding_id


def _has_coding(store: Store, document_id: int, code_id: int, start: int, end: int,
                coder: str) -> int | None:
    """The coder's coding of exactly this span with this code, if any."""
    for c in store.codings.all(document_id=document_id, code_ids=[code_id]):
        if c.start == start and c.end == end and c.coder == coder:
            return c.id
    return None
