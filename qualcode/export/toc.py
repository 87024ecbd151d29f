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
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from qualcode.export import docx_parts

LEVELS = 2
INSTRUCTION = f'TOC \\o "1-{LEVELS}" \\h \\z \\u'


def _fld_char(kind: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _instr(text: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {text} "
    run.append(instr)
    return run


def _text_run(text: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


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
            begin = _fld_char("begin")
            begin[0].set(qn("w:dirty"), "true")
            for run in (begin, _instr(INSTRUCTION), _fld_char("separate")):
                entry._p.append(run)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), name)
        link.set(qn("w:history"), "1")
        link.append(_text_run(heading.text))
        entry._p.append(link)
        previous = entry
    if entries:
        previous._p.append(_fld_char("end"))
    else:
        docx_parts.add_field(_paragraph_after(anchor), INSTRUCTION,
                             "Update this field (F9) to list the headings.")
    anchor._p.getparent().remove(anchor._p)
    return len(entries)


def _paragraph_after(paragraph: Paragraph) -> Paragraph:
    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    return Paragraph(new, paragraph._parent)
