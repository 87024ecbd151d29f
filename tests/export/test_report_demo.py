"""Acceptance: `qualcode report` on the shipped demo study, read back with python-docx.

The demo codes all thirteen interviews, writes findings, rates the benchmarking matrix and
fills the consultant's sections (transcripts/demo-*.yml); its report must read as a finished
deliverable.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from qualcode.cli import main
from qualcode.core.model import Role
from qualcode.services import demo
from qualcode.services import synthesis as synth
from qualcode.services.report import ReportOptions, build_report_data
from qualcode.store import Store
from tests.conftest import CODEBOOK, TRANSCRIPTS
from tests.export.docx_text import all_text, raw_xml

pytestmark = pytest.mark.slow

ROLE_LABELS = {"Interviewer", "Researcher", "Moderator", "Facilitator", "Q", "I", "R",
               "Respondent"}
PLACEHOLDERS = re.compile(r"to be written|\[finding|TODO|lorem ipsum|\(no definition\)", re.I)
OVERVIEW = "Benchmarking overview"
LINES_PER_PAGE = 46  # A4 portrait, 11 pt: more lines of text than this cannot fit a page


@pytest.fixture(scope="module")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "demo.qualcode"
    demo.build_demo(path, TRANSCRIPTS, CODEBOOK, coder="tester")
    return path


@pytest.fixture(scope="module")
def report(demo_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "report.docx"
    assert main(["--project", str(demo_project), "report", str(out), "--as-recorded"]) == 0
    return out


@pytest.fixture(scope="module")
def pseudonymised(demo_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "pseudonymised.docx"
    assert main(["--project", str(demo_project), "report", str(out), "--pseudonymise"]) == 0
    return out


def headings(doc: Document) -> list[tuple[int, str]]:
    return [(int(p.style.name[-1]), p.text) for p in doc.paragraphs
            if re.fullmatch(r"Heading \d", p.style.name)]


def body_blocks(doc: Document) -> list[tuple[str, str]]:
    """(kind, text) of the body in order: a paragraph's style name, or "table"."""
    found = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            found.append(("table", "table"))
        elif child.tag == qn("w:p"):
            paragraph = docx.text.paragraph.Paragraph(child, doc)
            found.append((paragraph.style.name, paragraph.text))
    return found


def test_the_demo_report_has_no_placeholder_and_every_section_has_content(
        report: Path) -> None:
    doc = docx.Document(str(report))
    text = "\n".join(all_text(doc))
    assert not PLACEHOLDERS.search(text), PLACEHOLDERS.search(text)
    blocks = body_blocks(doc)
    for index, (style, title) in enumerate(blocks):
        if not style.startswith("Heading "):
            continue
        level = int(style[-1])
        content = []
        for kind, words in blocks[index + 1:]:
            if kind.startswith("Heading ") and int(kind[-1]) <= level:
                break
            if kind == "table" or (words.strip() and not kind.startswith("Heading ")):
                content.append(words)
        assert content, f"section {title!r} is empty"
    # The consultant's own sections, in the order a client reads them.
    order = [t for _, t in headings(doc) if t in {
        "Executive summary", OVERVIEW, "Background", "Method", "Limitations", "Findings",
        "Organisation profiles", "Conclusions", "Recommendations for Phase II",
        "Proposed criteria for the impact study"}]
    assert order == ["Executive summary", OVERVIEW, "Background", "Method", "Limitations",
                     "Findings", "Organisation profiles", "Conclusions",
                     "Recommendations for Phase II", "Proposed criteria for the impact study"]


def test_the_matrix_overview_is_within_the_first_six_pages(report: Path) -> None:
    """Pages counted from the breaks Word must make (page breaks, sections, paragraphs that
    start a page) plus the pages that the text between them needs at the least."""
    doc = docx.Document(str(report))
    body = doc.element.body
    pages, lines = 1, 0
    for child in body.iterchildren():
        if child.tag != qn("w:p"):
            lines += 2 * len(child.findall(qn("w:tr")))
            continue
        paragraph = docx.text.paragraph.Paragraph(child, doc)
        if paragraph.text == OVERVIEW and paragraph.style.name == "Heading 1":
            break
        breaks = child.findall(f".//{qn('w:br')}[@{qn('w:type')}='page']")
        if paragraph.paragraph_format.page_break_before or breaks:
            pages, lines = pages + 1, 0
        lines += 1 + len(paragraph.text) // 90
        if lines > LINES_PER_PAGE:
            pages, lines = pages + 1, lines - LINES_PER_PAGE
        if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            pages, lines = pages + 1, 0  # a section break before the landscape overview
    else:
        pytest.fail("no benchmarking overview")
    assert 3 <= pages <= 6, pages  # title, contents, summary at the least


def test_the_overview_has_a_row_per_rated_organisation_subject_first(
        demo_project: Path, report: Path, tmp_path: Path) -> None:
    doc = docx.Document(str(report))
    with Store.open(demo_project) as store:
        grid = synth.get_matrix(store)
        state = synth.synthesis(store)
        columns = [store.codes.get(i).name for i in grid.code_ids]
        rated = {case_id for case_id, _ in state.cells}
        cases = [c for c in store.cases.all() if c.id in rated]
    table = next(t for t in doc.tables
                 if [c.text for c in t.rows[0].cells] == ["Organisation", *columns])
    labels = [r.cells[0].text for r in table.rows[1:]]
    assert len(labels) == len(cases) == 9  # ChildHub and the eight peers; empty rows left out
    assert labels[0] == "Child Protection Hub (ChildHub)"
    for row in table.rows[1:]:
        assert all(c.text in grid.scale for c in row.cells[1:])
    # The same matrix as a workbook.
    out = tmp_path / "matrix.xlsx"
    assert main(["--project", str(demo_project), "export", "matrix", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    overview = [[c.value for c in row] for row in book["Overview"].iter_rows()]
    assert overview[0] == ["Organisation", "Case", *columns]
    assert [r[0] for r in overview[1:]] == labels
    assert [r[2:] for r in overview[1:]] == [[c.text for c in r.cells[1:]]
                                             for r in table.rows[1:]]


def test_coverage_is_stated_and_counts_are_over_coded_cases(
        demo_project: Path, report: Path, tmp_path: Path) -> None:
    doc = docx.Document(str(report))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Analysis of 13 interviews" in text
    assert "All 13 interviews are coded" in text
    # Uncode two interviews: the figures say so, and only coded cases count.
    copy = tmp_path / "partial.qualcode"
    shutil.copy(demo_project, copy)
    with Store.open(copy) as store:
        docs = store.documents.all()[:2]
        with store.action("uncode", coder="tester"):
            for coding in store.codings.all():
                if coding.document_id in {d.id for d in docs}:
                    store.codings.delete(coding.id or 0)
        data = build_report_data(store, ReportOptions())
    assert data.subtitle == "Analysis of 13 interviews, 11 coded"
    assert data.coverage is not None and data.coverage.coded_cases == 11
    assert any("coding is incomplete: 11 of 13" in w for w in data.warnings)
    assert any(f.startswith("Only 11 of the 13 interviews are coded") for f in data.limitations)
    assert data.frequencies is not None and data.frequencies.total_cases == 11
    assert sum(g.cases for g in data.frequencies.groups) == 11


def test_every_paragraph_has_a_named_style_and_no_run_formats_itself(report: Path) -> None:
    xml = raw_xml(report)
    document = xml[xml.index("<w:document"):xml.index("</w:document>")]
    run_properties = re.findall(r"<w:rPr>(.*?)</w:rPr>", document)
    assert [p for p in run_properties if not re.fullmatch(r"<w:rStyle [^>]*/>", p)] == []
    doc = docx.Document(str(report))
    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for r in t.rows
                                         for c in r.cells for p in c.paragraphs]
    used = {p.style.name for p in paragraphs}
    assert {"Quote", "Attribution", "Evidence Note", "Table Text", "Table Heading", "Rating",
            "Caption", "Table Caption", "List Bullet", "Codebook Code"} <= used
    assert {t.style.name for t in doc.tables} == {"Report Table"}


def test_key_quotes_are_verbatim_with_attribution_and_locator(demo_project: Path,
                                                              report: Path) -> None:
    doc = docx.Document(str(report))
    paragraphs = doc.paragraphs
    quotes = [(p.text, paragraphs[i + 1].text) for i, p in enumerate(paragraphs)
              if p.style.name == "Quote"]
    with Store.open(demo_project) as store:
        key_quotes = synth.key_quotes(store)
        names = {s.name for s in store.speakers.all() if s.role is Role.RESPONDENT}
        docs = {d.id: d.name for d in store.documents.all()}
    assert len(quotes) == len(key_quotes) >= 100
    for coding in key_quotes:
        assert any(q == f"“{coding.text}”" and f"· {docs[coding.document_id]}, turn " in a
                   for q, a in quotes), coding.id
    assert all(a.startswith("— ") for _, a in quotes)
    assert any(re.search(r"turn \d+, \d+:\d\d$", a) for _, a in quotes)  # timed transcripts
    assert any(a.removeprefix("— ").startswith(tuple(names)) for _, a in quotes)


def test_word_structure_toc_numbered_tables_properties(report: Path) -> None:
    doc = docx.Document(str(report))
    xml = raw_xml(report)
    assert re.search(r"<w:instrText[^>]*> TOC \\o", xml)
    assert 'w:updateFields w:val="true"' in xml
    assert "SEQ Table" in xml and "SEQ Figure" in xml
    captions = [p.text for p in doc.paragraphs if p.style.name in ("Caption", "Table Caption")]
    tables = [c for c in captions if c.startswith("Table ")]
    assert [int(c.split()[1].rstrip(".")) for c in tables] == list(range(1, len(tables) + 1))
    for table in doc.tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    assert "PAGE" in doc.sections[0].footer._element.xml
    assert doc.sections[0].different_first_page_header_footer  # a bare title page
    props = doc.core_properties
    assert props.title == "Benchmarking the Child Protection Hub"
    assert props.author == "Benchmarking consultant (fictional)"
    assert props.language == "en-GB" and props.created.year >= 2025
    assert "<Application>qualcode</Application>" in xml and "Macintosh" not in xml
    assert 'w:lang w:val="en-GB"' in xml
    assert len(doc.inline_shapes) == 1  # the frequency chart
    assert doc.inline_shapes[0].width <= docx.shared.Cm(16.01)


def test_codebook_annex_is_complete_and_in_order(demo_project: Path, report: Path) -> None:
    doc = docx.Document(str(report))
    start = next(i for i, p in enumerate(doc.paragraphs)
                 if p.style.name == "Heading 1" and p.text.endswith("Codebook"))
    annex = [p.text for p in doc.paragraphs[start:]]
    with Store.open(demo_project) as store:
        codes = store.codes.all()
    position = 0
    for code in codes:
        position = annex.index(code.name, position)
        assert annex[position + 1] == code.definition, code.name


def test_pseudonymised_report_names_no_speaker_anywhere(demo_project: Path,
                                                        pseudonymised: Path) -> None:
    with Store.open(demo_project) as store:
        names = {s.name for s in store.speakers.all()
                 if s.name not in ROLE_LABELS and not re.fullmatch(r"[A-Z]\d*", s.name)}
        case_labels = [c.name for c in store.cases.all()]
    assert len(names) >= 10
    parts = names | {p.strip(".") for n in names for p in n.split() if len(p.strip(".")) > 2}
    doc = docx.Document(str(pseudonymised))
    text = "\n".join(all_text(doc))
    xml = raw_xml(pseudonymised)
    for part in sorted(parts):
        pattern = re.compile(rf"(?<!\w){re.escape(part)}(?!\w)")
        assert not pattern.search(text), part
        assert not pattern.search(xml), part
    attributions = [p.text for p in doc.paragraphs if p.style.name == "Attribution"]
    assert attributions and all(re.search(r"\((" + "|".join(case_labels) + r")\) · ", a)
                                for a in attributions)
    assert "[name]" in text
