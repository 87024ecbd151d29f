"""Parts of the report on the small synthesis project: draft matrix cells, memos, the chart's
condition, the matrix as a workbook, options."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl

from qualcode.analysis.frequencies import Frequency, Group
from qualcode.core.model import Code, MemoTarget
from qualcode.export.matrix_xlsx import write_matrix_xlsx
from qualcode.export.report_data import FrequencyRow, FrequencyTable
from qualcode.export.report_tables import has_variation
from qualcode.services import report
from qualcode.services import synthesis as synth
from qualcode.services.codes import find_code
from qualcode.services.report_matrix import is_draft
from qualcode.store import Store


def test_a_draft_cell_is_marked_as_quotation_and_empty_rows_left_out(project: Store,
                                                                     tmp_path: Path) -> None:
    gov = find_code(project, "Steering groups")
    synth.define_matrix(project, [gov], ["strong", "weak"], coder="ana")
    ca01, po01 = project.cases.all()
    draft = synth.draft_cell(project, ca01, gov)
    assert draft and is_draft(draft, ["A steering group of five countries decides."])
    synth.set_cell(project, ca01, gov, summary=draft, rating="strong", coder="ana")
    data = report.build_report_data(project, report.ReportOptions())
    assert data.matrix is not None
    assert [r.case for r in data.matrix.rows] == ["CA-01"]  # PO-01 has no cell: left out
    assert data.matrix.rows[0].entries[0].draft
    assert any("drafts drawn from the interviews" in f for f in data.limitations)
    synth.set_cell(project, po01, gov, summary="Five countries decide.", coder="ana")
    data = report.build_report_data(project, report.ReportOptions())
    assert data.matrix is not None
    assert [e.draft for r in data.matrix.rows for e in r.entries] == [True, False]
    out = io.BytesIO()
    report.write_report(project, out, report.ReportOptions())
    cells = [c.text for t in docx.Document(io.BytesIO(out.getvalue())).tables
             for r in t.rows for c in r.cells]
    assert f"strong\n“{draft}” (draft from the interview)" in cells
    assert "Five countries decide." in cells
    written = tmp_path / "out" / "matrix.xlsx"
    assert write_matrix_xlsx(data.matrix, written) == 2
    detail = [[c.value for c in r] for r in openpyxl.load_workbook(written)["Detail"].iter_rows()]
    assert detail[1] == ["CA-01", "CA-01", f"strong: “{draft}” (draft)"]
    assert [p.name for p in written.parent.iterdir()] == ["matrix.xlsx"]  # no temporary left


def test_memos_reach_the_report_unless_left_out(project: Store) -> None:
    gov = find_code(project, "Governance")
    with project.action("memo", coder="ana"):
        project.memos.set(MemoTarget.CODE, gov.id, "Ask about the 2019 reform.", "ana")
    with_memos = report.build_report_data(project, report.ReportOptions())
    assert next(s for s in with_memos.sections if s.code.id == gov.id).memo == \
        "Ask about the 2019 reform."
    without = report.build_report_data(project, report.ReportOptions(memos=False))
    assert all(s.memo == "" for s in without.sections)


def _table(shares: list[list[int]], sizes: list[int]) -> FrequencyTable:
    groups = tuple(Group(f"g{i}", n, n) for i, n in enumerate(sizes))
    rows = tuple(FrequencyRow(code=Code(name=f"c{r}", guid=f"g{r}", id=r), depth=0,
                              total=Frequency(r),
                              by_group=tuple(Frequency(r, cases=n) for n in counts))
                 for r, counts in enumerate(shares))
    return FrequencyTable(attribute="group", groups=groups, total_cases=sum(sizes), rows=rows)


def test_a_chart_is_drawn_only_when_the_groups_differ() -> None:
    assert not has_variation(_table([[5, 2], [5, 2]], [5, 2]))  # everyone: 100% everywhere
    assert not has_variation(_table([[2, 1]], [4, 2]))  # 50% and 50%
    assert has_variation(_table([[2, 2]], [4, 2]))  # 50% against 100%
    assert not has_variation(_table([[2]], [4]))  # one group: nothing to compare
