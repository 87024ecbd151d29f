"""The codebook as a Word document, and as the report's appendix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx.document import Document
from docx.shared import Cm

from qualcode.core.model import Code
from qualcode.export import docx_parts
from qualcode.export.docx_parts import Destination

NOTES = (("inclusion", "Include"), ("exclusion", "Exclude"), ("example", "Example"))


def depths(codes: Sequence[Code]) -> dict[int, int]:
    """Each code's depth in the tree (0 for top-level codes); codes come parents first."""
    found: dict[int, int] = {}
    for c in codes:
        found[c.id or 0] = 0 if c.parent_id is None else found.get(c.parent_id, -1) + 1
    return found


def add_codebook(doc: Document, codes: Sequence[Code], *, headings: bool = False) -> None:
    """Every code with its definition and notes, indented by depth. With ``headings`` the
    codes are Word headings (a standalone codebook); otherwise bold lines (an appendix, kept
    out of the report's table of contents)."""
    depth_of = depths(codes)
    for code in codes:
        depth = depth_of[code.id or 0]
        indent = Cm(0.75 * depth)
        if headings:
            title = docx_parts.heading(doc, code.name, min(depth + 1, 3))
        else:
            title = docx_parts.styled(doc, code.name, "Codebook Code")
        title.paragraph_format.left_indent = indent
        body = docx_parts.styled(doc, code.definition or "(no definition)", "Codebook Text")
        body.paragraph_format.left_indent = indent
        for field, label in NOTES:
            text = getattr(code, field)
            if text:
                note = docx_parts.styled(doc, f"{label}: {text}", "Codebook Note")
                note.paragraph_format.left_indent = indent


def write_codebook_docx(codes: Sequence[Code], dest: Destination, *, name: str = "",
                        description: str = "", template: Path | None = None) -> int:
    """Write the codebook to ``dest`` (a path or a binary file object). Returns the number
    of codes written."""
    doc = docx_parts.new_document(template)
    docx_parts.styled(doc, name or "Codebook", "Title")
    if description:
        doc.add_paragraph(description)
    docx_parts.small_note(doc, f"{len(codes)} codes, "
                               f"{sum(1 for c in codes if c.parent_id is None)} at the top level.")
    add_codebook(doc, codes, headings=True)
    doc.core_properties.title = name or "Codebook"
    doc.core_properties.author = "qualcode"
    docx_parts.save(doc, dest)
    return len(codes)
