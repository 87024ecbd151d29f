"""The table of contents: a Word TOC field whose last result is filled in already.

Word rebuilds the field, with page numbers, when the document opens (``updateFields``). Other
readers (LibreOffice, previews, PDF converters) show the entries written here: each heading,
linked to it by a bookmark. They carry no page numbers, since those need a layout engine
(LibreOffice does not compute PAGEREF fields inside a table of contents).
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from qualcode.export import docx_parts, word_xml

LEVELS = 2
INSTRUCTION = f'TOC \\o "1-{LEVELS}" \\h \\z \\u'


def headings(doc: Document) -> list[tuple[int, Paragraph]]:
    """(level, paragraph) of every heading the contents list, read from the style ids (asking
    python-docx for each paragraph's style object is slow on long reports)."""
    levels = {}
    for level in range(1, LEVELS + 1):
        try:
            levels[doc.styles[f"Heading {level}"].style_id] = level
        except KeyError:
            continue
    return [(levels[p._p.style], p) for p in doc.paragraphs if p._p.style in levels]


def fill_toc(doc: Document, anchor: Paragraph) -> int:
    """Insert the contents after ``anchor`` (which is removed); returns the entries written."""
    width = docx_parts.text_width(doc.sections[0])
    entries = headings(doc)
    previous = anchor
    styled: set[int] = set()
    for number, (level, heading) in enumerate(entries):
        name = f"qc_heading_{number + 1}"
        docx_parts.bookmark(heading, name, 1000 + number)
        entry = _paragraph_after(previous)
        if level not in styled:  # its tab stop and indent, set once
            docx_parts.toc_style(doc, level, width)
            styled.add(level)
        docx_parts.set_style(entry, doc, f"TOC {level}")
        if number == 0:
            begin = word_xml.field_char("begin")
            begin.set(qn("w:dirty"), "true")
            for part in (begin, word_xml.field_instruction(INSTRUCTION),
                         word_xml.field_char("separate")):
                entry._p.append(word_xml.run_of(part))
        link = word_xml.element("w:hyperlink", {"w:anchor": name, "w:history": "1"})
        link.append(word_xml.run_of(
            word_xml.element("w:t", {"xml:space": "preserve"}, heading.text)))
        entry._p.append(link)
        previous = entry
    if entries:
        previous._p.append(word_xml.run_of(word_xml.field_char("end")))
    else:
        docx_parts.add_field(_paragraph_after(anchor), INSTRUCTION,
                             "Update this field (F9) to list the headings.")
    anchor._p.getparent().remove(anchor._p)
    return len(entries)


def _paragraph_after(paragraph: Paragraph) -> Paragraph:
    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    return Paragraph(new, paragraph._parent)
