"""Findings, key quotes and the framework matrix: stored, validated, undoable."""

from __future__ import annotations

import pytest

from qualcode.core.errors import NotFound, QualcodeError
from qualcode.services import codes, history
from qualcode.services import synthesis as synth
from qualcode.services.codes import find_code
from qualcode.store import Store


def test_finding_is_set_changed_removed_and_undone(project: Store) -> None:
    gov = find_code(project, "Governance")
    found = synth.set_finding(project, gov, "  Steering groups own the agenda. ", coder="ana")
    assert found is not None and found.text == "Steering groups own the agenda."
    assert found.coder == "ana"
    synth.set_finding(project, gov, "Revised.", coder="ana")
    assert synth.synthesis(project).findings[gov.id or 0].text == "Revised."
    history.undo(project)
    assert synth.synthesis(project).findings[gov.id or 0].text == (
        "Steering groups own the agenda.")
    history.redo(project)
    assert synth.set_finding(project, gov, "", coder="ana") is None
    assert gov.id not in synth.synthesis(project).findings
    history.undo(project)
    assert synth.synthesis(project).findings[gov.id or 0].text == "Revised."


def test_setting_the_same_finding_again_leaves_no_action(project: Store) -> None:
    gov = find_code(project, "Governance")
    synth.set_finding(project, gov, "Same.", coder="ana")
    before = len(project.history())
    synth.set_finding(project, gov, "Same.", coder="ana")
    assert len(project.history()) == before


def test_key_quotes_are_important_or_picked(project: Store) -> None:
    boards = find_code(project, "Steering groups")
    important = [c for c in project.codings.all() if c.important]
    assert [c.id for c in synth.key_quotes(project)] == [important[0].id]
    other = project.codings.all(code_ids=[boards.id or 0])[1]
    assert synth.pick_quote(project, other, coder="ana")
    assert not synth.pick_quote(project, project.codings.get(other.id or 0), coder="ana")
    assert [c.id for c in synth.key_quotes(project, boards)] == sorted(
        [important[0].id or 0, other.id or 0])
    history.undo(project)
    assert [c.id for c in synth.key_quotes(project)] == [important[0].id]


def test_unpick_also_unmarks_important_and_undo_restores_both(project: Store) -> None:
    marked = next(c for c in project.codings.all() if c.important)
    assert synth.unpick_quote(project, marked, coder="ana")
    assert not project.codings.get(marked.id or 0).important
    assert synth.key_quotes(project) == []
    assert not synth.unpick_quote(project, project.codings.get(marked.id or 0), coder="ana")
    history.undo(project)
    assert project.codings.get(marked.id or 0).important


def test_matrix_define_cells_ratings_and_undo(project: Store) -> None:
    gov, sharing = find_code(project, "Governance"), find_code(project, "Knowledge sharing")
    grid = synth.define_matrix(project, [gov, sharing], ["strong", "partial", "weak"],
                               coder="ana")
    assert grid.code_ids == (gov.id, sharing.id)
    assert grid.scale == ("strong", "partial", "weak")
    case = synth.find_case(project, "ca-01")
    cell = synth.set_cell(project, case, gov, summary="Has a board.", rating="Strong",
                          coder="ana")
    assert cell is not None and (cell.summary, cell.rating) == ("Has a board.", "strong")
    # None leaves a part alone; "" clears it.
    cell = synth.set_cell(project, case, gov, rating="weak", coder="ana")
    assert cell is not None and (cell.summary, cell.rating) == ("Has a board.", "weak")
    assert synth.set_cell(project, case, gov, summary="", rating="", coder="ana") is None
    history.undo(project)
    history.undo(project)
    cells = synth.synthesis(project).cells
    assert cells[(case.id or 0, gov.id or 0)].rating == "strong"
    with pytest.raises(QualcodeError, match="not on the scale"):
        synth.set_cell(project, case, gov, rating="excellent", coder="ana")
    with pytest.raises(QualcodeError, match="not a column"):
        synth.set_cell(project, case, find_code(project, "Steering groups"), rating="weak",
                       coder="ana")


def test_redefining_keeps_cells_and_protects_ratings_in_use(project: Store) -> None:
    gov, sharing = find_code(project, "Governance"), find_code(project, "Knowledge sharing")
    synth.define_matrix(project, [gov, sharing], ["strong", "weak"], coder="ana")
    case = synth.find_case(project, "PO-01")
    synth.set_cell(project, case, sharing, summary="Forum.", rating="weak", coder="ana")
    with pytest.raises(QualcodeError, match="weak"):
        synth.define_matrix(project, [gov, sharing], ["good", "bad"], coder="ana")
    grid = synth.define_matrix(project, [gov], ["strong", "weak"], coder="ana")
    assert grid.code_ids == (gov.id,)
    assert synth.synthesis(project).cells == {}  # the column is gone, so is its cell
    grid = synth.define_matrix(project, [sharing, gov], ["strong", "weak"], coder="ana")
    assert grid.code_ids == (sharing.id, gov.id)
    assert synth.synthesis(project).cells[(case.id or 0, sharing.id or 0)].summary == "Forum."
    with pytest.raises(QualcodeError, match="twice"):
        synth.parse_scale("high, High")


def test_cells_need_a_defined_matrix(project: Store) -> None:
    with pytest.raises(QualcodeError, match="synth matrix define"):
        synth.set_cell(project, synth.find_case(project, "CA-01"),
                       find_code(project, "Governance"), rating="x", coder="ana")
    with pytest.raises(NotFound):
        synth.find_case(project, "XX-99")


def test_draft_cell_uses_the_case_codings_of_the_code_and_its_sub_codes(
        project: Store) -> None:
    case = synth.find_case(project, "CA-01")
    draft = synth.draft_cell(project, case, find_code(project, "Governance"))
    assert draft == "A steering group of five countries decides."
    assert synth.draft_cell(project, case, find_code(project, "Knowledge sharing")) == (
        "We also run webinars every month.")
    assert synth.draft_cell(project, synth.find_case(project, "PO-01"),
                            find_code(project, "Knowledge sharing")) == ""


def test_deleting_a_code_hides_its_synthesis_and_undo_brings_it_back(project: Store) -> None:
    gov = find_code(project, "Governance")
    boards = find_code(project, "Steering groups")
    synth.set_finding(project, gov, "Boards matter.", coder="ana")
    synth.set_finding(project, boards, "Five countries.", coder="ana")
    synth.define_matrix(project, [gov], ["yes", "no"], coder="ana")
    marked = next(c for c in project.codings.all() if c.important)
    synth.pick_quote(project, project.codings.all(code_ids=[boards.id or 0])[1], coder="ana")
    codes.delete_code(project, gov, coder="ana")  # not blocked by findings or picks
    done = synth.synthesis(project)
    assert done.findings == {} and done.picks == {}
    assert done.matrix is not None and done.matrix.code_ids == ()
    history.undo(project)
    done = synth.synthesis(project)
    assert {f.text for f in done.findings.values()} == {"Boards matter.", "Five countries."}
    assert len(done.picks) == 1 and done.matrix is not None
    assert done.matrix.code_ids == (gov.id,)
    assert project.codings.get(marked.id or 0).important
