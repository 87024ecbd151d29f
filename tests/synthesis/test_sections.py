"""The consultant's own report sections, case profiles and shortened key quotes: stored as
undoable actions, checked, and shown in the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.errors import QualcodeError
from qualcode.core.sections import shortening_problem
from qualcode.services import history, sections
from qualcode.services.report import ReportOptions, build_report_data
from qualcode.store import Store

ORIGINAL = ("Mostly in the forum. We also run webinars every month, and people come back "
            "when the topic is practical.")


@pytest.mark.parametrize("shortened, problem", [
    ("Mostly in the forum … people come back when the topic is practical.", ""),
    ("Mostly in the forum ... [the members] come back when the topic is practical.", ""),
    ("We also run webinars [monthly] …", ""),
    ("Mostly in the library.", "'mostly in the library.' is not in the original"),
    ("people come back … Mostly in the forum.", "is not in the original quote (or not in this"),
    ("  ", "the shortened quote is empty"),
])
def test_a_shortening_keeps_the_speakers_words_in_order(shortened: str, problem: str) -> None:
    found = shortening_problem(ORIGINAL, shortened)
    assert (problem in found) if problem else found == ""


def test_sections_are_written_renamed_removed_and_undone(project: Store) -> None:
    saved = sections.set_section(project, "summary", "  The short version.  ", coder="ana")
    assert saved is not None and saved.text == "The short version."
    assert saved.heading == "Executive summary" and saved.coder == "ana"
    sections.set_section(project, "free", "Reach.", coder="ana",
                         title="Criteria for the impact study")
    own = sections.report_sections(project)
    assert own["free"].heading == "Criteria for the impact study"
    assert sections.set_section(project, "summary", "", coder="ana") is None
    assert "summary" not in sections.report_sections(project)
    history.undo(project)
    assert sections.report_sections(project)["summary"].text == "The short version."
    with pytest.raises(QualcodeError, match="no report section 'preface'"):
        sections.find_kind("preface")
    assert sections.find_kind("Exec") == "summary" and sections.find_kind("rec") == \
        "recommendations"


def test_the_report_shows_sections_profiles_and_shortened_quotes(project: Store) -> None:
    sections.set_section(project, "summary", "First.\n\n- a point\n- another", coder="ana")
    case = project.cases.all()[0]
    sections.set_profile(project, case, "A national association.", coder="ana")
    quote = next(c for c in project.codings.all() if c.important)
    shortened = sections.shorten_quote(project, quote, "A steering group … decides.",
                                       coder="ana")
    assert shortened is not None
    with pytest.raises(QualcodeError, match=f"coding {quote.id}: 'parliament'"):
        sections.shorten_quote(project, quote, "A steering group … parliament", coder="ana")
    data = build_report_data(project, ReportOptions())
    assert data.own["summary"].text.startswith("First.")
    assert [p.case for p in data.profiles] == [case.name]
    assert data.profiles[0].text == "A national association."
    shown = next(q for s in data.sections for q in s.quotes if q.coding_id == quote.id)
    assert shown.text == "A steering group … decides." and shown.shortened
    assert quote.text in project.codings.get(quote.id or 0).text  # the original stays linked
    sections.shorten_quote(project, quote, "", coder="ana")
    data = build_report_data(project, ReportOptions())
    shown = next(q for s in data.sections for q in s.quotes if q.coding_id == quote.id)
    assert shown.text == quote.text and not shown.shortened


def test_section_commands(project: Store, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    path = str(project.path)
    assert main(["--project", path, "synth", "section", "background",
                 "What was asked."]) == 0
    assert main(["--project", path, "synth", "section", "free", "Reach.",
                 "--title", "Criteria"]) == 0
    assert main(["--project", path, "synth", "profile", "PO-01", "A global network."]) == 0
    assert main(["--project", path, "synth", "section", "preface", "x"]) == 1
    said = capsys.readouterr()
    assert "Background: saved" in said.out and "profile of PO-01: saved" in said.out
    assert said.err.strip().startswith("qualcode: error: no report section 'preface'")
    assert main(["--project", path, "synth", "sections", "--format", "csv"]) == 0
    listing = capsys.readouterr().out
    assert "background,Background,3" in listing and "free,Criteria,1" in listing
    assert "profile,PO-01,3" in listing
    quote = next(c for c in project.codings.all() if c.important)
    assert main(["--project", path, "synth", "shorten", str(quote.id),
                 "A steering group … decides."]) == 0
    assert "shortened to" in capsys.readouterr().out
