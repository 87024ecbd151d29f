"""The Word report: title page, contents, methodology, findings by code, the benchmarking
matrix, frequencies with a chart, co-occurrence, and the codebook as an appendix.

Takes a :class:`ReportData` (already pseudonymised if asked) and writes it to a path or a
binary file object. Word heading styles throughout, so the navigation pane works.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from qualcode.export import docx_parts, toc
from qualcode.export.codebook_docx import add_codebook
from qualcode.export.docx_parts import Destination
from qualcode.export.report_data import ReportData
from qualcode.export.report_findings import add_findings
from qualcode.export.report_method import add_methodology
from qualcode.export.report_tables import add_cooccurrence, add_frequencies, add_matrix


def write_report(data: ReportData, dest: Destination, *, template: Path | None = None) -> None:
    doc = docx_parts.new_document(template)
    docx_parts.page_furniture(doc.sections[0], data.title)
    _title_page(doc, data)
    anchor = _contents(doc)
    add_methodology(doc, data.methodology, pseudonymised=data.pseudonymised)
    add_findings(doc, data.sections, data.methodology.cases)
    if data.matrix is not None:
        add_matrix(doc, data.matrix)
    if data.frequencies is not None:
        add_frequencies(doc, data.frequencies)
    add_cooccurrence(doc, data.cooccurrence)
    docx_parts.heading(doc, "Appendix A. Codebook", 1).paragraph_format.page_break_before = True
    add_codebook(doc, data.codebook)
    toc.fill_toc(doc, anchor)
    docx_parts.update_fields_on_open(doc)
    _properties(doc, data)
    docx_parts.save(doc, dest)


def _title_page(doc: Document, data: ReportData) -> None:
    for _ in range(6):
        doc.add_paragraph()
    docx_parts.styled(doc, data.title, "Title")
    if data.subtitle:
        docx_parts.styled(doc, data.subtitle, "Subtitle")
    when = doc.add_paragraph(data.date)
    when.paragraph_format.space_before = Pt(24)
    if data.pseudonymised:
        docx_parts.small_note(doc, "Pseudonymised: names are replaced by [name].")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(doc: Document) -> Paragraph:
    """The contents heading, and a placeholder paragraph the entries replace at the end."""
    docx_parts.styled(doc, "Contents", "TOC Heading", base="Heading 1")
    return doc.add_paragraph()


def _properties(doc: Document, data: ReportData) -> None:
    props = doc.core_properties
    props.title = data.title
    props.subject = data.subtitle
    # The template's or library's author would otherwise travel with the file.
    props.author = "qualcode"
    props.last_modified_by = "qualcode"
    props.comments = ""
    props.keywords = ""
    props.category = ""
