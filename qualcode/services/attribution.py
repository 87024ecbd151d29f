"""How a quote is attributed: "Country associate, Moldova (CA-02)".

The role and the place come from the case's attributes (the first attribute whose name says
role, then the first that says country, region or location); then the case label.
"""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.core.attributes import format_value
from qualcode.core.model import Case

ROLE_WORDS = ("role", "position", "job", "function")
PLACE_WORDS = ("country", "region", "location", "place")


def _pick(names: Sequence[str], words: Sequence[str]) -> str:
    for word in words:
        for name in names:
            if word in name.casefold():
                return name
    return ""


def describing_attributes(cases: Sequence[Case]) -> tuple[str, ...]:
    """The role and place attributes the cases have (either may be missing)."""
    names = list(dict.fromkeys(n for c in cases for n in c.attributes))
    return tuple(a for a in (_pick(names, ROLE_WORDS), _pick(names, PLACE_WORDS)) if a)


def describe(case: Case | None) -> str:
    """"Country associate, Moldova": the case's role and place, as far as known."""
    if case is None:
        return ""
    parts = []
    for name in describing_attributes([case]):
        text = format_value(case.attributes[name]).strip()
        if text:
            parts.append(text)
    if parts:
        parts[0] = parts[0][:1].upper() + parts[0][1:]
    return ", ".join(parts)


def attribution(case: Case | None, document: str, speaker: str = "") -> str:
    """"Irina Ceban, Country associate, Moldova (CA-01)"; without a speaker name when
    pseudonymised; the document name when the interview belongs to no case."""
    label = case.name if case else document
    lead = ", ".join(p for p in (speaker, describe(case)) if p)
    return f"{lead} ({label})" if lead else label
