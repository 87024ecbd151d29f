"""Assembling the Word report's data from the project, and writing the report.

The exporter (export/report.py) gets plain data; everything that reads the project, chooses
attributes and pseudonymises lives here. Reading only: no action, nothing changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.analysis.cooccurrence import overlap_counts, same_turn_counts
from qualcode.analysis.frequencies import (
    code_frequencies,
    group_value,
)
from qualcode.core.attributes import attribute_named, format_value
from qualcode.core.codetree import descendants
from qualcode.core.errors import QualcodeError
from qualcode.core.model import AttributeType, Case, Code, Coding, Document, MemoTarget, Turn
from qualcode.core.synthesis import DEFAULT_MATRIX, Synthesis
from qualcode.export.docx_parts import Destination
from qualcode.export.redact import Redactor, is_role_label, redact
from qualcode.export.report import write_report as write_docx
from qualcode.export.report_data import (
    CodeSection,
    CooccurrenceRow,
    CorpusGroup,
    Interview,
    Layout,
    MatrixTable,
    Methodology,
    OwnSection,
    Profile,
    Quote,
    ReportData,
)
from qualcode.services import (
    attribution,
    pseudonyms,
    report_coverage,
    report_evidence,
    report_matrix,
)
from qualcode.services import sections as own_sections
from qualcode.services.agreement import agreement
from qualcode.services.codes import code_paths, find_code, path_text
from qualcode.services.privacy import reidentification
from qualcode.services.resolve import CONSENSUS
from qualcode.services.synthesis import synthesis
from qualcode.store import Store

SUGGESTION_ORIGIN = "suggestion:"
MAX_GROUPS = 6  # an attribute chosen automatically splits the cases into 2 to 6 groups
COOCCURRENCE_PAIRS = 25


@dataclass(frozen=True)
class ReportOptions:
    title: str = ""
    codes: tuple[str, ...] = ()  # code references; empty: the whole codebook
    by: str = ""  # attribute to split frequencies by; empty: chosen automatically
    pseudonymise: bool = False
    agreement: bool = False  # state inter-coder agreement in the method (two or more coders)
    redact: tuple[str, ...] = ()  # further names to replace
    matrix: str = DEFAULT_MATRIX
    top_level_only: bool = False  # findings by top-level code only, sub-codes' quotes in them
    memos: bool = True  # the analyst's memos on codes and documents
    annexes: bool = True  # detailed matrix, figures, codebook


@dataclass
class _Project:
    """What one report reads from the project, read once."""

    codes: list[Code]
    documents: list[Document]
    cases: list[Case]
    codings: list[Coding]
    synthesis: Synthesis
    store: Store
    _turns: dict[int, list[Turn]] = field(default_factory=dict)
    _words: dict[int, int] = field(default_factory=dict)

    @property
    def case_of(self) -> dict[int, int | None]:
        return {d.id or 0: d.case_id for d in self.documents}

    def turns(self, doc_id: int) -> list[Turn]:
        """A document's turns, read once (speakers and co-occurrence both need them)."""
        if doc_id not in self._turns:
            self._turns[doc_id] = self.store.turns.all(doc_id)
        return self._turns[doc_id]

    def words(self, doc: Document) -> int:
        """A document's word count, counted once (it splits the whole text)."""
        key = doc.id or 0
        if key not in self._words:
            self._words[key] = doc.word_count
        return self._words[key]


def write_report(store: Store, dest: Destination, options: ReportOptions, *,
                 template: Path | None = None) -> ReportData:
    """Write the report to ``dest`` (a path or a binary file object); returns its data."""
    data = build_report_data(store, options)
    write_docx(data, dest, template=template)
    return data


def build_report_data(store: Store, options: ReportOptions) -> ReportData:
    project = _Project(codes=store.codes.all(), documents=store.documents.all(),
                       cases=store.cases.all(),
                       codings=store.codings.all(), synthesis=synthesis(store, options.matrix),
                       store=store)
    dropped: list[str] = []
    if options.pseudonymise:
        # Attributes that together single out an interviewee (one associate per country)
        # leave every part of the report: the sample table, attributions, profiles.
        dropped = _identifying_attributes(store, project.cases)
        project.cases = [dataclasses.replace(c, attributes={
            k: v for k, v in c.attributes.items() if k not in dropped}) for c in project.cases]
    selected = _selected_codes(store, project.codes, options.codes)
    coverage = report_coverage.coverage(project.documents, project.codings)
    coded = report_coverage.coded_cases(project.documents, project.cases, project.codings)
    by = _split_attribute(coded, options.by)
    codings = [c for c in project.codings if c.code_id in {s.id for s in selected}]
    speakers = _quote_speakers(project, options.pseudonymise)
    name = store.settings.get("codebook_name", "") or ""
    matrix = _matrix(project, options.matrix)
    methodology = _methodology(store, project, by)
    if options.agreement:
        methodology = dataclasses.replace(methodology, agreement=_agreement_sentence(store))
    own = {k: OwnSection(s.heading, s.text)
           for k, s in own_sections.report_sections(store).items()}
    data = ReportData(
        title=options.title or store.settings.get("report_title", "")
        or (f"{name}: findings" if name else "Findings"),
        subtitle=f"Analysis of {coverage.phrase}",
        date=_today(),
        methodology=methodology,
        sections=_sections(project, selected, speakers, options),
        codebook=tuple(project.codes),
        matrix=matrix,
        frequencies=report_coverage.frequencies(
            project.codes, project.documents, project.cases, project.codings, selected, by)
        if by else None,
        cooccurrence=_cooccurrence(project, codings),
        pseudonymised=options.pseudonymise,
        own=own, coverage=coverage,
        limitations=report_coverage.limitations(coverage, methodology, matrix),
        profiles=_profiles(project, matrix, options.memos),
        warnings=report_coverage.warnings(coverage, matrix, own, options.matrix),
        layout=Layout(annexes=options.annexes, memos=options.memos),
        language=store.settings.get("report_language", "") or "en-GB",
    )
    names = list(options.redact)
    if options.pseudonymise:
        if dropped:
            data = dataclasses.replace(data, warnings=(
                *data.warnings, "left out of the report so that no interviewee can be singled "
                f"out: {', '.join(dropped)} (qualcode pseudonyms check)"))
        # The identifier register first (consistent pseudonyms, generalised places), then any
        # speaker name the register does not hold yet (a project never scanned).
        data = redact(data, pseudonyms.replacer(store))
        names += speaker_names(store)
    if names:
        data = redact(data, Redactor(names))
    author = store.settings.get("report_author", "") or ""
    return dataclasses.replace(data, author=author) if author else data


def _agreement_sentence(store: Store) -> str:
    """Agreement between the two coders who coded most (the consensus coder aside)."""
    counts = Counter(c.coder for c in store.codings.all() if c.coder != CONSENSUS)
    coders = [name for name, _ in counts.most_common(2)]
    if len(coders) < 2:
        return ""
    found = agreement(store, coders=coders, unit="character").overall
    return (f"Two coders, {coders[0]} and {coders[1]}, coded independently; on every character "
            f"of the interviews and every code, they agreed on {found.percent or 0:.1%} "
            f"(Cohen's kappa {found.kappa or 0:.2f}, Krippendorff's alpha "
            f"{found.alpha or 0:.2f}), before disagreements were resolved.")


def _identifying_attributes(store: Store, cases: Sequence[Case]) -> list[str]:
    """Case attributes to leave out so that, within each organisation, no combination of the
    rest is one interviewee's alone; the organisation itself is named by the study."""
    organisation = report_matrix.organisation_attribute(cases)
    columns = list(store.attributes.types())
    dropped: list[str] = []
    while columns:
        risk = reidentification(store, columns, within=organisation)
        if risk.safe or not risk.drop_suggestions:
            break
        attribute = risk.drop_suggestions[0][0]
        columns.remove(attribute)
        dropped.append(attribute)
    return dropped


def matrix_table(store: Store, name: str = DEFAULT_MATRIX) -> MatrixTable:
    """The named matrix as the report shows it (rows with content only)."""
    project = _Project(codes=store.codes.all(), documents=store.documents.all(),
                       cases=store.cases.all(),
                       codings=store.codings.all(), synthesis=synthesis(store, name), store=store)
    found = _matrix(project, name)
    if found is None:
        raise QualcodeError(f"no matrix {name!r} yet (define it with "
                            "`qualcode synth matrix define --codes ... --scale ...`)")
    return found


def speaker_names(store: Store) -> list[str]:
    """Speaker labels of the corpus that are names, not roles ("Interviewer", "Q", "P1")."""
    return sorted({s.name for s in store.speakers.all() if not is_role_label(s.name)})


# -- choosing what to show ---------------------------------------------------------------------
def _selected_codes(store: Store, codes: list[Code], refs: Sequence[str]) -> list[Code]:
    """The codes asked for with everything below them, and their ancestors (for the
    chapter structure), in codebook order."""
    if not refs:
        return codes
    below = descendants(codes)
    by_id = {c.id: c for c in codes}
    wanted: set[int] = set()
    for ref in refs:
        code = find_code(store, ref)
        wanted |= below[code.id or 0]
        parent = code.parent_id
        while parent is not None:
            wanted.add(parent)
            parent = by_id[parent].parent_id
    return [c for c in codes if c.id in wanted]


def _split_attribute(cases: list[Case], requested: str) -> str:
    names = list(dict.fromkeys(n for c in cases for n in c.attributes))
    if requested:
        return attribute_named(requested, names)
    best, best_groups = "", 0
    for n in names:
        if all(isinstance(c.attributes.get(n, ""), str) for c in cases):
            groups = len({group_value(c, n) for c in cases})
            if best_groups < groups <= MAX_GROUPS:
                best, best_groups = n, groups
    return best if best_groups >= 2 else ""


def _today() -> str:
    today = dt.date.today()
    return f"{today.day} {today:%B %Y}"


# -- the parts of the report -------------------------------------------------------------------
def _methodology(store: Store, project: _Project, by: str) -> Methodology:
    cases = {c.id: c for c in project.cases}
    date_attr = _date_attribute(store)
    org = report_matrix.organisation_attribute(project.cases)
    present = {k for c in project.cases for k in c.attributes}  # not those left out
    columns = tuple(dict.fromkeys(
        a for a in (org, *attribution.describing_attributes(project.cases), by, date_attr)
        if a and a in present))
    interviews: list[Interview] = []
    dates: list[dt.date] = []
    groups: dict[str, list[int]] = {}
    for doc in project.documents:
        case = cases.get(doc.case_id)
        values = {k: format_value(v) for k, v in (case.attributes if case else {}).items()}
        interviews.append(Interview(case=case.name if case else doc.name, document=doc.name,
                                    words=project.words(doc),
                                    attributes={c: values.get(c, "") for c in columns}))
        when = case.attributes.get(date_attr) if date_attr and case else None
        if isinstance(when, dt.date):
            dates.append(when)
        if by:
            groups.setdefault(group_value(case, by), []).append(project.words(doc))
    coders = Counter(c.coder for c in project.codings)
    return Methodology(
        interviews=tuple(sorted(interviews, key=lambda i: (i.case.casefold(), i.document))),
        columns=columns,
        cases=len({d.case_id for d in project.documents if d.case_id is not None}),
        words=sum(project.words(d) for d in project.documents),
        first_date=min(dates).isoformat() if dates else "",
        last_date=max(dates).isoformat() if dates else "",
        split_attribute=by,
        groups=tuple(CorpusGroup(v, len(w), sum(w)) for v, w in sorted(groups.items())),
        codebook_name=store.settings.get("codebook_name", "") or "",
        codebook_description=store.settings.get("codebook_description", "") or "",
        codes=len(project.codes),
        top_level_codes=sum(1 for c in project.codes if c.parent_id is None),
        codings=len(project.codings),
        coded_documents=len({c.document_id for c in project.codings}),
        coders=tuple(coders.most_common()),
        suggested=sum(1 for c in project.codings if c.origin.startswith(SUGGESTION_ORIGIN)),
        key_quotes=sum(1 for c in project.codings
                       if c.important or (c.id or 0) in project.synthesis.picks),
    )


def _date_attribute(store: Store) -> str:
    dates = [n for n, kind in store.attributes.types().items() if kind is AttributeType.DATE]
    return next((n for n in dates if "date" in n.casefold()), dates[0] if dates else "")


def _quote_speakers(project: _Project, pseudonymise: bool) -> dict[int, str]:
    """Coding id -> the name of who said it, for key quotes (none when pseudonymising)."""
    if pseudonymise:
        return {}
    found: dict[int, str] = {}
    for coding in project.codings:
        if coding.important or (coding.id or 0) in project.synthesis.picks:
            turn = report_evidence.turn_of(project.turns(coding.document_id), coding)
            if turn is not None and turn.speaker and not is_role_label(turn.speaker):
                found[coding.id or 0] = turn.speaker
    return found


def _sections(project: _Project, selected: list[Code], speakers: dict[int, str],
              options: ReportOptions) -> tuple[CodeSection, ...]:
    below = descendants(project.codes)
    totals = code_frequencies(project.codings, project.case_of, project.codes, rollup=True)
    depth = {i: len(p) - 1 for i, p in code_paths(project.codes).items()}
    cases = {c.id: c for c in project.cases}
    docs = {d.id: d for d in project.documents}
    edits = own_sections.quote_edits(project.store)
    quotes: dict[int, list[Quote]] = {}
    for coding in project.codings:
        if coding.important or (coding.id or 0) in project.synthesis.picks:
            doc = docs[coding.document_id]
            quotes.setdefault(coding.code_id, []).append(report_evidence.make_quote(
                coding, doc, cases.get(doc.case_id),
                report_evidence.turn_of(project.turns(doc.id or 0), coding),
                speakers.get(coding.id or 0, ""), edits.get(coding.id or 0)))
    findings = project.synthesis.findings
    memos = report_evidence.code_memos(
        [(m.target, m.target_id, m.text) for m in project.store.memos.all(MemoTarget.CODE)]
    ) if options.memos else {}
    chosen = {c.id for c in selected}
    placed = report_evidence.place_quotes(
        project.codes, {k: v for k, v in quotes.items() if k in chosen},
        lambda c: c.id in findings or c.id in memos, top_level_only=options.top_level_only)
    sections = [CodeSection(
        code=c, depth=depth[c.id or 0], finding=findings[c.id].text if c.id in findings else "",
        total=totals[c.id or 0], subcodes=len(below[c.id or 0]) - 1,
        quotes=tuple(placed.get(c.id or 0, [])), memo=memos.get(c.id or 0, ""))
        for c in selected]
    return report_evidence.kept_sections(sections, top_level_only=options.top_level_only)


def _said(project: _Project) -> dict[int, list[str]]:
    """For every case with an interview, the texts coded in its interviews."""
    said: dict[int, list[str]] = {d.case_id: [] for d in project.documents
                                  if d.case_id is not None}
    for coding in project.codings:
        case_id = project.case_of.get(coding.document_id)
        if case_id is not None:
            said[case_id].append(coding.text)
    return said


def _matrix(project: _Project, name: str) -> MatrixTable | None:
    return report_matrix.matrix_table(project.synthesis, project.codes, project.cases,
                                      _said(project), name)


def _profiles(project: _Project, matrix: MatrixTable | None,
              with_memos: bool) -> tuple[Profile, ...]:
    texts = {k: v.text for k, v in own_sections.profiles(project.store).items()}
    memos: dict[int, list[str]] = {}
    if with_memos:
        for memo in project.store.memos.all(MemoTarget.DOCUMENT):
            case_id = project.case_of.get(memo.target_id or 0)
            if case_id is not None and memo.text.strip():
                memos.setdefault(case_id, []).append(memo.text.strip())
    shown = report_matrix.organisation_attributes(project.cases,
                                                  project.store.attributes.types())
    return report_matrix.profiles(project.cases, texts, memos, matrix, shown)


def _cooccurrence(project: _Project, codings: list[Coding]) -> tuple[CooccurrenceRow, ...]:
    overlaps = overlap_counts(codings)
    turns = [t for d in {c.document_id for c in codings} for t in project.turns(d)]
    same_turn = same_turn_counts(codings, turns)
    paths = code_paths(project.codes)
    pairs = sorted(set(overlaps) | set(same_turn),
                   key=lambda p: (-overlaps.get(p, 0), -same_turn.get(p, 0), p))
    return tuple(CooccurrenceRow(first=path_text(paths[a]), second=path_text(paths[b]),
                                 overlapping=overlaps.get((a, b), 0),
                                 same_turn=same_turn.get((a, b), 0))
                 for a, b in pairs[:COOCCURRENCE_PAIRS])
