"""Acceptance: `qualcode report` on the demo project, read back with python-docx."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from qualcode.cli import main
from qualcode.core.model import Case, Role
from qualcode.services import demo
from qualcode.services import synthesis as synth
from qualcode.services.codes import find_code
from qualcode.store import Store
from tests.conftest import CODEBOOK, TRANSCRIPTS
from tests.export.demo_coding import code_demo, code_name_mentions
from tests.export.docx_text import all_text, raw_xml

pytestmark = pytest.mark.slow

MATRIX_CODES = ("Governance", "Financial sustainability and income models",
                "Peer-to-peer support", "Knowledge sharing")
SCALE = ("strong", "partial", "weak", "absent")
FINDINGS = {"Governance": "Where national steering groups own the agenda, engagement lasts.",
            "Governance > National ownership": "Ownership needs decision rights.",
            "Knowledge sharing": "Short digests travel further than libraries."}
ROLE_LABELS = {"Interviewer", "Researcher", "Moderator", "Facilitator", "Q", "I", "R",
               "Respondent"}


@pytest.fixture(scope="module")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "demo.qualcode"
    demo.build_demo(path, TRANSCRIPTS, CODEBOOK, coder="tester")
    with Store.open(path) as store:
        assert code_demo(store) >= 150
        mentions = code_name_mentions(
            store, find_code(store, "Peer-to-peer support > Informal networking and trust"))
        assert len(mentions) == 3
        for ref, text in FINDINGS.items():
            synth.set_finding(store, find_code(store, ref), text, coder="tester")
        columns = [find_code(store, name) for name in MATRIX_CODES]
        synth.define_matrix(store, columns, SCALE, coder="tester")
        for i, case in enumerate(store.cases()):
            for j, code in enumerate(columns):
                synth.set_cell(store, case, code, rating=SCALE[(i + j) % len(SCALE)],
                               summary=f"{case.name} on {code.name}.", coder="tester")
    return path


@pytest.fixture(scope="module")
def report(demo_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "report.docx"
    assert main(["--project", str(demo_project), "report", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def pseudonymised(demo_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "pseudonymised.docx"
    assert main(["--project", str(demo_project), "report", str(out), "--pseudonymise"]) == 0
    return out


def headings(doc: Document, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def expected_attribution(case: Case) -> str:
    """"Country associate, Moldova (CA-01)", worked out here from the case's attributes."""
    role = str(case.attributes["role"])
    return f"{role[0].upper()}{role[1:]}, {case.attributes['country or region']} ({case.name})"


def test_chapters_follow_the_codebook_with_a_section_per_sub_code(
        demo_project: Path, report: Path) -> None:
    doc = docx.Document(str(report))
    with Store.open(demo_project) as store:
        codes = store.codes()
    top = [c.name for c in codes if c.parent_id is None]
    chapters = [h for h in headings(doc, 1) if h in top]
    assert chapters == top
    body = [(p.style.name, p.text) for p in doc.paragraphs
            if p.style.name in ("Heading 1", "Heading 2")]
    for code in codes:
        if code.parent_id is not None:
            parent = next(c.name for c in codes if c.id == code.parent_id)
            at = body.index(("Heading 2", code.name), body.index(("Heading 1", parent)))
            # No other chapter starts between the parent's heading and its sub-code's.
            between = body[body.index(("Heading 1", parent)) + 1:at]
            assert all(style == "Heading 2" for style, _ in between), code.name
    text = "\n".join(p.text for p in doc.paragraphs)
    for finding in FINDINGS.values():
        assert finding in text


def test_every_key_quote_is_verbatim_with_its_attribution(demo_project: Path,
                                                          report: Path) -> None:
    doc = docx.Document(str(report))
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    with Store.open(demo_project) as store:
        key_quotes = synth.key_quotes(store)
        docs = {d.id: d for d in store.documents()}
        cases = {c.id: c for c in store.cases()}
        names = {s.name for s in store.speakers() if s.role is Role.RESPONDENT}
    assert len(key_quotes) >= 10
    assert len(quotes) == len(key_quotes)
    for coding in key_quotes:
        case = cases[docs[coding.document_id].case_id]
        attribution = expected_attribution(case)
        assert any(coding.text in q and attribution in q for q in quotes), (coding.id,
                                                                            attribution)
    # Not pseudonymised: respondents are named beside their quotes.
    assert any(q.split("— ")[-1].startswith(tuple(names)) for q in quotes)


def test_matrix_has_a_row_per_case_with_its_ratings(demo_project: Path, report: Path) -> None:
    doc = docx.Document(str(report))
    header = ["Case", *MATRIX_CODES]
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == header)
    with Store.open(demo_project) as store:
        cases = store.cases()
    assert len(table.rows) == 1 + len(cases)
    for i, (case, row) in enumerate(zip(cases, table.rows[1:], strict=True)):
        cells = [c.text for c in row.cells]
        assert cells[0].startswith(case.name)
        assert expected_attribution(case).removesuffix(f" ({case.name})") in cells[0]
        for j, (code, cell) in enumerate(zip(MATRIX_CODES, cells[1:], strict=True)):
            assert cell.splitlines()[0] == SCALE[(i + j) % len(SCALE)]
            assert f"{case.name} on {code}." in cell


def test_chart_frequency_and_cooccurrence_tables_are_present(report: Path) -> None:
    doc = docx.Document(str(report))
    assert len(doc.inline_shapes) == 1
    image = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert doc.part.related_parts[image].blob.startswith(b"\x89PNG")
    titles = headings(doc, 1)
    assert "Codes by peer group" in titles and "Codes that occur together" in titles
    frequency = next(t for t in doc.tables if t.rows[0].cells[0].text == "Code"
                     and t.rows[0].cells[-1].text.startswith("All (n="))
    assert any(c.text.startswith("country associate (n=") for c in frequency.rows[0].cells)
    assert any([c.text for c in t.rows[0].cells] == ["Code", "Code", "Overlapping codings",
                                                     "Same turn"] for t in doc.tables)


def test_codebook_appendix_is_complete_and_in_order(demo_project: Path, report: Path) -> None:
    doc = docx.Document(str(report))
    start = next(i for i, p in enumerate(doc.paragraphs)
                 if p.style.name == "Heading 1" and p.text == "Appendix A. Codebook")
    appendix = [p.text for p in doc.paragraphs[start:]]
    with Store.open(demo_project) as store:
        codes = store.codes()
    position = 0
    for code in codes:
        position = appendix.index(code.name, position)
        assert appendix[position + 1] == code.definition, code.name
        for label, value in (("Include", code.inclusion), ("Exclude", code.exclusion),
                             ("Example", code.example)):
            if value:
                assert f"{label}: {value}" in appendix[position:position + 5], code.name


def test_word_structure_toc_header_rows_and_page_numbers(report: Path) -> None:
    doc = docx.Document(str(report))
    xml = raw_xml(report)
    assert re.search(r"<w:instrText[^>]*> TOC \\o", xml)
    assert 'w:updateFields w:val="true"' in xml
    for table in doc.tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "fldChar" in footer_xml
    assert doc.sections[0].different_first_page_header_footer  # a bare title page


def test_pseudonymised_report_names_no_speaker_anywhere(demo_project: Path,
                                                        pseudonymised: Path) -> None:
    with Store.open(demo_project) as store:
        names = {s.name for s in store.speakers()
                 if s.name not in ROLE_LABELS and not re.fullmatch(r"[A-Z]\d*", s.name)}
        case_labels = [c.name for c in store.cases()]
    assert len(names) >= 10
    parts = names | {p.strip(".") for n in names for p in n.split() if len(p.strip(".")) > 2}
    doc = docx.Document(str(pseudonymised))
    text = "\n".join(all_text(doc))
    xml = raw_xml(pseudonymised)
    for part in sorted(parts):
        pattern = re.compile(rf"(?<!\w){re.escape(part)}(?!\w)")
        assert not pattern.search(text), part
        assert not pattern.search(xml), part
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    assert quotes and all(re.search(r"\((" + "|".join(case_labels) + r")\)$", q)
                          for q in quotes)
    assert "[name]" in text
