"""The report's comparative chapters: the benchmarking matrix, frequencies by attribute
(table and chart), and code co-occurrence."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from qualcode.export import docx_parts
from qualcode.export.chart import frequency_chart
from qualcode.export.report_data import CooccurrenceRow, FrequencyTable, MatrixTable

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


def add_matrix(doc: Document, matrix: MatrixTable) -> None:
    section = docx_parts.new_section(doc, landscape=True)
    docx_parts.heading(doc, matrix.title, 1)
    scale = f" Ratings, from strongest: {', '.join(matrix.scale)}." if matrix.scale else ""
    doc.add_paragraph("Each case (row) against each criterion (column): a short summary of "
                      f"what the interviews show, with a rating.{scale}")
    width = docx_parts.text_width(section)
    first = Cm(4.2)
    other = Cm((width.cm - first.cm) / max(len(matrix.columns), 1))
    grid = docx_parts.table(doc, ["Case", *matrix.columns], [], widths=None, font_size=8,
                            blank_rows=len(matrix.rows))
    for added, row in zip(grid.rows[1:], matrix.rows, strict=True):
        docx_parts.keep_row_together(added)
        cells = added.cells
        label = docx_parts.write_cell(cells[0], row.case, bold=True, size=9)
        if row.description:
            docx_parts.add_run(label, "\n" + row.description, size=7.5)
        for cell, entry in zip(cells[1:], row.entries, strict=True):
            if entry.rating:
                docx_parts.write_cell(cell, entry.rating, bold=True, size=8.5)
                colour = rating_colour(matrix.scale, entry.rating)
                if colour:
                    docx_parts.shade(cell, colour)
            if entry.summary:
                paragraph = cell.paragraphs[0] if not entry.rating else cell.add_paragraph()
                docx_parts.add_run(paragraph, entry.summary, size=7.5)
    docx_parts.set_widths(grid, [first, *([other] * len(matrix.columns))])
    docx_parts.new_section(doc, landscape=False)


def add_frequencies(doc: Document, table: FrequencyTable) -> None:
    wide = len(table.groups) > WIDE_GROUPS
    if wide:
        docx_parts.new_section(doc, landscape=True)
    title = docx_parts.heading(doc, f"Codes by {table.attribute}", 1)
    title.paragraph_format.page_break_before = not wide
    doc.add_paragraph(
        f"How many cases of each {table.attribute} were coded with each code or its "
        "sub-codes; n is the number of cases of that kind.")
    header = ["Code", *(f"{g.value} (n={g.cases})" for g in table.groups),
              f"All (n={table.total_cases})"]
    rows = [[r.code.name, *(str(f.cases) for f in r.by_group), str(r.total.cases)]
            for r in table.rows]
    width = docx_parts.text_width(doc.sections[-1]).cm
    first = min(7.0, width / 2)
    other = Cm((width - first) / (len(table.groups) + 1))
    grid = docx_parts.table(doc, header, rows, font_size=8,
                            widths=[Cm(first), *[other] * (len(table.groups) + 1)])
    for row, data in zip(grid.rows[1:], table.rows, strict=True):
        row.cells[0].paragraphs[0].paragraph_format.left_indent = Cm(0.4 * data.depth)
        if data.depth == 0:
            for run in row.cells[0].paragraphs[0].runs:
                run.bold = True
    if any(g.cases for g in table.groups):
        picture = doc.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        picture.paragraph_format.space_before = Pt(12)
        picture.add_run().add_picture(io.BytesIO(frequency_chart(table)), width=Cm(16))
        docx_parts.styled(doc, f"Figure 1. Share of the cases of each {table.attribute} coded "
                          "with each top-level code (sub-codes included).", "Caption")
    if wide:
        docx_parts.new_section(doc, landscape=False)


def add_cooccurrence(doc: Document, pairs: Sequence[CooccurrenceRow]) -> None:
    docx_parts.heading(doc, "Codes that occur together", 1).paragraph_format \
        .page_break_before = True
    if not pairs:
        doc.add_paragraph("No two codes were applied to the same passage or turn.")
        return
    doc.add_paragraph(
        "The pairs of codes most often applied together: to overlapping text (how many pairs "
        "of codings overlap), and within the same speaker turn (in how many turns both "
        "occur).")
    docx_parts.table(doc, ["Code", "Code", "Overlapping codings", "Same turn"],
                     [[p.first, p.second, str(p.overlapping), str(p.same_turn)]
                      for p in pairs], widths=[Cm(6), Cm(6), Cm(2.4), Cm(1.6)], font_size=8)
