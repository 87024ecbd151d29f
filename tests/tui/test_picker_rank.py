"""Ranking codes in the fuzzy code picker."""

from __future__ import annotations

from qualcode.core.model import Code
from qualcode.tui.screens.code_picker import rank

CODES = [
    Code(name="Governance", guid="1", id=1),
    Code(name="Steering groups and boards", guid="2", parent_id=1, id=2),
    Code(name="Financial sustainability", guid="3", id=3, shortcut="3"),
    Code(name="Donor funding", guid="4", parent_id=3, id=4),
    Code(name="Government", guid="5", id=5),
]
PATHS = {1: "Governance", 2: "Governance > Steering groups and boards",
         3: "Financial sustainability", 4: "Financial sustainability > Donor funding",
         5: "Government"}


def names(query: str, recent: list[int] | None = None) -> list[str]:
    return [c.name for c in rank(query, CODES, PATHS, recent or [])]


def test_nothing_typed_lists_recent_codes_first() -> None:
    assert names("", [4, 2]) == ["Donor funding", "Steering groups and boards", "Governance",
                                "Financial sustainability", "Government"]


def test_words_in_the_name_beat_words_in_the_path() -> None:
    assert names("gov") == ["Governance", "Government", "Steering groups and boards"]
    assert names("fund") == ["Donor funding"]
    assert names("financial") == ["Financial sustainability", "Donor funding"]


def test_typos_and_shortcuts() -> None:
    assert names("stering") == ["Steering groups and boards"]
    assert names("donr") == ["Donor funding"]
    assert names("3")[0] == "Financial sustainability"
    assert names("zzz") == []


def test_recent_breaks_ties() -> None:
    assert names("gov", [5])[:2] == ["Government", "Governance"]
