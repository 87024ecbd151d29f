"""Coding for the demo project in tests, until the demo build ships its own coding.

Deterministic: each sentence of a respondent turn that mentions a word of a code's name (or
of its definition's first words) is coded with that code; every fifth coding is marked
important (a key quote).
"""

from __future__ import annotations

import re

from qualcode.core import spans
from qualcode.core.model import Code, Role
from qualcode.services import coding
from qualcode.store import Store

ENOUGH = 150
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{4,}")
_COMMON = {"other", "their", "about", "where", "which", "through", "between", "practice",
           "people", "network", "networks", "childhub", "members", "member", "value"}


def keywords(code: Code) -> set[str]:
    words = {w.lower() for w in _WORD.findall(code.name)}
    return {w.rstrip("s") for w in words if w not in _COMMON}


def code_demo(store: Store, coder: str = "tester") -> int:
    """Add codings (if the demo has fewer than ENOUGH) and key quotes; returns codings."""
    if len(store.codings.all()) >= ENOUGH:
        _mark_important(store, coder)
        return len(store.codings.all())
    codes = store.codes.all()
    parents = {c.parent_id for c in codes}
    leaves = [(c, keywords(c)) for c in codes if c.id not in parents]
    count = 0
    for doc in store.documents.all():
        used: set[int] = set()
        for turn in store.turns.all(doc.id or 0):
            if turn.role is not Role.RESPONDENT:
                continue
            for start, end in spans.sentences(doc.text, turn.text_start, turn.text_end):
                lowered = doc.text[start:end].lower()
                for code, words in leaves:
                    if code.id in used or not any(w in lowered for w in words):
                        continue
                    if len(doc.text[start:end].split()) < 6:
                        continue
                    count += 1
                    coding.apply_code(store, doc, code, start, end, coder=coder,
                                      important=count % 5 == 0)
                    used.add(code.id or 0)
                    break
    return len(store.codings.all())


def _mark_important(store: Store, coder: str) -> None:
    if store.codings.all(important=True):
        return
    for index, found in enumerate(store.codings.all()):
        if index % 5 == 0:
            coding.set_important(store, found, True, coder=coder)


def code_name_mentions(store: Store, code: Code, *, limit: int = 3,
                       coder: str = "tester") -> list[str]:
    """Mark as key quotes a few respondent sentences that mention a speaker of the corpus by
    name, so pseudonymisation has names inside quotes to replace. Returns their texts."""
    names = {part for s in store.speakers.all() if s.role is not Role.NOTE
             for part in s.name.split() if len(part) > 2 and part[0].isupper()}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(names))) + r")(?!\w)")
    found: list[str] = []
    for doc in store.documents.all():
        for turn in store.turns.all(doc.id or 0):
            if turn.role is not Role.RESPONDENT:
                continue
            for start, end in spans.sentences(doc.text, turn.text_start, turn.text_end):
                if len(found) < limit and pattern.search(doc.text[start:end]) \
                        and store.codings.find(doc.id or 0, code.id or 0, start, end) is None:
                    coding.apply_code(store, doc, code, start, end, coder=coder,
                                      important=True)
                    found.append(doc.text[start:end])
    return found
