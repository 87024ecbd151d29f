"""The report on a small project: a template's styles, file objects, options, errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor

from qualcode.cli import main
from qualcode.core.errors import InputError, QualcodeError
from qualcode.services import report
from qualcode.services import synthesis as synth
from qualcode.services.codes import find_code
from qualcode.store import Store
from tests.export.docx_text import all_text

TEMPLATE_TEXT = "This paragraph belongs to the template's body."


@pytest.fixture
def template(tmp_path: Path) -> Path:
    doc = docx.Document()
    heading = doc.styles["Heading 1"]
    heading.font.size = Pt(31)
    heading.font.color.rgb = RGBColor(0x80, 0x00, 0x20)
    doc.sections[0].header.paragraphs[0].text = "House style"
    doc.add_paragraph(TEMPLATE_TEXT)
    path = tmp_path / "house.docx"
    doc.save(str(path))
    return path


def as_dotx(source: Path, dest: Path) -> Path:
    """The same package labelled as a Word template, as Word saves a .dotx."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dest, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(item, data)
    return dest


def test_template_styles_are_used_and_its_body_left_out(project: Store, template: Path,
                                                        tmp_path: Path) -> None:
    for path in (template, as_dotx(template, tmp_path / "house.dotx")):
        out = io.BytesIO()
        report.write_report(project, out, report.ReportOptions(title="Pilot"), template=path)
        doc = docx.Document(io.BytesIO(out.getvalue()))
        assert doc.styles["Heading 1"].font.size == Pt(31)
        assert TEMPLATE_TEXT not in [p.text for p in doc.paragraphs]
        assert "Methodology" in [p.text for p in doc.paragraphs
                                 if p.style.name == "Heading 1"]
        assert doc.paragraphs[0].text == "" and "Pilot" in [p.text for p in doc.paragraphs]
        # The house header stays; the page number is added to the footer.
        assert doc.sections[0].header.paragraphs[0].text == "House style"
        assert "PAGE" in doc.sections[0].footer._element.xml


def test_not_a_word_file_as_template_is_one_clear_error(project: Store,
                                                        tmp_path: Path) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("not a zip")
    with pytest.raises(InputError, match=r"notes\.docx: not a Word document"):
        report.write_report(project, tmp_path / "r.docx", report.ReportOptions(),
                            template=bad)


def test_codes_option_keeps_the_chosen_codes_and_their_parents(project: Store) -> None:
    boards = find_code(project, "Steering groups")
    data = report.build_report_data(project, report.ReportOptions(codes=(str(boards.id),)))
    assert [s.code.name for s in data.sections] == ["Governance", "Steering groups"]
    assert [s.depth for s in data.sections] == [0, 1]
    assert data.sections[1].total.segments == 2
    assert data.frequencies is not None
    assert [r.code.name for r in data.frequencies.rows] == ["Governance", "Steering groups"]


def test_split_attribute_is_chosen_or_checked(project: Store) -> None:
    data = report.build_report_data(project, report.ReportOptions(by="COUNTRY"))
    assert data.frequencies is not None and data.frequencies.attribute == "country"
    assert [g.value for g in data.frequencies.groups] == ["Global", "Moldova"]
    with pytest.raises(QualcodeError, match="no case attribute 'sector'"):
        report.build_report_data(project, report.ReportOptions(by="sector"))


def test_redact_without_pseudonymising_replaces_only_the_listed_names(
        project: Store) -> None:
    gov = find_code(project, "Governance")
    synth.set_finding(project, gov, "Ana and Bob agree with Carla.", coder="ana")
    data = report.build_report_data(project, report.ReportOptions(redact=("Carla Jones",)))
    assert data.sections[0].finding == "Ana and Bob agree with [name]."
    data = report.build_report_data(project, report.ReportOptions(pseudonymise=True))
    # "Ana" speaks in the fixture's transcripts.
    assert data.sections[0].finding == "[name] and Bob agree with Carla."
    quote = next(q for s in data.sections for q in s.quotes)
    assert quote.attribution == "Country associate, Moldova (CA-01)"
    plain = report.build_report_data(project, report.ReportOptions())
    assert next(q for s in plain.sections for q in s.quotes).attribution == (
        "Ana, Country associate, Moldova (CA-01)")


def test_report_command_checks_its_output_name(project: Store, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project.path), "report", str(tmp_path / "r.pdf")]) == 2
    out = tmp_path / "sub" / "r.docx"
    assert main(["--project", str(project.path), "report", str(out), "--codes",
                 "Knowledge sharing", "--pseudonymise"]) == 0
    assert "pseudonymised" in capsys.readouterr().out
    doc = docx.Document(str(out))
    titles = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Knowledge sharing" in titles and "Steering groups" not in titles
    assert "Steering groups" in all_text(doc)  # the appendix keeps the whole codebook


@pytest.mark.parametrize("fixture", ["store", "seeded"])  # empty; documents and codes only
def test_a_project_with_nothing_coded_still_gets_a_report(
        fixture: str, request: pytest.FixtureRequest) -> None:
    project: Store = request.getfixturevalue(fixture)
    out = io.BytesIO()
    data = report.write_report(project, out, report.ReportOptions())
    assert data.matrix is None and data.frequencies is None and data.cooccurrence == ()
    doc = docx.Document(io.BytesIO(out.getvalue()))
    assert "Methodology" in [p.text for p in doc.paragraphs]
