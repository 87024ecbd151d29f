"""The report on a small project: a template's styles, file objects, options, errors."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

from qualcode.cli import main
from qualcode.core.errors import InputError, QualcodeError
from qualcode.services import report, sections
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
        assert "Method" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
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
    options = report.ReportOptions(codes=(str(boards.id),))
    # Without a finding of its own, the sub-code's key quote goes up to its chapter.
    data = report.build_report_data(project, options)
    assert [s.code.name for s in data.sections] == ["Governance"]
    assert len(data.sections[0].quotes) == 1
    synth.set_finding(project, boards, "Five countries decide together.", coder="ana")
    data = report.build_report_data(project, options)
    assert [s.code.name for s in data.sections] == ["Governance", "Steering groups"]
    assert [s.depth for s in data.sections] == [0, 1]
    assert data.sections[1].total.segments == 2
    assert [len(s.quotes) for s in data.sections] == [0, 1]
    top = report.build_report_data(project, report.ReportOptions(top_level_only=True))
    assert [s.code.name for s in top.sections] == ["Governance"]
    assert len(top.sections[0].quotes) == 1
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
    # One interview: its role and country would single its speaker out, so the
    # pseudonymised report names the case only (and warns that it left them out).
    assert quote.attribution == "CA-01"
    assert any("singled out" in w for w in data.warnings)
    plain = report.build_report_data(project, report.ReportOptions())
    assert next(q for s in plain.sections for q in s.quotes).attribution == (
        "Ana, Country associate, Moldova (CA-01)")


def test_report_command_checks_its_output_name(project: Store, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project.path), "report", str(tmp_path / "r.pdf")]) == 2
    synth.set_finding(project, find_code(project, "Knowledge sharing"), "Forums.", coder="ana")
    out = tmp_path / "sub" / "r.docx"
    assert main(["--project", str(project.path), "report", str(out), "--codes",
                 "Knowledge sharing", "--pseudonymise"]) == 0
    said = capsys.readouterr()
    assert "pseudonymised" in said.out
    assert "warning: no matrix 'benchmarking' is defined" in said.err
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
    titles = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert "Method" in titles and "Findings" not in titles
    assert not [p for p in doc.paragraphs if "to be written" in p.text]


def house_template(path: Path) -> Path:
    """A house style that differs from the default in body, headings, quotes and tables."""
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Courier New"
    normal.font.size = Pt(10)
    for level, colour in ((1, RGBColor(0x80, 0x00, 0x20)), (2, RGBColor(0x00, 0x60, 0x30))):
        heading = doc.styles[f"Heading {level}"]
        heading.font.size = Pt(20 - 3 * level)
        heading.font.color.rgb = colour
        heading.font.name = "Georgia"
    doc.styles["Quote"].font.color.rgb = RGBColor(0x00, 0x00, 0x99)
    table = doc.styles.add_style("Report Table", WD_STYLE_TYPE.TABLE)
    table.base_style = doc.styles["Light Grid Accent 1"]
    doc.save(str(path))
    return path


def synthesised(project: Store) -> Store:
    """The small project with every part of the report filled: findings, a rated matrix, the
    consultant's sections and a profile."""
    gov = find_code(project, "Governance")
    synth.set_finding(project, gov, "Steering groups decide.", coder="ana")
    synth.define_matrix(project, [gov], ["strong", "weak"], coder="ana")
    for case, rating in zip(project.cases.all(), ("strong", "weak"), strict=True):
        synth.set_cell(project, case, gov, rating=rating, summary="Board.", coder="ana")
    for kind in ("summary", "background", "conclusions", "recommendations"):
        sections.set_section(project, kind, f"The {kind}.\n\n- one point\n- another",
                             coder="ana")
    sections.set_profile(project, project.cases.all()[0], "An association.", coder="ana")
    return project


def paragraph_styles(doc: docx.document.Document) -> list[str]:
    inner = [p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return [p.style.name for p in [*doc.paragraphs, *inner]]


def test_a_house_template_restyles_every_part_of_the_report(project: Store,
                                                             tmp_path: Path) -> None:
    synthesised(project)
    plain_out, house_out = tmp_path / "plain.docx", tmp_path / "house.docx"
    template = house_template(tmp_path / "house-style.docx")
    report.write_report(project, plain_out, report.ReportOptions())
    report.write_report(project, house_out, report.ReportOptions(), template=template)
    plain, house = docx.Document(str(plain_out)), docx.Document(str(house_out))
    # The same structure, paragraph for paragraph, in the same named styles...
    assert paragraph_styles(plain) == paragraph_styles(house)
    assert [t.style.name for t in house.tables] == ["Report Table"] * len(house.tables)
    # ...whose looks come from the template: its body font, headings, quotes, tables.
    house_styles = docx.Document(str(template)).styles
    for name in ("Normal", "Heading 1", "Heading 2", "Quote", "Report Table"):
        ours = house.styles[name].element
        assert ours.xml == house_styles[name].element.xml, name
    assert plain.styles["Normal"].font.name != "Courier New"
    # Every paragraph's style leads back to one the template defines, so none keeps a look
    # of its own that the house style cannot reach.
    defined = {s.name for s in house_styles}
    for name in set(paragraph_styles(house)):
        style = house.styles[name]
        while style.name not in defined and style.base_style is not None:
            style = style.base_style
        assert style.name in defined, name
    assert all(r.element.rPr is None for p in house.paragraphs for r in p.runs)


def test_a_bad_template_is_one_line_and_writes_nothing(project: Store, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "report.docx"
    out.write_bytes(b"the previous report")
    bad = folder / "broken.dotx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    code = main(["--project", str(project.path), "report", str(out), "--template", str(bad)])
    err = capsys.readouterr().err.strip()
    assert code == 1 and err.count("\n") == 0
    assert "broken.dotx" in err and "not a Word document" in err
    assert out.read_bytes() == b"the previous report"
    assert sorted(p.name for p in folder.iterdir()) == ["broken.dotx", "report.docx"]


def test_a_report_interrupted_while_saving_leaves_the_old_file(
        project: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "report.docx"
    out.write_bytes(b"the previous report")

    def half_then_killed(self: object, target: object) -> None:
        if isinstance(target, str | Path):
            Path(target).write_bytes(b"PK\x03\x04half a zip")
        else:
            target.write(b"PK\x03\x04half a zip")  # type: ignore[attr-defined]
        raise KeyboardInterrupt  # as if the process were stopped mid-write

    monkeypatch.setattr(docx.document.Document, "save", half_then_killed)
    with pytest.raises(KeyboardInterrupt):
        report.write_report(project, out, report.ReportOptions())
    assert out.read_bytes() == b"the previous report"
    assert [p.name for p in folder.iterdir()] == ["report.docx"]


@pytest.mark.slow
def test_kill_9_while_writing_leaves_the_old_report_or_a_whole_new_one(
        project: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "report.docx"
    env = {**os.environ, "QUALCODE_CODER": "tester"}
    outcomes = set()
    for delay in (0.4, 0.9, 1.6, 2.5):
        out.write_bytes(b"the previous report")
        proc = subprocess.Popen(
            [sys.executable, "-m", "qualcode.cli", "--project", str(project.path), "report",
             str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if out.read_bytes() == b"the previous report":
            outcomes.add("old")
        else:
            assert docx.Document(str(out)).paragraphs, delay  # whole, opens
            outcomes.add("new")
    assert outcomes  # each run left one of the two, never a torn file
