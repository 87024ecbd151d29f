"""The report's comparative chapters: the benchmarking matrix, frequencies by attribute
(table and chart), and code co-occurrence."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.document import Document
from docx.shared import Cm
from docx.table import _Cell

from qualcode.export import docx_parts
from qualcode.export.chart import frequency_chart
from qualcode.export.report_data import (
    CooccurrenceRow,
    FrequencyTable,
    MatrixEntry,
    MatrixRow,
    MatrixTable,
)
from qualcode.export.report_text import caption

# Ratings shaded from best (first level of the scale) to worst.
RAMP = ("C6E0B4", "E2EFDA", "FFF2CC", "FCE4D6", "F8CBAD")
WIDE_GROUPS = 5  # more groups than this and the frequency table goes landscape


def rating_colour(scale: Sequence[str], rating: str) -> str | None:
    if rating not in scale:
        return None
    if len(scale) == 1:
        return RAMP[0]
    step = (len(RAMP) - 1) / (len(scale) - 1)
    return RAMP[round(scale.index(rating) * step)]


def _row_label(cell: _Cell, row: MatrixRow, doc: Document, *, note: bool = True) -> None:
    docx_parts.write_cell(cell, row.organisation or row.case, doc, "Row Label")
    note_text = row.case if row.organisation else row.description
    if note and note_text:
        docx_parts.write_cell(cell, note_text, doc, "Row Note", paragraph=cell.add_paragraph())


def _scale_sentence(matrix: MatrixTable) -> str:
    return f" Ratings, from strongest: {', '.join(matrix.scale)}." if matrix.scale else ""


def add_matrix_overview(doc: Document, matrix: MatrixTable) -> None:
    """One landscape page: organisations (rows) by criteria (columns), the ratings only."""
    section = docx_parts.new_section(doc, landscape=True)
    docx_parts.heading(doc, "Benchmarking overview", 1)
    docx_parts.styled(
        doc, "Each organisation (row) against each criterion (column), as rated from the "
        f"interviews.{_scale_sentence(matrix)} A dash: not rated. Annex A gives the summary "
        "behind each rating.", "Normal")
    caption(doc, "Table", matrix.title, above=True)
    grid = docx_parts.table(doc, ["Organisation", *matrix.columns], [],
                            blank_rows=len(matrix.rows))
    for added, row in zip(grid.rows[1:], matrix.rows, strict=True):
        docx_parts.keep_row_together(added)
        _row_label(added.cells[0], row, doc, note=False)  # one page: the annex has the rest
        for cell, entry in zip(added.cells[1:], row.entries, strict=True):
            docx_parts.write_cell(cell, entry.rating or "–", doc, "Rating")
            colour = rating_colour(matrix.scale, entry.rating)
            if colour:
                docx_parts.shade(cell, colour)
    first = Cm(4.4)
    docx_parts.set_widths(grid, [first, *column_widths(
        matrix.columns, docx_parts.text_width(section).cm - first.cm)])
    docx_parts.new_section(doc, landscape=False)


def column_widths(headers: Sequence[str], total: float) -> list[Cm]:
    """Widths sharing ``total`` cm in proportion to each header's longest word, so no word
    of a criterion's name is broken across lines."""
    longest = [max([len(w) for w in h.split()] + [11]) for h in headers]
    return [Cm(total * n / sum(longest)) for n in longest]


def add_matrix_detail(doc: Document, matrix: MatrixTable) -> None:
    """The annex: every rated or summarised cell, drafts drawn from the interviews marked
    as quotation."""
    section = docx_parts.new_section(doc, landscape=True)
    docx_parts.heading(doc, f"Annex A. {matrix.title}: the detail", 1)
    drafts = any(e.draft for r in matrix.rows for e in r.entries)
    docx_parts.styled(
        doc, "The summary behind each rating of the benchmarking overview."
        f"{_scale_sentence(matrix)}"
        + (" Text in quotation marks is a draft drawn from the interview's own words, not "
           "yet a summary." if drafts else ""), "Normal")
    caption(doc, "Table", f"{matrix.title}, with summaries", above=True)
    grid = docx_parts.table(doc, ["Organisation", *matrix.columns], [],
                            blank_rows=len(matrix.rows))
    for added, row in zip(grid.rows[1:], matrix.rows, strict=True):
        docx_parts.keep_row_together(added)  # a row read across a page break loses its label
        _row_label(added.cells[0], row, doc)
        for cell, entry in zip(added.cells[1:], row.entries, strict=True):
            _detail_cell(doc, cell, entry, matrix.scale)
    width = docx_parts.text_width(section)
    first = Cm(4.2)
    other = Cm((width.cm - first.cm) / max(len(matrix.columns), 1))
    docx_parts.set_widths(grid, [first, *([other] * len(matrix.columns))])
    docx_parts.new_section(doc, landscape=False)


def _detail_cell(doc: Document, cell: _Cell, entry: MatrixEntry, scale: Sequence[str]) -> None:
    """The rating (shaded), then the summary; a draft in quotation marks, marked as such."""
    if entry.rating:
        docx_parts.write_cell(cell, entry.rating, doc, "Rating")
        colour = rating_colour(scale, entry.rating)
        if colour:
            docx_parts.shade(cell, colour)
    if entry.summary:
        target = cell.add_paragraph() if entry.rating else cell.paragraphs[0]
        if entry.draft:
            docx_parts.write_cell(cell, f"“{entry.summary}” (draft from the interview)", doc,
                                  "Cell Quote", paragraph=target)
        else:
            docx_parts.write_cell(cell, entry.summary, doc, "Table Text", paragraph=target)
    if not entry.rating and not entry.summary:
        docx_parts.write_cell(cell, "", doc, "Table Text")


def add_frequencies(doc: Document, table: FrequencyTable) -> None:
    wide = len(table.groups) > WIDE_GROUPS
    if wide:
        docx_parts.new_section(doc, landscape=True)
    docx_parts.heading(doc, f"Codes by {table.attribute}", 2)
    docx_parts.styled(
        doc, f"How many coded cases of each {table.attribute} were coded with each code or "
        "its sub-codes; n is the number of coded cases of that kind (interviews not yet coded "
        "are left out).", "Normal")
    header = ["Code", *(f"{g.value} (n={g.cases})" for g in table.groups),
              f"All (n={table.total_cases})"]
    rows = [[r.code.name, *(str(f.cases) for f in r.by_group), str(r.total.cases)]
            for r in table.rows]
    width = docx_parts.text_width(doc.sections[-1]).cm
    first = min(7.0, width / 2)
    other = Cm((width - first) / (len(table.groups) + 1))
    caption(doc, "Table", f"Coded cases per code, by {table.attribute}", above=True)
    grid = docx_parts.table(doc, header, rows,
                            widths=[Cm(first), *[other] * (len(table.groups) + 1)])
    for row, data in zip(grid.rows[1:], table.rows, strict=True):
        docx_parts.set_style(row.cells[0].paragraphs[0], doc,
                             "Row Label" if data.depth == 0 else "Table Text")
        row.cells[0].paragraphs[0].paragraph_format.left_indent = Cm(0.4 * data.depth)
    if has_variation(table):
        picture = docx_parts.styled(doc, "", "Figure")
        picture.add_run().add_picture(io.BytesIO(frequency_chart(table)),
                                      width=Cm(min(16.0, width)))
        caption(doc, "Figure", f"Share of the coded cases of each {table.attribute} coded "
                "with each top-level code (sub-codes included)", above=False)
    if wide:
        docx_parts.new_section(doc, landscape=False)


def has_variation(table: FrequencyTable) -> bool:
    """A chart is worth drawing when the groups differ on at least one top-level code."""
    groups = [i for i, g in enumerate(table.groups) if g.cases]
    if len(groups) < 2:
        return False
    for row in table.rows:
        if row.depth:
            continue
        shares = {round(row.by_group[i].cases / table.groups[i].cases, 3) for i in groups}
        if len(shares) > 1:
            return True
    return False


def add_cooccurrence(doc: Document, pairs: Sequence[CooccurrenceRow]) -> None:
    """The pairs of codes most often applied together; nothing when there are none."""
    if not pairs:
        return
    docx_parts.heading(doc, "Codes that occur together", 2)
    docx_parts.styled(
        doc, "The pairs of codes most often applied together: to overlapping text (how many "
        "pairs of codings overlap), and within the same speaker turn (in how many turns both "
        "occur).", "Normal")
    caption(doc, "Table", "Codes applied together", above=True)
    docx_parts.table(doc, ["Code", "Code", "Overlapping codings", "Same turn"],
                     [[p.first, p.second, str(p.overlapping), str(p.same_turn)]
                      for p in pairs], widths=[Cm(6), Cm(6), Cm(2.4), Cm(1.6)])
