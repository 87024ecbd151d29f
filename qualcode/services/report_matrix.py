"""The benchmarking matrix and the case profiles, as the report shows them.

Rows are cases (organisations, the subject of the benchmark among them); rows with neither a
rating nor a summary are left out. A summary made only of sentences the case's interviews said
is a draft (as `synth cell --draft` writes it) and is marked as quotation in the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from qualcode.core import spans
from qualcode.core.attributes import format_value
from qualcode.core.model import AttributeType, Case, Code
from qualcode.core.synthesis import MatrixCell, Synthesis
from qualcode.export.report_data import MatrixEntry, MatrixRow, MatrixTable, Profile
from qualcode.services import attribution

ORGANISATION_WORDS = ("organisation", "organization", "agency", "network")
PERSON_WORDS = {"role", "position", "job", "gender", "sex", "age", "date", "name"}


def organisation_attribute(cases: Sequence[Case]) -> str:
    """The attribute naming the organisation a case belongs to ("organisation"), if any."""
    names = list(dict.fromkeys(n for c in cases for n in c.attributes))
    for word in ORGANISATION_WORDS:
        for name in names:
            folded = name.casefold()
            if word in folded and "type" not in folded and "kind" not in folded:
                return name
    return ""


def organisation_attributes(cases: Sequence[Case], types: Mapping[str, AttributeType]
                            ) -> list[str]:
    """Attributes that describe an organisation rather than the person interviewed (their
    role, gender, the interview's date): what a profile shows."""
    names = list(dict.fromkeys(n for c in cases for n in c.attributes))
    return [n for n in names if types.get(n) is not AttributeType.DATE
            and not set(re.split(r"\W+", n.casefold())) & PERSON_WORDS]


def organisation(case: Case, attribute: str) -> str:
    return format_value(case.attributes.get(attribute, "")).strip() if attribute else ""


def is_draft(summary: str, said: Iterable[str]) -> bool:
    """True when every sentence of ``summary`` is a sentence the case said verbatim."""
    text = " ".join(" ".join(s.split()) for s in said)
    found = [summary[a:b] for a, b in spans.sentences(summary)]
    return bool(found) and all(" ".join(s.split()) in text for s in found)


def matrix_table(synthesis: Synthesis, codes: Sequence[Code], cases: Sequence[Case],
                 said: Mapping[int, list[str]], name: str) -> MatrixTable | None:
    """The matrix's rows with content, subject of the benchmark first; None if undefined.
    ``said`` holds, for every case with an interview, the texts coded in it."""
    grid = synthesis.matrix
    if grid is None or not grid.code_ids:
        return None
    names = {c.id: c.name for c in codes}
    org = organisation_attribute(cases)
    rows = []
    for case in cases:
        cells = [synthesis.cells.get((case.id or 0, code_id)) for code_id in grid.code_ids]
        if not any(cells):
            continue
        rows.append(MatrixRow(
            case=case.name, description=attribution.describe(case),
            organisation=organisation(case, org),
            entries=tuple(_entry(cell, said.get(case.id or 0, [])) for cell in cells)))
    # Cases without an interview of their own (the subject of the benchmark) come first.
    # then the others in the order they came into the project (cases.csv order).
    rows.sort(key=lambda r: (_case_id(cases, r.case) in said, _case_id(cases, r.case)))
    return MatrixTable(title=f"{name[:1].upper()}{name[1:]} matrix",
                       columns=tuple(names[i] for i in grid.code_ids),
                       scale=grid.scale, rows=tuple(rows))


def _case_id(cases: Sequence[Case], name: str) -> int:
    return next((c.id or 0 for c in cases if c.name == name), 0)


def _entry(cell: MatrixCell | None, said: list[str]) -> MatrixEntry:
    if cell is None:
        return MatrixEntry()
    return MatrixEntry(rating=cell.rating, summary=cell.summary,
                       draft=bool(cell.summary) and is_draft(cell.summary, said))


def profiles(cases: Sequence[Case], texts: Mapping[int, str], memos: Mapping[int, list[str]],
             matrix: MatrixTable | None, shown: Sequence[str]) -> tuple[Profile, ...]:
    """A profile for each case with a profile text or ratings: its attributes (those in
    ``shown``), the consultant's text, its ratings and its documents' memos."""
    org = organisation_attribute(cases)
    ratings = {r.case: tuple((col, e.rating) for col, e in zip(matrix.columns, r.entries,
                                                                strict=True) if e.rating)
               for r in matrix.rows} if matrix else {}
    found = []
    order = {r.case: i for i, r in enumerate(matrix.rows)} if matrix else {}
    for case in sorted(cases, key=lambda c: (order.get(c.name, len(order)), c.id or 0)):
        text = texts.get(case.id or 0, "")
        if not text and not ratings.get(case.name):
            continue
        attrs = tuple((n, format_value(case.attributes[n])) for n in shown
                      if n in case.attributes and n != org
                      and format_value(case.attributes[n]).strip())
        found.append(Profile(case=case.name, title=organisation(case, org) or case.name,
                             attributes=attrs, text=text, ratings=ratings.get(case.name, ()),
                             memos=tuple(memos.get(case.id or 0, []))))
    return tuple(found)
