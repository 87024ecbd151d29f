"""The report's named styles: every kind of text has one, so a house template restyles all
of it. A style the document (or template) lacks is added with the look given here; a style
the template defines is used as the template defines it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from qualcode.export import word_xml

GREY = RGBColor(0x59, 0x59, 0x59)
TABLE_STYLE = "Report Table"
HEADER_FILL = "D9E2F3"
LANGUAGE = "en-GB"


@dataclass(frozen=True)
class Look:
    base: str = "Normal"
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    grey: bool = False
    indent: float = 0.0  # cm, left and right
    keep_with_next: bool = False
    space_before: float | None = None  # pt
    space_after: float | None = None
    centre: bool = False


LOOKS: dict[str, Look] = {
    "Quote": Look(italic=True, indent=1.0, keep_with_next=True, space_after=0),
    "Quote Shortened": Look(base="Quote"),
    "Attribution": Look(size=9, grey=True, indent=1.0, space_after=10),
    "Definition": Look(size=9, italic=True, grey=True, keep_with_next=True),
    "Evidence Note": Look(size=9, grey=True),
    "Memo": Look(size=10, italic=True, indent=0.5),
    "Warning Note": Look(size=10, bold=True),
    "Report Date": Look(space_before=24),
    "Table Text": Look(size=8.5, space_after=0, space_before=0),
    "Table Heading": Look(base="Table Text", bold=True, size=7.5),
    "Table Number": Look(base="Table Text", centre=True),
    "Row Label": Look(base="Table Text", bold=True),
    "Row Note": Look(base="Table Text", size=7.5, grey=True),
    "Rating": Look(base="Table Text", bold=True, centre=True),
    "Cell Quote": Look(base="Table Text", italic=True),
    "Codebook Code": Look(bold=True, size=11, keep_with_next=True, space_before=6,
                          space_after=2),
    "Codebook Text": Look(space_after=2),
    "Codebook Note": Look(size=9, space_after=2),
    "Figure": Look(centre=True, keep_with_next=True, space_before=12),
    "Table Caption": Look(base="Caption", keep_with_next=True, space_before=12),
    "Header": Look(size=8, grey=True),
    "Footer": Look(size=8, centre=True),
}


def apply_look(doc: Document, name: str, added: ParagraphStyle) -> None:
    """Give a style just added to the document its look (if it is one of ours)."""
    look = LOOKS.get(name)
    if look is None:
        return
    font = added.font
    if look.size is not None:
        font.size = Pt(look.size)
    if look.bold is not None:
        font.bold = look.bold
    if look.italic is not None:
        font.italic = look.italic
    if look.grey:
        font.color.rgb = GREY
    fmt = added.paragraph_format
    if look.indent:
        fmt.left_indent = fmt.right_indent = Cm(look.indent)
    if look.keep_with_next:
        fmt.keep_with_next = True
    if look.space_before is not None:
        fmt.space_before = Pt(look.space_before)
    if look.space_after is not None:
        fmt.space_after = Pt(look.space_after)
    if look.centre:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER


def table_style(doc: Document) -> object:
    """The report's table style: the template's "Report Table" if it has one, else one based
    on "Table Grid" (so a template that restyles Table Grid restyles the tables too)."""
    styles = doc.styles
    try:
        return styles[TABLE_STYLE]
    except KeyError:
        added = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        with contextlib.suppress(KeyError):
            added.base_style = styles["Table Grid"]
        _shade_header_row(added.element, HEADER_FILL)
        return added


def _shade_header_row(style: BaseOxmlElement, fill: str) -> None:
    """The header row's shading as part of the table style (not of each cell), so a
    template's own table style replaces it."""
    conditional = word_xml.element("w:tblStylePr", {"w:type": "firstRow"})
    cell = word_xml.element("w:tcPr")
    cell.append(word_xml.shading(fill))
    conditional.append(cell)
    style.append(conditional)


def prepare(doc: Document, *, language: str = LANGUAGE) -> None:
    """Headings kept with what follows, and the document's language (spelling checks)."""
    for level in (1, 2, 3):
        try:
            fmt = doc.styles[f"Heading {level}"].paragraph_format
        except KeyError:
            continue
        if fmt.keep_with_next is None:
            fmt.keep_with_next = True
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
