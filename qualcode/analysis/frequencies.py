"""Code frequencies: segments, documents and cases per code, overall or split by an attribute.

Pure functions over domain objects. ``case_of`` maps a document id to its case id (None for a
document in no case: it counts as a document, not as a case).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from qualcode.core.attributes import format_value
from qualcode.core.codetree import descendants
from qualcode.core.model import AttributeValue, Case, Code, Coding

NOT_SET = "(not set)"


@dataclass(frozen=True)
class Frequency:
    code_id: int
    segments: int = 0
    documents: int = 0
    cases: int = 0


@dataclass(frozen=True)
class Group:
    """One value of the split attribute and how many cases and documents have it."""

    value: str
    cases: int
    documents: int


@dataclass(frozen=True)
class AttributeSplit:
    attribute: str
    groups: tuple[Group, ...]
    counts: dict[tuple[int, str], Frequency] = field(default_factory=dict)  # (code, value)

    def frequency(self, code_id: int, value: str) -> Frequency:
        return self.counts.get((code_id, value), Frequency(code_id))


def _owners(codes: Sequence[Code] | None, rollup: bool) -> dict[int, list[int]]:
    """Coding code id -> the code ids whose count it adds to (itself, and its ancestors)."""
    if not codes:
        return {}
    owners: dict[int, list[int]] = {c.id or 0: [c.id or 0] for c in codes}
    if rollup:
        for owner, below in descendants(codes).items():
            for code_id in below - {owner}:
                owners[code_id].append(owner)
    return owners


def code_frequencies(codings: Iterable[Coding], case_of: Mapping[int, int | None],
                     codes: Sequence[Code] | None = None, *,
                     rollup: bool = False) -> dict[int, Frequency]:
    """Per code: codings (segments), distinct documents, distinct cases. With ``rollup`` a
    code's figures include the codings of its sub-codes. Codes given but never applied get
    zero figures."""
    owners = _owners(codes, rollup)
    segments: dict[int, int] = defaultdict(int)
    documents: dict[int, set[int]] = defaultdict(set)
    cases: dict[int, set[int]] = defaultdict(set)
    for coding in codings:
        case_id = case_of.get(coding.document_id)
        for code_id in owners.get(coding.code_id, [coding.code_id]):
            segments[code_id] += 1
            documents[code_id].add(coding.document_id)
            if case_id is not None:
                cases[code_id].add(case_id)
    ids = [c.id or 0 for c in codes] if codes else sorted(segments)
    return {i: Frequency(i, segments[i], len(documents[i]), len(cases[i])) for i in ids}


def group_value(case: Case | None, attribute: str) -> str:
    """The split attribute's value of a case as a group label (name matched ignoring case)."""
    if case is not None:
        for name, value in case.attributes.items():
            if name.casefold() == attribute.casefold():
                return format_value(value)
    return NOT_SET


def frequencies_by_attribute(codings: Iterable[Coding], case_of: Mapping[int, int | None],
                             cases: Sequence[Case], attribute: str,
                             codes: Sequence[Code] | None = None, *,
                             rollup: bool = False) -> AttributeSplit:
    """Code frequencies within each group of cases sharing a value of ``attribute``."""
    by_id = {c.id: c for c in cases}
    value_of_doc = {doc: group_value(by_id.get(case), attribute) for doc, case in case_of.items()}
    grouped: dict[str, list[Coding]] = defaultdict(list)
    for coding in codings:
        grouped[value_of_doc.get(coding.document_id, NOT_SET)].append(coding)
    groups = _groups(cases, case_of, value_of_doc, attribute)
    counts: dict[tuple[int, str], Frequency] = {}
    for group in groups:
        for code_id, freq in code_frequencies(grouped[group.value], case_of, codes,
                                              rollup=rollup).items():
            counts[(code_id, group.value)] = freq
    return AttributeSplit(attribute=attribute, groups=groups, counts=counts)


def _groups(cases: Sequence[Case], case_of: Mapping[int, int | None],
            value_of_doc: Mapping[int, str], attribute: str) -> tuple[Group, ...]:
    raw: dict[str, AttributeValue | None] = {}
    case_counts: dict[str, int] = defaultdict(int)
    for case in cases:
        value = group_value(case, attribute)
        case_counts[value] += 1
        raw.setdefault(value, _raw(case, attribute))
    doc_counts: dict[str, int] = defaultdict(int)
    for doc in case_of:
        doc_counts[value_of_doc[doc]] += 1
        raw.setdefault(value_of_doc[doc], None)
    ordered = sorted(raw, key=lambda v: _sort_key(raw[v], v))
    return tuple(Group(v, case_counts[v], doc_counts[v]) for v in ordered)


def _raw(case: Case, attribute: str) -> AttributeValue | None:
    for name, value in case.attributes.items():
        if name.casefold() == attribute.casefold():
            return value
    return None


def _sort_key(value: AttributeValue | None, label: str) -> tuple[int, object]:
    """Numbers and dates in their order, text alphabetically, "(not set)" last."""
    if value is None:
        return (3, label)
    if isinstance(value, bool):
        return (0, str(value))
    if isinstance(value, float):
        return (1, value)
    if isinstance(value, dt.date):
        return (1, value.toordinal())
    return (2, label.casefold())
