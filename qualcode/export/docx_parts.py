"""Building blocks for Word documents: the document (blank or from a template), styles,
fields, bookmarks, tables whose header row repeats, sections and footers."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO
from weakref import WeakKeyDictionary

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section, _Footer, _Header
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from qualcode.core.errors import InputError, QualcodeError
from qualcode.core.files import atomic_write
from qualcode.core.reading import read_input
from qualcode.export import report_styles, word_xml

Destination = Path | str | IO[bytes]

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document"
GREY = RGBColor(0x59, 0x59, 0x59)
_NUMBER = re.compile(r"[\d.,%]+")
A4 = (Cm(21), Cm(29.7))  # a new document's page (width, height)
MARGIN = Cm(2.5)  # a new document's margins, all four


# -- the document --------------------------------------------------------------------------
def new_document(template: Path | None = None) -> Document:
    """A blank A4 document, or one with ``template``'s styles, page setup, headers and
    footers (its body text is left out)."""
    if template is None:
        doc = docx.Document()
        section = doc.sections[0]
        section.page_width, section.page_height = A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        quote = doc.styles["Quote"].paragraph_format
        quote.left_indent = quote.right_indent = Cm(1)
        return doc
    doc = _open_template(template)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def _open_template(path: Path) -> Document:
    raw = read_input(path, "template")
    try:
        return docx.Document(io.BytesIO(_as_document(raw)))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise InputError(path, "not a Word document or template (.docx, .dotx)") from None


def _as_document(raw: bytes) -> bytes:
    """A .dotx declares a template content type that python-docx refuses; relabel it."""
    with zipfile.ZipFile(io.BytesIO(raw)) as source:
        types = source.read("[Content_Types].xml")
        if _TEMPLATE_TYPE not in types:
            return raw
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                target.writestr(item, data)
    return out.getvalue()


def save(doc: Document, dest: Destination) -> None:
    """Save to a stream, or to a path atomically (whole or not at all; a missing folder is
    created; the previous file survives any failure)."""
    if isinstance(dest, str | Path):
        # Built in memory first: python-docx leaves its ZipFile open when a write fails (a full
        # disk), and closing it at garbage collection prints a traceback.
        buffer = io.BytesIO()
        doc.save(buffer)
        with atomic_write(dest, "wb", parents=True) as out:
            out.write(buffer.getbuffer())
    else:
        doc.save(dest)


def update_fields_on_open(doc: Document) -> None:
    """Ask Word to refresh the table of contents and page references when it opens the file."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.append(word_xml.valued("w:updateFields", "true"))


# -- styles --------------------------------------------------------------------------------
def style(doc: Document, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH,
          base: str | None = "Normal") -> BaseStyle:
    """The named style, added (based on ``base``) when the document or template lacks it."""
    styles = doc.styles
    try:
        return styles[name]
    except KeyError:
        look = report_styles.LOOKS.get(name)
        if look is not None and kind is WD_STYLE_TYPE.PARAGRAPH:
            base = look.base
            style(doc, base)  # our styles build on each other ("Rating" on "Table Text")
        added = styles.add_style(name, kind)
        if base is not None and kind is not WD_STYLE_TYPE.TABLE:
            with contextlib.suppress(KeyError):
                added.base_style = styles[base]
        if name.startswith("Heading"):
            added.font.bold = True
        if name == "TOC Heading":  # looks like a heading, stays out of the contents
            added.element.get_or_add_pPr().append(word_xml.valued("w:outlineLvl", "9"))
        report_styles.apply_look(doc, name, added)
        return added


# Per document, each paragraph style's id as a paragraph's pStyle takes it (None for the
# default style). python-docx looks a style up by scanning every style of the document, and
# again to compare it with the default, each time a paragraph is given one.
_STYLE_IDS: WeakKeyDictionary[object, dict[str, str | None]] = WeakKeyDictionary()


def style_id(doc: Document, name: str, base: str = "Normal") -> str | None:
    """The id of the named paragraph style (added if the document lacks it), looked up once
    per document; None when it is the document's default paragraph style."""
    known = _STYLE_IDS.setdefault(doc.part, {})
    if name not in known:
        known[name] = doc.part.get_style_id(style(doc, name, base=base),
                                            WD_STYLE_TYPE.PARAGRAPH)
    return known[name]


def set_style(paragraph: Paragraph, doc: Document, name: str, base: str = "Normal") -> None:
    """Give ``paragraph`` the named style, as ``paragraph.style = ...`` does."""
    paragraph._p.style = style_id(doc, name, base)


def styled(doc: Document, text: str, name: str, base: str = "Normal") -> Paragraph:
    """A paragraph in the named style (added to the document if it lacks it)."""
    paragraph = doc.add_paragraph(text)
    set_style(paragraph, doc, name, base)
    return paragraph


def heading(doc: Document, text: str, level: int) -> Paragraph:
    """A paragraph in "Heading N", so Word's navigation pane and TOC see it."""
    level = max(1, min(level, 9))
    return styled(doc, text, f"Heading {level}")


def toc_style(doc: Document, level: int, text_width: Cm) -> ParagraphStyle:
    found = style(doc, f"TOC {level}")
    if not isinstance(found, ParagraphStyle):  # a template's own "TOC 1" of another kind
        raise QualcodeError(f"the template's style {found.name!r} is not a paragraph style")
    fmt = found.paragraph_format
    if len(fmt.tab_stops) == 0:
        fmt.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        fmt.left_indent = Cm(0.6 * (level - 1))
        fmt.space_after = Pt(0)
    return found


# -- runs ----------------------------------------------------------------------------------
def add_run(paragraph: Paragraph, text: str = "", *, bold: bool | None = None,
            italic: bool | None = None, size: float | None = None,
            colour: RGBColor | None = None) -> Run:
    """A run with its formatting (None: inherited), written as ``run.bold``, ``run.italic``,
    ``run.font.size`` and ``run.font.color.rgb`` write it. python-docx's setters each search
    and reorder the run's properties; a report sets thousands of them."""
    run = paragraph.add_run()
    if text:
        append_text(run, text)
    properties = []
    if bold is not None:
        properties.append(_on_off("w:b", bold))
    if italic is not None:
        properties.append(_on_off("w:i", italic))
    if colour is not None:
        properties.append(word_xml.valued("w:color", str(colour)))
    if size is not None:
        properties.append(word_xml.valued("w:sz", str(int(Pt(size).pt * 2))))  # half-points
    if properties:  # in the schema's order: b, i, color, sz
        run_properties = OxmlElement("w:rPr")
        run_properties.extend(properties)
        run._r.insert(0, run_properties)
    return run


def append_text(run: Run, text: str) -> None:
    """Add ``text`` to a run as ``run.text = text`` would write it into an empty run: a line
    break for each newline and a tab for each tab, and the rest as text elements (python-docx
    looks at the text one character at a time; most has neither and is one element)."""
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text
    else:
        run._r.add_t(text)


def _on_off(tag: str, on: bool) -> BaseOxmlElement:
    return word_xml.element(tag) if on else word_xml.valued(tag, "0")


# -- fields and bookmarks --------------------------------------------------------------------
def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC, PAGEREF...) with ``placeholder`` as its last computed result."""
    for part in (word_xml.field_char("begin"), word_xml.field_instruction(instruction),
                 word_xml.field_char("separate")):
        paragraph.add_run()._r.append(part)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(word_xml.field_char("end"))


def bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    start = word_xml.element("w:bookmarkStart", {"w:id": str(number), "w:name": name})
    end = word_xml.element("w:bookmarkEnd", {"w:id": str(number)})
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


# -- tables --------------------------------------------------------------------------------
def table(doc: Document, header: Sequence[str], rows: Sequence[Sequence[str]], *,
          widths: Sequence[Cm] | None = None, blank_rows: int = 0) -> Table:
    """A table in the report's table style: a header row ("Table Heading") that repeats on
    every page, then the rows ("Table Text", numbers in "Table Number"), then ``blank_rows``
    empty rows for the caller to fill. Every row is made at once: adding rows one by one
    parses a snippet of XML per cell."""
    grid = doc.add_table(rows=1 + len(rows) + blank_rows, cols=len(header))
    body = grid.rows[1:]
    grid.style = report_styles.table_style(doc)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        write_cell(cell, text, doc, "Table Heading")
    repeat_header(grid.rows[0])
    numeric = [bool(rows) and all(_NUMBER.fullmatch(r[i]) for r in rows)
               for i in range(len(header))]
    for row, values in zip(body, rows, strict=False):
        for cell, text, centre in zip(row.cells, values, numeric, strict=True):
            write_cell(cell, text, doc, "Table Number" if centre else "Table Text")
    if widths:
        set_widths(grid, widths)
    return grid


def write_cell(cell: _Cell, text: str, doc: Document, style_name: str = "Table Text",
               *, paragraph: Paragraph | None = None) -> Paragraph:
    """``text`` in a cell's first paragraph (or the one given), in a named style."""
    paragraph = paragraph if paragraph is not None else cell.paragraphs[0]
    set_style(paragraph, doc, style_name)
    if text:
        append_text(paragraph.add_run(), text)
    return paragraph


def keep_row_together(row: _Row) -> None:
    _row_flags(row, "w:cantSplit")


def repeat_header(row: _Row) -> None:
    """Mark a row as the table's header: Word repeats it at the top of every page."""
    _row_flags(row, "w:tblHeader", "w:cantSplit")


def _row_flags(row: _Row, *tags: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    for tag in tags:
        if tr_pr.find(qn(tag)) is None:
            tr_pr.append(word_xml.valued(tag, "true"))


def shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    tc_pr.append(word_xml.shading(fill))


def set_widths(grid: Table, widths: Sequence[Cm]) -> None:
    """Column widths, in the grid (LibreOffice reads it) and in every cell (Word does)."""
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=False):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


# -- sections and page furniture --------------------------------------------------------------
def text_width(section: Section) -> Cm:
    """The width between the margins; a template's section that leaves the page size or a
    margin unset counts as a new document's."""
    page, left, right = section.page_width, section.left_margin, section.right_margin
    width = ((A4[0] if page is None else page) - (MARGIN if left is None else left)
             - (MARGIN if right is None else right))
    return Cm(width / 360000)


def new_section(doc: Document, *, landscape: bool) -> Section:
    """Start a new page in a new section, turned to landscape or back to portrait."""
    section = doc.add_section()
    section.different_first_page_header_footer = False  # only the title page goes without
    wide = section.page_width > section.page_height
    if landscape != wide:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = section.page_height, section.page_width
    return section


def _has_content(part: _Header | _Footer) -> bool:
    element = part._element
    return bool("".join(element.itertext()).strip()) or bool(
        element.findall(".//" + qn("w:drawing")))


def page_furniture(doc: Document, section: Section, header_text: str) -> None:
    """Running header with the title and "Page N of M" in the footer, none on the title page,
    in the "Header" and "Footer" styles. A header or page number the template already has is
    kept as it is."""
    section.different_first_page_header_footer = True
    if not _has_content(section.header):
        header = section.header.paragraphs[0]
        header.style = style(doc, "Header")
        header.add_run(header_text)
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer_part = section.footer
    if "PAGE" in footer_part._element.xml:
        return
    footer = (footer_part.add_paragraph() if _has_content(footer_part)
              else footer_part.paragraphs[0])
    footer.style = style(doc, "Footer")
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES", "1")


def small_note(doc: Document, text: str, style_name: str = "Evidence Note") -> Paragraph:
    """A short note in a named style (evidence, definitions, warnings)."""
    return styled(doc, text, style_name)
