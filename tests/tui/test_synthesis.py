"""The Synthesis and Analysis areas, keyboard only, on the demo project: write a finding, pick
a key quote and jump to it, define the benchmarking matrix, edit a cell from its draft and
rate it, undo; frequencies split by an attribute; the Word report from the TUI.

Every change is checked on the screen and, through a second connection, in the project file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

from qualcode.core.model import Code
from qualcode.services import analysis
from qualcode.services.report import speaker_names
from qualcode.services.synthesis import draft_cell, is_key_quote, synthesis
from qualcode.store import Store
from qualcode.tui.app import create_app
from qualcode.tui.screens.analysis import AnalysisScreen
from qualcode.tui.screens.dialogs import Choose
from qualcode.tui.screens.report_dialog import ReportDialog
from qualcode.tui.screens.synthesis import SynthesisScreen
from qualcode.tui.screens.synthesis_dialogs import CellEditor, FindingEditor, MatrixDefinition
from qualcode.tui.screens.workbench import WorkbenchScreen
from qualcode.tui.widgets.cell_detail import CellDetail
from qualcode.tui.widgets.finding_panel import FindingPanel
from qualcode.tui.widgets.finding_tree import FindingTree
from qualcode.tui.widgets.frequency_table import FrequencyTable
from qualcode.tui.widgets.matrix_grid import MatrixGrid
from qualcode.tui.widgets.quote_list import QuoteList
from tests.tui.conftest import CODER, code_named
from tests.tui.helpers import remove_matrices, transcript_of, type_text

SIZE = (120, 40)


def shown(widget: Any) -> str:
    return str(widget.render())


async def open_synthesis(pilot: Any) -> SynthesisScreen:
    await pilot.press("f4")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the area reads in a worker
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SynthesisScreen)
    return screen


async def highlight(pilot: Any, reader: Store, code: Code) -> None:
    """Move the codebook cursor to ``code`` with the arrow keys."""
    tree = pilot.app.screen.query_one(FindingTree)
    line = [c.id for c in reader.codes.all()].index(code.id)
    await pilot.press(*["down"] * (line - tree.cursor_line))
    assert tree.highlighted_code == code.id


@pytest.mark.asyncio
async def test_write_a_finding_and_undo_it(demo_path: Path, reader: Store) -> None:
    code = code_named(reader, "Moderation")
    text = "Moderators make the forum work"
    app = create_app(demo_path, CODER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_synthesis(pilot)
        await highlight(pilot, reader, code)
        assert "No finding yet" in shown(screen.query_one(FindingPanel))

        await pilot.press("enter")  # or e
        await pilot.pause()
        assert isinstance(app.screen, FindingEditor)
        await type_text(pilot, text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        finding = synthesis(reader).findings[code.id or 0]
        assert (finding.text, finding.coder) == (text, CODER)
        assert text in shown(screen.query_one(FindingPanel))
        tree = screen.query_one(FindingTree)
        assert tree.cursor_node is not None and "✎" in str(tree.cursor_node.label)

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert code.id not in synthesis(reader).findings
        assert "No finding yet" in shown(screen.query_one(FindingPanel))
        assert tree.cursor_node is not None and "✎" not in str(tree.cursor_node.label)


@pytest.mark.asyncio
async def test_pick_a_key_quote_and_jump_to_it(demo_path: Path, reader: Store) -> None:
    code = code_named(reader, "Moderation")
    app = create_app(demo_path, CODER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_synthesis(pilot)
        await highlight(pilot, reader, code)
        quotes = screen.query_one(QuoteList)
        before = [line.coding.id for line in quotes.lines]
        assert before and all(is_key_quote(reader, reader.codings.get(i or 0)) for i in before)

        await pilot.press("p")
        chooser = app.screen
        assert isinstance(chooser, Choose)
        offered = [int(key) for key, _ in chooser.options]
        assert offered and not set(offered) & set(before)
        await pilot.press("down", "enter")
        await pilot.pause()
        picked = reader.codings.get(offered[1])
        assert picked.code_id == code.id and not picked.important
        assert is_key_quote(reader, picked) and picked.id in synthesis(reader).picks
        assert picked.id in [line.coding.id for line in quotes.lines]
        assert quotes.highlighted_coding is not None and quotes.highlighted_coding.id == picked.id
        assert "◆" in str(quotes.get_option_at_index(quotes.highlighted or 0).prompt)

        # Enter on the quote shows it in its transcript.
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        view = transcript_of(pilot)
        assert view.document is not None and view.document.id == picked.document_id
        assert view.selection is not None and view.selection.span == (picked.start, picked.end)

        # Back in the synthesis, x makes it no key quote again.
        await pilot.press("f4")
        await pilot.pause()
        assert quotes.highlighted_coding is not None and quotes.highlighted_coding.id == picked.id
        await pilot.press("x")
        await pilot.pause()
        assert not is_key_quote(reader, reader.codings.get(picked.id or 0))
        assert [line.coding.id for line in quotes.lines] == before


@pytest.mark.asyncio
async def test_define_the_matrix_and_edit_a_cell(demo_path: Path, reader: Store) -> None:
    remove_matrices(reader)  # the demo ships a rated matrix; this test defines one
    columns = [code_named(reader, "Moderation"), code_named(reader, "Governance")]
    case = reader.cases.all()[0]
    draft = draft_cell(reader, case, columns[0])
    assert draft
    app = create_app(demo_path, CODER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_synthesis(pilot)
        await pilot.press("m")
        assert "No benchmarking matrix" in shown(screen.query_one("#cell-detail", CellDetail))

        # Define it: tick Moderation and Governance, keep the offered scale.
        await pilot.press("D")
        dialog = app.screen
        assert isinstance(dialog, MatrixDefinition)
        ticks = dialog.query_one(SelectionList)
        ids = [c.id for c in reader.codes.all()]
        cursor = 0
        for code in columns:
            await pilot.press(*["down"] * (ids.index(code.id) - cursor), "space")
            cursor = ids.index(code.id)
        assert set(ticks.selected) == {c.id for c in columns}
        await pilot.press("ctrl+s")
        await pilot.pause()
        grid_def = synthesis(reader).matrix
        assert grid_def is not None
        assert grid_def.code_ids == tuple(c.id for c in columns)
        assert grid_def.scale == ("strong", "partial", "weak", "absent")
        grid = screen.query_one(MatrixGrid)
        assert grid.code_ids == [c.id for c in columns]
        assert grid.case_ids == [c.id for c in reader.cases.all()]
        assert app.focused is grid and grid.current == (case.id, columns[0].id)

        # Edit the first cell: the draft is offered; add a sentence and rate it strong.
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, CellEditor)
        assert editor.query_one(TextArea).text == draft
        await type_text(pilot, " Moderated daily.")
        await pilot.press("tab", "enter", "down", "enter")  # the rating: its first level
        assert editor.query_one(Select).value == "strong"
        await pilot.press("ctrl+s")
        await pilot.pause()
        cell = synthesis(reader).cells[(case.id or 0, columns[0].id or 0)]
        assert (cell.summary, cell.rating, cell.coder) == (f"{draft} Moderated daily.",
                                                           "strong", CODER)
        on_grid = str(grid.get_cell(str(case.id), str(columns[0].id)))
        assert on_grid.startswith(" strong ")
        assert "Moderated daily." in shown(screen.query_one("#cell-detail", CellDetail))

        # A number key rates the cell on the scale; ctrl+z takes it back.
        await pilot.press("3")
        await pilot.pause()
        assert synthesis(reader).cells[(case.id or 0, columns[0].id or 0)].rating == "weak"
        assert str(grid.get_cell(str(case.id), str(columns[0].id))).startswith(" weak ")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert synthesis(reader).cells[(case.id or 0, columns[0].id or 0)].rating == "strong"
        assert str(grid.get_cell(str(case.id), str(columns[0].id))).startswith(" strong ")
        assert grid.current == (case.id, columns[0].id)

        # Enter edits the cell too; Escape leaves it as it was.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CellEditor)
        assert app.screen.query_one(TextArea).text == f"{draft} Moderated daily."
        await pilot.press("escape")
        assert app.screen is screen

        # The panel below follows the cursor.
        second = reader.cases.all()[1]
        await pilot.press("down")
        assert grid.current == (second.id, columns[0].id)
        assert shown(screen.query_one("#cell-detail", CellDetail)).startswith(
            f"{second.name} × ")


@pytest.mark.asyncio
async def test_analysis_split_by_peer_group(demo_path: Path, reader: Store) -> None:
    split = analysis.frequencies_by(reader, "peer group")
    totals = analysis.frequencies(reader)
    names = list(reader.attributes.types())
    app = create_app(demo_path, CODER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        await app.workers.wait_for_complete()  # counted in a worker thread
        await pilot.pause()
        table = screen.query_one(FrequencyTable)
        assert table.columns_shown == ["Segments", "Documents", "Cases"]
        assert table.row_count == len(reader.codes.all())

        await pilot.press("a", *["down"] * (names.index("peer group") + 1), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.attribute == "peer group"
        assert table.columns_shown == [g.value for g in split.groups] + ["All"]
        code = code_named(reader, "Moderation")
        row = [str(cell).strip() for cell in table.get_row(str(code.id))][1:]
        assert row == [str(split.frequency(code.id or 0, g.value).cases)
                       for g in split.groups] + [str(totals[code.id or 0].cases)]
        await pilot.press("n")  # count segments instead of cases
        row = [str(cell).strip() for cell in table.get_row(str(code.id))][1:]
        assert row == [str(split.frequency(code.id or 0, g.value).segments)
                       for g in split.groups] + [str(totals[code.id or 0].segments)]


@pytest.mark.asyncio
async def test_write_the_report(demo_path: Path, reader: Store, tmp_path: Path) -> None:
    out = tmp_path / "client report.docx"
    top = [c for c in reader.codes.all() if c.parent_id is None]
    names = speaker_names(reader)
    assert names
    app = create_app(demo_path, CODER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_synthesis(pilot)
        await pilot.press("w")
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        assert dialog.query_one(Input).value == str(demo_path.with_name("demo-report.docx"))
        dialog.query_one(Input).value = str(out)
        box = dialog.query_one("#report-pseudonymise", Checkbox)
        assert box.value and "ON" in str(box.label)  # on by default, and says so
        await pilot.press("tab", "space")  # off: the label says so too
        assert not box.value and "OFF" in str(box.label) and box.has_class("-off")
        await pilot.press("space")  # on again
        assert box.value and "ON" in str(box.label)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        await app.workers.wait_for_complete()  # written in a worker thread
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any(m.startswith(f"Report written: {out}") and "pseudonymised" in m
                   for m in said), said

    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    chapters = [h for h in headings if h in {c.name for c in top}]
    assert chapters == [c.name for c in top]  # the demo has something to say on every theme
    text = "\n".join(p.text for p in document.paragraphs)
    assert not [n for n in names if n in text]


def test_report_path_is_checked(tmp_path: Path) -> None:
    from qualcode.tui.screens.report_dialog import resolve_report_path

    project = tmp_path / "study.qualcode"
    assert resolve_report_path("out/report.docx", project) == f"{tmp_path / 'out'}: no such folder"
    assert resolve_report_path("report.docx", project) == tmp_path / "report.docx"
    assert resolve_report_path(" ", project) == "Give the path of the .docx to write."
    assert resolve_report_path("notes.txt", project) == "notes.txt should end in .docx"
    (tmp_path / "folder.docx").mkdir()
    assert resolve_report_path(str(tmp_path / "folder.docx"), project) == \
        f"{tmp_path / 'folder.docx'} is a folder"


@pytest.mark.asyncio
async def test_write_a_case_profile_and_a_section(demo_path: Path, reader: Store) -> None:
    from qualcode.services import sections
    from qualcode.tui.screens.dialogs import Choose
    from qualcode.tui.screens.report_sections import SectionEditor

    case = reader.cases.all()[0]  # CA-01: no profile in the demo
    assert case.id not in sections.profiles(reader)
    summary = sections.report_sections(reader)["summary"].text
    app = create_app(demo_path, CODER)
    async with app.run_test(size=SIZE) as pilot:
        await open_synthesis(pilot)
        await pilot.press("W")
        assert isinstance(app.screen, Choose)
        await pilot.press(*["down"] * 7, "enter")  # after the seven sections: CA-01
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, SectionEditor) and editor.query_one(TextArea).text == ""
        await type_text(pilot, "A country associate.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert sections.profiles(reader)[case.id or 0].text == "A country associate."
        # The executive summary opens with its text, ready to edit.
        await pilot.press("W", "enter")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == summary
        await pilot.press("escape")
        await pilot.press("ctrl+z")  # the profile, undone
        await pilot.pause()
        assert case.id not in sections.profiles(reader)
