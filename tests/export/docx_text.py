"""Reading a written .docx back: every piece of text, wherever it sits."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx.document import Document
from docx.table import Table


def _table_text(table: Table) -> Iterator[str]:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                yield paragraph.text
            for inner in cell.tables:
                yield from _table_text(inner)


def all_text(doc: Document) -> list[str]:
    """Body paragraphs, table cells (nested too), headers and footers, core properties."""
    found = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        found += list(_table_text(table))
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer, section.even_page_header,
                     section.even_page_footer):
            found += [p.text for p in part.paragraphs]
            for table in part.tables:
                found += list(_table_text(table))
    props = doc.core_properties
    found += [props.title or "", props.subject or "", props.author or "",
              props.last_modified_by or "", props.comments or "", props.keywords or ""]
    return found


def raw_xml(path: Path) -> str:
    """Every XML part of the package, as text (catches what python-docx does not show)."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(name).decode("utf-8", "replace")
                         for name in package.namelist() if name.endswith((".xml", ".rels")))
