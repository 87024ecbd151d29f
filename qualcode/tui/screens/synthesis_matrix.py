"""The Matrix view of the synthesis screen: define the benchmarking matrix, edit a cell's
summary (offered a draft from the case's coded segments) and rate it with a number key.

Each change is one call of qualcode.services.synthesis (one undoable action).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.widgets import DataTable, Static

from qualcode.core.model import Case, Code
from qualcode.core.synthesis import Matrix
from qualcode.core.wording import plural
from qualcode.services import attribution
from qualcode.services.synthesis import define_matrix, draft_cell, parse_scale, set_cell
from qualcode.tui.context import attempt, project_of
from qualcode.tui.screens.synthesis_dialogs import (
    CellEdit,
    CellEditor,
    MatrixDefinition,
    MatrixDraft,
)
from qualcode.tui.widgets.cell_detail import CellDetail, scale_keys
from qualcode.tui.widgets.matrix_grid import MatrixGrid

if TYPE_CHECKING:
    from qualcode.tui.screens.hosts import SynthesisHost

    Base = SynthesisHost
else:
    Base = object

MATRIX_ACTIONS = {"edit_cell", "rate", "define"}
NO_MATRIX = ("No benchmarking matrix yet. D defines one: tick the codes to compare the cases "
             "on, and name the rating scale (e.g. strong, partial, weak, absent).")


class MatrixActions(Base):
    @property
    def grid(self) -> Matrix | None:
        return self.state.matrix

    def show_matrix(self) -> None:
        grid, table = self.grid, self.query_one(MatrixGrid)
        legend = self.query_one("#matrix-scale", Static)
        if grid is None:
            table.show([], [], (), {})
            table.display = legend.display = False
            self.query_one("#cell-detail", CellDetail).clear(NO_MATRIX)
            return
        table.display = legend.display = True
        columns = [self.code_by_id[i] for i in grid.code_ids if i in self.code_by_id]
        table.show(self.cases, columns, grid.scale, self.state.cells,
                   {c.id or 0: attribution.describe(c) for c in self.cases})
        legend.update(scale_keys(grid.scale))
        self.show_cell()

    def current_cell(self) -> tuple[Case, Code] | None:
        found = self.query_one(MatrixGrid).current
        if found is None:
            return None
        case = next((c for c in self.cases if c.id == found[0]), None)
        code = self.code_by_id.get(found[1])
        return (case, code) if case is not None and code is not None else None

    def show_cell(self) -> None:
        detail = self.query_one("#cell-detail", CellDetail)
        here = self.current_cell()
        if here is None or self.grid is None:
            detail.clear("No cell: the matrix needs cases (rows) and codes (columns).")
            return
        case, code = here
        cell = self.state.cells.get((case.id or 0, code.id or 0))
        detail.show(case.name, self.paths.get(code.id or 0, code.name), cell, self.grid.scale)

    # Handlers by name: ``@on`` is not collected from a plain mixin class.
    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self.show_cell()

    def on_matrix_grid_edit(self, event: MatrixGrid.Edit) -> None:
        self.action_edit_cell()

    # -- changing the matrix -------------------------------------------------------------------
    def action_define(self) -> None:
        grid = self.grid

        def defined(draft: MatrixDraft | None) -> None:
            if draft is None:
                return
            store, coder = project_of(self).store, project_of(self).coder
            codes = [self.code_by_id[i] for i in draft.code_ids if i in self.code_by_id]
            done = attempt(self, lambda: define_matrix(store, codes, parse_scale(draft.scale),
                                                       coder=coder))
            if done is not None:
                self.reread()
                self.notify(f"Matrix: {plural(len(done.code_ids), 'column')}"
                            + (f", scale {', '.join(done.scale)}" if done.scale else ""),
                            timeout=4)

        self.app.push_screen(MatrixDefinition(self.codes, self.paths,
                                              grid.code_ids if grid else (),
                                              grid.scale if grid else ()), defined)

    def action_edit_cell(self) -> None:
        here = self.current_cell()
        if here is None or self.grid is None:
            self.notify("No cell to edit (D defines the matrix).", severity="warning",
                        timeout=3)
            return
        case, code = here
        store = project_of(self).store
        cell = self.state.cells.get((case.id or 0, code.id or 0))
        summary, rating = (cell.summary, cell.rating) if cell else ("", "")

        def edited(edit: CellEdit | None) -> None:
            if edit is None or (edit.summary.strip(), edit.rating) == (summary, rating):
                return
            self.save_cell(case, code, summary=edit.summary, rating=edit.rating)

        title = f"{case.name} × {self.paths.get(code.id or 0, code.name)}"
        self.app.push_screen(CellEditor(title, summary, rating, self.grid.scale,
                                        draft_cell(store, case, code)), edited)

    def action_rate(self, number: int) -> None:
        here = self.current_cell()
        if here is None or self.grid is None:
            return
        scale = self.grid.scale
        if number > len(scale):
            self.notify(f"The scale has {plural(len(scale), 'level')}: "
                        + (", ".join(f"{i} {s}" for i, s in enumerate(scale, 1)) or
                           "name some with D"), severity="warning", timeout=4)
            return
        case, code = here
        cell = self.state.cells.get((case.id or 0, code.id or 0))
        rating = scale[number - 1] if number else ""
        if rating != (cell.rating if cell else ""):
            self.save_cell(case, code, rating=rating)

    def save_cell(self, case: Case, code: Code, *, summary: str | None = None,
                  rating: str | None = None) -> None:
        """One undoable action; an empty cell (no summary, no rating) is removed."""
        store, coder = project_of(self).store, project_of(self).coder
        attempt(self, lambda: set_cell(store, case, code, coder=coder, summary=summary,
                                       rating=rating))
        self.reread()

    def rating_commands(self) -> Iterable[tuple[str, str, str]]:
        for number, level in enumerate(self.grid.scale[:9] if self.grid else (), start=1):
            yield f"Rate the cell {level}", f"key: {number}", f"rate({number})"
        if self.grid and self.grid.scale:
            yield "Clear the cell's rating", "key: 0", "rate(0)"
