"""How much of the evidence the report stands on: coverage of the coding, the facts a reader
must weigh (printed under Limitations), and warnings for whoever exports the report."""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.analysis.frequencies import code_frequencies, frequencies_by_attribute
from qualcode.core.model import Case, Code, Coding, Document
from qualcode.core.sections import SECTION_KINDS
from qualcode.export.report_data import (
    Coverage,
    FrequencyRow,
    FrequencyTable,
    MatrixTable,
    Methodology,
    OwnSection,
)
from qualcode.services.codes import code_paths


def coverage(documents: Sequence[Document], codings: Sequence[Coding]) -> Coverage:
    coded_docs = {c.document_id for c in codings}
    with_interview = {d.case_id for d in documents if d.case_id is not None}
    coded = {d.case_id for d in documents if d.id in coded_docs and d.case_id is not None}
    return Coverage(interviews=len(documents), coded=len(coded_docs),
                    cases=len(with_interview), coded_cases=len(coded))


def coded_cases(documents: Sequence[Document], cases: Sequence[Case],
                codings: Sequence[Coding]) -> list[Case]:
    """Cases with at least one coded interview: the base of every count and percentage."""
    coded_docs = {c.document_id for c in codings}
    ids = {d.case_id for d in documents if d.id in coded_docs}
    return [c for c in cases if c.id in ids]


def limitations(coverage: Coverage, m: Methodology, matrix: MatrixTable | None
                 ) -> tuple[str, ...]:
    """Facts about the evidence that the reader must weigh."""
    facts = []
    if coverage.coded < coverage.interviews:
        facts.append(f"Only {coverage.coded} of the {coverage.interviews} interviews are coded; "
                     f"every count and share in this report is over the {coverage.coded_cases} "
                     "coded cases, and the uncoded interviews are not reflected in the findings.")
    else:
        facts.append(f"All {coverage.interviews} interviews are coded; counts and shares are "
                     f"over the {coverage.coded_cases} cases interviewed.")
    facts.append("The interviews are a purposive sample: what they show describes these "
                 "organisations and people, not a population, and shares are not estimates.")
    if m.suggested:
        facts.append(f"{m.suggested} of the {m.codings} codings began as machine suggestions; "
                     "each was reviewed and accepted by a coder.")
    if matrix is not None:
        drafts = sum(1 for r in matrix.rows for e in r.entries if e.draft)
        if drafts:
            facts.append(f"{drafts} cells of the matrix are drafts drawn from the interviews' "
                         "own words, not yet the consultant's summary; they are shown as quotes.")
    return tuple(facts)


def warnings(coverage: Coverage, matrix: MatrixTable | None, own: dict[str, OwnSection],
              matrix_name: str) -> tuple[str, ...]:
    found = []
    if coverage.coded < coverage.interviews:
        found.append(f"coding is incomplete: {coverage.coded} of {coverage.interviews} "
                     "interviews are coded")
    if matrix is None:
        found.append(f"no matrix {matrix_name!r} is defined, so the report has no "
                     "benchmarking overview (qualcode synth matrix define ...)")
    elif not any(e.rating for r in matrix.rows for e in r.entries):
        found.append(f"the matrix {matrix_name!r} has no ratings yet")
    missing = [SECTION_KINDS[k] for k in ("summary", "conclusions", "recommendations")
               if k not in own]
    if missing:
        found.append("not written yet (left out of the report): " + ", ".join(missing))
    return tuple(found)


def frequencies(codes: Sequence[Code], documents: Sequence[Document], cases: Sequence[Case],
                codings: Sequence[Coding], selected: Sequence[Code], by: str) -> FrequencyTable:
    """Cases coded per selected code, split by ``by``, over coded cases only: an uncoded
    interview says nothing about a code yet."""
    coded = coded_cases(documents, cases, codings)
    coded_ids = {c.id for c in coded}
    case_of = {d.id or 0: d.case_id for d in documents if d.case_id in coded_ids}
    wanted = {c.id for c in selected}
    chosen = [c for c in codings if c.code_id in wanted]
    split = frequencies_by_attribute(chosen, case_of, coded, by, codes, rollup=True)
    totals = code_frequencies(chosen, case_of, codes, rollup=True)
    paths = code_paths(codes)
    rows = tuple(FrequencyRow(code=c, depth=len(paths[c.id or 0]) - 1, total=totals[c.id or 0],
                              by_group=tuple(split.frequency(c.id or 0, g.value)
                                             for g in split.groups))
                 for c in selected)
    return FrequencyTable(attribute=by, groups=split.groups, total_cases=len(coded), rows=rows)
