"""The Word report, as the consultant's deliverable: title page, contents, executive summary,
the benchmarking overview, background, method, limitations, findings per theme, organisation
profiles, conclusions, recommendations, a free section, and annexes (the matrix in detail,
coding in figures, the codebook).

Takes a :class:`ReportData` (already pseudonymised if asked) and writes it to a path (whole or
not at all) or a binary file object. Every paragraph has a named style and no run carries
formatting of its own, so a house template restyles all of it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.text.paragraph import Paragraph

from qualcode.export import docx_parts, report_styles, toc
from qualcode.export.codebook_docx import add_codebook
from qualcode.export.docx_parts import Destination
from qualcode.export.report_data import Coverage, ReportData
from qualcode.export.report_findings import add_findings
from qualcode.export.report_method import add_limitations, add_methodology
from qualcode.export.report_profiles import add_profiles
from qualcode.export.report_tables import (
    add_cooccurrence,
    add_frequencies,
    add_matrix_detail,
    add_matrix_overview,
)
from qualcode.export.report_text import add_own

APPLICATION = "qualcode"


def write_report(data: ReportData, dest: Destination, *, template: Path | None = None) -> None:
    """Write the report to a path (whole or not at all) or a stream."""
    docx_parts.save(build_document(data, template), dest)


def build_document(data: ReportData, template: Path | None = None) -> Document:
    doc = docx_parts.new_document(template)
    report_styles.prepare(doc, language=data.language)
    docx_parts.page_furniture(doc, doc.sections[0], data.title)
    _title_page(doc, data)
    anchor = _contents(doc)
    add_own(doc, data.own.get("summary"), new_page=True)
    if data.matrix is not None and data.matrix.rows:
        add_matrix_overview(doc, data.matrix)
    add_own(doc, data.own.get("background"), new_page=True)
    add_methodology(doc, data.methodology, pseudonymised=data.pseudonymised,
                    own=data.own.get("method"), coverage=data.coverage)
    add_limitations(doc, data.limitations, data.own.get("limitations"))
    add_findings(doc, data.sections, data.coverage or _all_coded(data))
    add_profiles(doc, data.profiles, memos=data.layout.memos)
    first = add_own(doc, data.own.get("conclusions"), new_page=True)
    add_own(doc, data.own.get("recommendations"), new_page=not first)
    add_own(doc, data.own.get("free"))
    if data.layout.annexes:
        _annexes(doc, data)
    toc.fill_toc(doc, anchor)
    docx_parts.update_fields_on_open(doc)
    _properties(doc, data)
    return doc


def _all_coded(data: ReportData) -> Coverage:
    """Coverage when the data does not say: every interview counted as coded."""
    n = len(data.methodology.interviews)
    return Coverage(n, n, data.methodology.cases, data.methodology.cases)


def _annexes(doc: Document, data: ReportData) -> None:
    if data.matrix is not None and data.matrix.rows:
        add_matrix_detail(doc, data.matrix)
    letter = "B" if data.matrix is not None and data.matrix.rows else "A"
    if data.frequencies is not None or data.cooccurrence:
        title = docx_parts.heading(doc, f"Annex {letter}. Coding in figures", 1)
        title.paragraph_format.page_break_before = True
        if data.frequencies is not None:
            add_frequencies(doc, data.frequencies)
        add_cooccurrence(doc, data.cooccurrence)
        letter = chr(ord(letter) + 1)
    title = docx_parts.heading(doc, f"Annex {letter}. Codebook", 1)
    title.paragraph_format.page_break_before = True
    add_codebook(doc, data.codebook)


def _title_page(doc: Document, data: ReportData) -> None:
    for _ in range(6):
        docx_parts.styled(doc, "", "Normal")
    docx_parts.styled(doc, data.title, "Title")
    if data.subtitle:
        docx_parts.styled(doc, data.subtitle, "Subtitle")
    docx_parts.styled(doc, data.date, "Report Date")
    if data.author:
        docx_parts.styled(doc, data.author, "Normal")
    if data.pseudonymised:
        docx_parts.small_note(doc, "Pseudonymised: names are replaced by [name].")
    docx_parts.styled(doc, "", "Normal").add_run().add_break(WD_BREAK.PAGE)


def _contents(doc: Document) -> Paragraph:
    """The contents heading, and a placeholder paragraph the entries replace at the end."""
    docx_parts.styled(doc, "Contents", "TOC Heading", base="Heading 1")
    return doc.add_paragraph()


def _properties(doc: Document, data: ReportData) -> None:
    """Core properties from the project, none inherited from python-docx's own template."""
    props = doc.core_properties
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = data.title
    props.subject = data.subtitle
    props.author = data.author or APPLICATION
    props.last_modified_by = data.author or APPLICATION
    props.created = props.modified = stamp
    props.revision = 1
    props.language = data.language
    props.comments = props.keywords = props.category = ""
    _application(doc)


def _application(doc: Document) -> None:
    """docProps/app.xml names the program that wrote the file; python-docx's template says
    "Microsoft Macintosh Word"."""
    for rel in doc.part.package.rels.values():
        part = rel.target_part
        if str(part.partname) == "/docProps/app.xml":
            blob = part.blob.decode("utf-8")
            start, end = blob.find("<Application>"), blob.find("</Application>")
            if start >= 0 < end:
                blob = blob[:start] + f"<Application>{APPLICATION}</Application>" \
                    + blob[end + len("</Application>"):]
                part._blob = blob.encode("utf-8")  # a generic Part keeps its bytes here
